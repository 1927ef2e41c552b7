import { CueMatcher } from "./cues.ts";
import { isAsciiAlnum, isAsciiDigit, isAsciiLetter } from "./normalize.ts";
import { vocabulary } from "./vocab.ts";

/**
 * Order, waybill, contract, ticket, booking and container references, as written without their
 * label (spec: orderRef). Ids are read in one pass; each is judged by the label just before it
 * (订单号, waybill, 发票号 …) or, unlabelled, by its shape.
 */

const MAX_ID = 40;
const MIN_ID = 4;

type LabelKind = "include" | "bookingCode" | "locator" | "verb" | "exclude";

const labels = new CueMatcher<LabelKind>([
  ...vocabulary.references.include.map((cue) => [cue, "include"] as const),
  ...vocabulary.references.bookingCodes.map((cue) => [cue, "bookingCode"] as const),
  ...vocabulary.references.locators.map((cue) => [cue, "locator"] as const),
  ...vocabulary.references.verbLabels.map((cue) => [cue, "verb"] as const),
  ...vocabulary.references.exclude.map((cue) => [cue, "exclude"] as const),
], { shared: true });
const fillers = new Set(vocabulary.references.fillers.map((f) => f.toLowerCase()));
const afterLabels = vocabulary.references.after.map((w) => w.toLowerCase());

/** Characters that make a word after an id a longer word: 这单价, 那票据. */
const WORD_GOES_ON = new Set(["价", "据", "位", "独", "纯", "号", "子", "人", "品", "元", "只", "身", "车", "间"]);

/**
 * Whether a word of `after` follows an id ending at `end`, directly or after one space, and no character that
 * makes it a longer word ("NX-0412-07这票", not "KX-208这单价", "KS-1200这单人沙发").
 */
function labelledAfter(lower: string, end: number): boolean {
  const from = lower[end] === " " ? end + 1 : end;
  return afterLabels.some((w) => lower.startsWith(w, from) && !WORD_GOES_ON.has(lower[from + w.length] ?? ""));
}

const prefixes = [...vocabulary.references.prefixes].sort((a, b) => b.length - a.length);

/** Units a quantity carries ("20000 pcs", "20000 件"): a bare number before one counts goods, not an order. */
const unitWords = new Set([...vocabulary.units.enCount, ...vocabulary.units.enMeasure].map((u) => u.toLowerCase()));
const zhUnitChars = new Set([...vocabulary.units.zhCount, ...vocabulary.units.zhMeasure].map((u) => u[0]!));

const CONTAINER = /^[A-Z]{4}\d{7}$/;
/** An airline's record locator: five to eight capitals and digits (MDBEEI, DNX58V). */
const RECORD_LOCATOR = /^[A-Z0-9]{5,8}$/;
/** Capitals alone after a locator label: exactly six, as airlines issue them ("my PNR STILL shows…" is a word). */
const BARE_LOCATOR = /^[A-Z]{6}$/;
/** An id no quantity or date could be: a leading zero, nine or more digits, or letters with digits. */
const NO_QUANTITY = /^(?:0\d{3,}|\d{9,}|(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9-]+)$/;
const UPS = /^1Z[0-9A-Z]{16}$/;
/** A UPU postal item number: two letters, nine digits and the country's two letters (RR123456789CN). */
const POSTAL_ITEM = /^[A-Z]{2}\d{9}[A-Z]{2}$/;
/** An Amazon order number: 3, 7 and 7 digits (404-9063352-8933925). */
const MARKETPLACE_ORDER = /^\d{3}-\d{7}-\d{7}$/;

function isIdChar(c: string | undefined): boolean {
  return isAsciiAlnum(c) || c === "-" || c === "_" || c === "/";
}

function countDigits(s: string): number {
  let n = 0;
  for (const c of s) if (isAsciiDigit(c)) n++;
  return n;
}

