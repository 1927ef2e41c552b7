import { CueMatcher, longestHits } from "./cues.ts";
import { isClauseBreakAt, isOneOfAt } from "./normalize.ts";
import { alternation, vocabulary } from "./vocab.ts";

/**
 * The delivery address: the text after a cue (送到, 地址:, deliver to …) up to the end of its clause,
 * kept only when it contains a place marker (路, 号, 区, Rd, St, warehouse …). An address in brackets
 * after a vague place ("送到店里（南山区…22号）") is the bracketed one.
 */

const A = vocabulary.address;
const MAX_ADDRESS = 120;
const cues = new CueMatcher<true>(A.cues.map((c) => [c, true] as const), { shared: true });
const markers = new CueMatcher<true>(A.markers.map((m) => [m, true] as const));
const stops = A.stops.map((s) => s.toLowerCase());

/** A place marker (路, 号, Rd, warehouse …), or a house number before a street name ("900 Logistics …"). */
function hasMarker(s: string): boolean {
  return markers.findAll(s.toLowerCase()).length > 0 || /^\d{1,5}\s[A-Z][a-z]/.test(s) || WESTERN_SHAPES.some((r) => r.test(s));
}

/**
 * Address shapes without a street word: a German/Dutch compound street (Industriestr. 14, Lagerstraße 5),
 * a postcode before a city (70565 Stuttgart, 1100-048 Lisboa), a US state and ZIP (NV 89011), a UK or
 * Canadian postcode, a Japanese block number (3-5-12 Minatomirai).
 */
const WESTERN_SHAPES = [
  /[a-zäöüß]{2}(?:str\.?|straße|strasse|weg|platz|allee|gasse|damm|straat|laan|gracht|vej|gatan|gade|veien)\s\d/i,
  /(?:^|[\s,])\d{4,5}(?:-\d{3})?\s[A-Z][a-zà-ÿ]{2}/,
  /\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b/,
  /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/,
  /\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b/,
  /^\d{1,4}(?:-\d{1,4}){1,3}\s[A-Z][a-z]/,
];

/** A sentence break: stricter than a clause break, it bounds the address. */
function isSentenceBreak(text: string, i: number): boolean {
  if (isOneOfAt(text, i, "。!?\n;")) return true;
  // "Dr." or "St." inside an address is not the end of a sentence; ". " before a capital is, and in casual
  // lower-case chat so is ". " after a whole word ("…Ave, Chicago. i'll pay when…").
  if (!isOneOfAt(text, i, ".")) return false;
  if (i + 1 >= text.length) return true;
  if (text[i + 1] !== " ") return false;
  const next = text[i + 2] ?? "";
  if (/[A-Z\u3400-\u9fff]/.test(next)) return true;
  return /[a-z]/.test(next) && WHOLE_WORD_BEFORE.test(text.slice(Math.max(0, i - 12), i));
}

/** A word of two or more letters before the dot that is not an abbreviation (vocab: address.abbreviations). */
const WHOLE_WORD_BEFORE = new RegExp(`(?:^|[^A-Za-z])(?!(?:${alternation(A.abbreviations)})$)[A-Za-z]{2,}$`, "i");

/** Where an address that starts at `from` ends: a sentence break, a Chinese clause break, or a field that follows it. */
function addressEnd(text: string, lower: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_ADDRESS);
  let end = from;
  let depth = 0;
  while (end < limit) {
    if (isOneOfAt(text, end, "(")) depth++;
    if (isOneOfAt(text, end, ")")) depth = Math.max(0, depth - 1);
    // NFKC turned the Chinese comma into ","; only an English ", " (with its space) continues an address.
    const clauseEnds = isOneOfAt(text, end, ",") ? !isOneOfAt(text, end + 1, " ") : isClauseBreakAt(text, end) && !isOneOfAt(text, end, ":");
    if (depth === 0 && (isSentenceBreak(text, end) || clauseEnds)) break;
    end++;
  }
  const segment = lower.slice(from, end);
  let cut = segment.length;
  for (const stop of stops) {
    const i = segment.indexOf(stop);
    if (i > 0 && i < cut) cut = i;
  }
  return from + cut;
}

/** "地址改成浦东新区…": the words of a change stand between the cue and the new address. */
const CHANGE_WORDS = /^(?:改成|改为|改到|换成|换到|修改为|更改为|变更为|改為|換成|更改為)\s?[:：]?\s?/;

function clean(s: string): string {
  return s
    .replace(/^[\s:：,]+|[\s,，.。;]+$/g, "")
    .replace(CHANGE_WORDS, "")
    .replace(/^(?:our|their|the|my)\s/i, "")
    .trim();
}

function fromBrackets(s: string): string | undefined {
  const m = /\(([^()]{4,80})\)/.exec(s);
  return m && hasMarker(m[1]!) ? clean(m[1]!) : undefined;
}

/** The address and where it stands in the text, so the counts inside it are known to be no quantities. */
export interface Address {
  value: string;
  start: number;
  end: number;
}

/** Where `value` stands in the text between `from` and `end`; the whole span when cleaning changed it. */
function located(value: string, text: string, from: number, end: number): Address {
  const at = text.indexOf(value, from);
  return at >= 0 && at < end ? { value, start: at, end: at + value.length } : { value, start: from, end };
}