/** True when only separators and filler words (号, no., number, #, :) lie between a label and an id. */
function onlyFillersBetween(lower: string, from: number, to: number): boolean {
  const between = lower.slice(from, to);
  if (between.length > 16) return false;
  const words = between.split(/[\s:：#.]+/).filter(Boolean);
  return words.every((w) => fillers.has(w));
}

function hasKnownPrefix(id: string): boolean {
  // "VET-PO-2608-03": an order's PO or SO after a department's letters.
  if (/^[A-Z]{2,5}-(?:PO|SO)-\d{3,}/.test(id)) return true;
  return prefixes.some((p) => {
    if (!id.startsWith(p)) return false;
    const rest = id.slice(p.length);
    if (isAsciiDigit(rest[0]) || (rest[0] === "-" && isAsciiDigit(rest[1]))) return true;
    // PO-KR-0915, SO-GZ-1203-07: a dash, a short letter code, then digits; an order's SO-AG8120 without the second
    // dash (HT-A5000 is a model).
    return (/^-[A-Z]{1,4}-\d/.test(rest) || ((p === "SO" || p === "PO") && /^-[A-Z]{1,4}\d/.test(rest))) && countDigits(rest) >= 3;
  });
}

/** Carrier codes written apart from their digits: "SF 1438 2290 6617", "ZTO 7731 0092 5521". */
const SPACED_PREFIXES = new Set(["SF", "JD", "JDV", "YT", "YTO", "ZTO", "STO", "EMS", "YD", "HTKY", "DPK"]);
/** Carriers whose waybills are written as the code with the first digits, then groups: "SF1488 2093 7716", "JT7788 0021 4456". */
export const CARRIER_CODES: ReadonlySet<string> = new Set([...SPACED_PREFIXES, "JT"]);
/** Carriers named before their tracking numbers, which do not carry the name: "USPS 9400 1118 …", "DHL 1234 5678 90". */
const CARRIER_NAMES: ReadonlySet<string> = new Set(vocabulary.references.carrierNames);
/** A container owner code: three letters and the equipment letter U, J or Z (MSCU, TGHU). */
const CONTAINER_OWNER = /^[A-Z]{3}[UJZ]$/;

/**
 * Digits written in groups after a carrier or container code, "SF 1438 2290 6617" or "MSCU 729301-4":
 * the reference as written, or undefined. Groups are separated by one space or dash; bounded by MAX_ID.
 */
function spacedReference(text: string, code: string, start: number, end: number): string | undefined {
  const container = CONTAINER_OWNER.test(code);
  const known = container || SPACED_PREFIXES.has(code);
  let i = end;
  let digits = "";
  let groups = 0;
  while (i < text.length && i - end < MAX_ID) {
    const sep = text[i];
    if (!(sep === " " || (sep === "-" && groups > 0)) || !isAsciiDigit(text[i + 1])) break;
    let j = i + 1;
    while (j < text.length && isAsciiDigit(text[j]) && j - i < 16) j++;
    digits += text.slice(i + 1, j);
    groups++;
    i = j;
  }
  if (isAsciiAlnum(text[i])) return undefined;
  // An unknown carrier's code ("KY 2026 0318 0091") needs the long, grouped shape of a waybill to count.
  // USPS numbers run to 22 digits ("USPS 9400 1118 9922 3344 5566 77"); a carrier's name is no part of its number.
  if (!known) {
    if (groups < 3 || digits.length < 12 || digits.length > 22) return undefined;
    return CARRIER_NAMES.has(code) ? text.slice(end + 1, i) : text.slice(start, i);
  }
  const ok = container ? /^\d{7}$/.test(digits) : digits.length >= 8 && digits.length <= 22;
  return ok ? text.slice(start, i) : undefined;
}

/**
 * A reference written in space-separated groups after a label, as written: "单号 7731 0092 5521" (three or
 * more digit groups, nine digits or more, a last pair apart as in DHL and USPS numbers) or
 * "1Z 88W 4E1 03 5512 7720" (short letter-and-digit groups that join into a tracking-number shape). Each
 * group is bounded, so the scan is linear.
 */
function groupedReference(text: string, start: number): string | undefined {
  const window = text.slice(start, start + 48);
  const digitsOnly = /^\d{3,6}(?: \d{3,5}){1,5}(?: \d{1,2})?(?![\dA-Za-z])/.exec(window);
  if (digitsOnly && digitsOnly[0].split(" ").length >= 3 && countDigits(digitsOnly[0]) >= 9) return digitsOnly[0];
  const mixed = /^[0-9A-Z]{1,6}(?: [0-9A-Z]{1,6}){2,7}(?![\dA-Za-z])/.exec(window);
  if (!mixed) return undefined;
  let written = mixed[0];
  // Trailing words ("1Z 88W … 7720 IS late") are no part of the id: drop groups without a digit from the end.
  while (written.includes(" ") && !/\d/.test(written.slice(written.lastIndexOf(" ") + 1))) written = written.slice(0, written.lastIndexOf(" "));
  if (!written.includes(" ")) return undefined;
  const joined = written.replace(/ /g, "");
  return UPS.test(joined) || unlabelledShape(joined) ? written : undefined;
}

/**
 * "ZL-2026-0418", "PS-20260714-088": a letter code, the year or the date, and a serial is a document's number (not
 * one of DOCUMENT_CODES). It yields to any other reference in the message, since inspection reports and budgets are
 * numbered so too.
 */
const DATED_DOCUMENT = /^[A-Z]{2,4}-20\d\d(?:\d{4})?-\d{2,6}$/;

/** Letter codes of documents the spec does not count as references: invoices, lots, quotations, SKUs. */
const DOCUMENT_CODES = new Set(["INV", "LOT", "QT", "QUO", "SKU", "QC", "FY", "BN", "SN", "PN", "FP", "BJ"]);

/** How many letters open an id. */
function leadingLetters(id: string): number {
  let letters = 0;
  while (letters < id.length && isAsciiLetter(id[letters])) letters++;
  return letters;
}

/** An id that opens with a document's letter code (INV20260304-0012, LOT…, FP… for 发票, BJ… for 报价). */
function isDocumentCode(id: string): boolean {
  return DOCUMENT_CODES.has(id.slice(0, leadingLetters(id)).toUpperCase());
}

function unlabelledShape(id: string): boolean {
  if (CONTAINER.test(id) || UPS.test(id) || POSTAL_ITEM.test(id) || MARKETPLACE_ORDER.test(id)) return true;
  if (countDigits(id) < 4) return false;
  if (hasKnownPrefix(id)) return true;
  // A run of letters then eight or more digits reads as a carrier waybill (SF1402938475), a serial after a date too
  // (YD20260304-0117, or with a six-digit date, SMT260203-05).
  const letters = leadingLetters(id);
  if (letters < 1 || letters > 4 || isDocumentCode(id)) return false;
  return /^(?:\d{8,}(?:-\d{1,6})?|\d{6,7}-\d{1,6})$/.test(id.slice(letters));
}

/** Words after an id that make it a product's model. */
const MODEL_AFTER = /^\s?(?:型号|型|款|系列|model|series)/;

/** "取消 2026-06-12 的配送": a date after a label is no reference. */
const DATE_SHAPED = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;

function labelledShape(id: string, directlyAfterHash: boolean, lowerAfter: string): boolean {
  const digits = countDigits(id);
  if (digits < 3 || DATE_SHAPED.test(id)) return false;
  // A bare number after a label ("order 1200 units") may be a quantity: it needs five digits or a #, and no unit after it.
  if (/^\d+$/.test(id)) return (directlyAfterHash || id.length >= 5) && !unitFollows(lowerAfter);
  return true;
}

function unitFollows(lowerAfter: string): boolean {
  const rest = lowerAfter.trimStart();
  if (zhUnitChars.has(rest[0] ?? "")) return true;
  const word = /^[a-z]+/.exec(rest);
  return word !== null && (unitWords.has(word[0]) || unitWords.has(word[0].replace(/s$/, "")));
}

export function findOrderRef(text: string, lower: string): string | undefined {
  const labelsBefore = new LabelWindow(labels.findAll(lower), lower);
  let document: string | undefined;
  let i = 0;
  while (i < text.length) {
    if (!isAsciiAlnum(text[i]) || isIdChar(text[i - 1])) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isIdChar(text[end])) end++;
    while (end > i && !isAsciiAlnum(text[end - 1])) end--;
    const id = text.slice(i, end);
    const next = end;
    const label = labelsBefore.closest(i);
    // Booking-code and locator labels are include labels that also admit a record locator.
    const included = label === "include" || label === "bookingCode" || label === "locator";
    if (/^[A-Z]{2,5}$/.test(id)) {
      const spaced = spacedReference(text, id, i, end);
      if (spaced && label !== "exclude") return spaced;
    }
    // "SF1488 2093 7716", "JT7788 0021 4456": a carrier's code and first digits, then the rest in groups of three or
    // more ("SF50 2400 3600 mm" is a size, "JD618 2026 06 18" a date).
    const carrier = /^([A-Z]{2,4})\d{3,6}$/.exec(id);
    if (carrier && text[end] === " " && label !== "exclude" && CARRIER_CODES.has(carrier[1]!)) {
      const grouped = /^(?: \d{3,6}){1,4}(?![\dA-Za-z])/.exec(text.slice(end, end + 32));
      const digits = grouped ? countDigits(id) + countDigits(grouped[0]) : 0;
      if (grouped && digits >= 12 && digits <= 20 && !unitFollows(lower.slice(end + grouped[0].length, end + grouped[0].length + 12))) {
        return text.slice(i, end + grouped[0].length);
      }
    }
    if (id.length <= 6 && text[end] === " " && included) {
      const grouped = groupedReference(text, i);
      if (grouped) return grouped;
    }
    // Capitals alone ("confirmation TODAY") are a word unless a # or : marks them as the code, or six of them follow
    // a label that can name nothing else ("Locator IRRLCD"; "my PNR STILL shows…" has five).
    const marked = countDigits(id) > 0 || /[#:：]\s*$/.test(text.slice(Math.max(0, i - 4), i));
    if (RECORD_LOCATOR.test(id) && ((label === "bookingCode" && marked) || (label === "locator" && (marked || BARE_LOCATOR.test(id))))) return id;
    if (label === "verb" && NO_QUANTITY.test(id)) return id;
    if (id.length >= MIN_ID && id.length <= MAX_ID && countDigits(id) > 0) {
      if (included && labelledShape(id, text[i - 1] === "#", lower.slice(end, end + 12))) return id;
      if (label === undefined && !isDocumentCode(id)) {
        // "ZS-260915 那单": named by the word after it, an id needs letters and five digits or more, as a phone or an
        // amount has no letters and a model ("HP-M404那单", "RTX4090那单") fewer digits.
        if (/[A-Za-z]/.test(id) && countDigits(id) >= 5 && labelledAfter(lower, end)) return id;
        // "20台SO-AG8120型号的烘干机": a model's code, whatever its shape.
        const model = MODEL_AFTER.test(lower.slice(end, end + 7));
        if (!model && (unlabelledShape(id) || (text[i - 1] === "#" && /^\d{4,}$/.test(id)))) return id;
        if (DATED_DOCUMENT.test(id)) document ??= id;
      }
    }
    i = Math.max(next, i + 1);
  }
  return document;
}

/** How far before an id its label may end. */
const LABEL_REACH = 16;

/**
 * The label hits ordered by where they end, asked about ids left to right: each question moves a window
 * forward instead of rereading every hit, so a text full of labels and ids ("order 1234 5678 …") stays linear.
 */
class LabelWindow {
  private readonly hits: ReturnType<typeof labels.findAll>;
  private from = 0;

  constructor(hits: ReturnType<typeof labels.findAll>, private readonly lower: string) {
    this.hits = [...hits].sort((a, b) => a.end - b.end);
  }

  closest(idStart: number): LabelKind | undefined {
    const hits = this.hits;
    while (this.from < hits.length && hits[this.from]!.end < idStart - LABEL_REACH) this.from++;
    let best: { kind: LabelKind; end: number; length: number } | undefined;
    for (let k = this.from; k < hits.length && hits[k]!.end <= idStart; k++) {
      const h = hits[k]!;
      if (!onlyFillersBetween(this.lower, h.end, idStart)) continue;
      const better = !best || h.end > best.end || (h.end === best.end && h.end - h.start > best.length);
      if (better) best = { kind: h.tag, end: h.end, length: h.end - h.start };
    }
    return best?.kind;
  }
}