/** "30 oysters to 1 Dock Sq. Deliver to … 1 Dock Sq": every place the message gives the address, the one read first. */
export function placesOf(text: string, address: Address): Address[] {
  const places = [address];
  for (let at = text.indexOf(address.value); at >= 0; at = text.indexOf(address.value, at + 1)) {
    if (at !== address.start) places.push({ ...address, start: at, end: at + address.value.length });
  }
  return places;
}

export function findAddress(text: string, lower: string): Address | undefined {
  const hits = longestHits(cues.findAll(lower));
  for (const [k, hit] of hits.entries()) {
    const from = hit.end;
    const end = addressEnd(text, lower, from);
    // "送 50 桶机油到 宁波市…": a later cue inside this one's span starts the real address.
    const later = hits[k + 1];
    // Only a later address of some length counts: the 送 of "…号配送中心" leaves just "中心" after it.
    const laterAddress = later && later.start >= from && later.end < end ? clean(text.slice(later.end, end)) : "";
    if (laterAddress.length >= 4 && hasMarker(laterAddress)) continue;
    const raw = text.slice(from, end);
    const bracketed = fromBrackets(raw);
    if (bracketed) return located(bracketed, text, from, end);
    let candidate = clean(raw.replace(/\([^()]{0,40}\)/g, ""));
    // "送 50 桶机油到 宁波市…": after a bare 送/寄, the goods come first and the place after 到.
    const arrive = hit.end - hit.start === 1 ? candidate.indexOf("到") : -1;
    if (arrive > 0 && hasMarker(candidate.slice(arrive + 1))) candidate = clean(candidate.slice(arrive + 1));
    // "our yard at 18 Mill St" / "Bayside Electric, 220 Harbor Way": the address starts at the number.
    const at = /^(?:[A-Za-z' ]{1,40}?\sat\s|[A-Z][A-Za-z&' ]{1,40},\s)(?=\d)/.exec(candidate);
    if (at) candidate = candidate.slice(at[0].length);
    if (candidate.length >= 4 && hasMarker(candidate) && !/^(?:be|the|you|us|me|him|her|them)\b/i.test(candidate)) return located(candidate, text, from, end);
  }
  return unlabelledChineseAddress(text, lower) ?? unlabelledEnglishAddress(text);
}

/**
 * A street address with no cue before it, standing as its own clause: "By Friday please – 415 Maple Ave, Suite 200,
 * Evanston IL". Only the full shape counts: a house number, a capitalised street name and a street word.
 */
const SUBUNIT = `(?:${A.subunits.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join("|")})\\.?\\s#?[0-9A-Za-z]{1,5}`;
const ENGLISH_ADDRESS = new RegExp(
  `(?<=^|[,;:!?–—]\\s|\\.\\s)(?:${SUBUNIT},?\\s)?\\d{1,5}\\s(?:[NSEW]\\.?\\s)?(?:[A-Z][a-z]+\\s){1,3}(?:${A.streetTypes.join("|")})\\b`,
  "g",
);

/** What may follow the street, each after a comma: a suite, a town, a state, a postcode ("…, Suite 200, Evanston IL 60201"). */
const ADDRESS_TAIL = new RegExp(
  `^,\\s(?:${SUBUNIT}|[A-Z][A-Za-z'-]*(?:\\s[A-Z][A-Za-z'-]*){0,3}(?:\\s[A-Z]{2,3})?(?:\\s\\d{4,5}(?:-\\d{4})?|\\s[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d)?|\\d{5}(?:-\\d{4})?)`,
);

function unlabelledEnglishAddress(text: string): Address | undefined {
  ENGLISH_ADDRESS.lastIndex = 0;
  const m = ENGLISH_ADDRESS.exec(text);
  if (!m) return undefined;
  // The street and the parts that follow it after commas; not the rest of the clause ("30 Park Lane Hotel needs…").
  let end = m.index + m[0].length;
  for (let parts = 0; parts < 4; parts++) {
    const tail = ADDRESS_TAIL.exec(text.slice(end, end + 48));
    if (!tail) break;
    end += tail[0].length;
  }
  return { value: text.slice(m.index, end), start: m.index, end };
}

/**
 * A Chinese address with no cue before it, standing as its own clause: "…这周六送，天河区珠江新城华夏路30号1502，
 * 货到付款". Only the full shape counts: a district or county, then a road, street or avenue with a house number.
 */
const CHINESE_ADDRESS = /(?<=^|[,;:!?\s，；：。！？])(?:[\u4e00-\u9fff]{2,4}[省市])?[\u4e00-\u9fff]{1,4}[区區县縣][\u4e00-\u9fffA-Za-z]{1,16}?(?:路|道|街)[0-9]{1,5}[号號]/g;

function unlabelledChineseAddress(text: string, lower: string): Address | undefined {
  CHINESE_ADDRESS.lastIndex = 0;
  const m = CHINESE_ADDRESS.exec(text);
  if (!m) return undefined;
  const end = addressEnd(text, lower, m.index);
  const candidate = clean(text.slice(m.index, Math.max(end, m.index + m[0].length)));
  return candidate.length >= 6 ? located(candidate, text, m.index, end) : undefined;
}
