import { CARRIER_CODES } from "./references.ts";
import type { UnitHit } from "./units.ts";
import { alternation, vocabulary } from "./vocab.ts";
import { isAsciiAlnum, isAsciiDigit, isAsciiLetter, isDigitAt, isLetterAt, isOneOfAt } from "./normalize.ts";

/**
 * Phone numbers as digits only, country code dropped, domestic trunk 0 kept (spec: contactPhone).
 * A candidate is a run of digits and separators (space, dash, dot, brackets) read in one pass; the
 * longest prefix of its digit groups that forms a valid number wins, so "13917263548 200箱" yields
 * the mobile and not 14 digits.
 */

const MAX_RUN = 24;
/** The shortest number we accept: an 8-digit Hong Kong or Singapore line. */
const MIN_DIGITS = 8;
const SEPARATORS = new Set([" ", "-", ".", "(", ")"]);

/** Country codes whose numbers we normalise; the trunk prefix they drop is put back where one exists. */
const COUNTRY_TRUNK: Record<string, string> = {
  "86": "0", "1": "", "44": "0", "852": "", "853": "", "886": "0", "81": "0", "82": "0", "61": "0", "65": "",
  "49": "0", "33": "0", "39": "", "34": "", "31": "0", "91": "0", "60": "0", "66": "0", "84": "0", "62": "0", "63": "0", "971": "0", "64": "0",
  "45": "", "46": "0", "47": "", "48": "", "41": "0", "43": "0", "32": "0", "351": "", "353": "0", "358": "0", "30": "", "90": "0",
  "55": "0", "52": "", "27": "0", "20": "0", "966": "0", "972": "0", "92": "0", "880": "0", "94": "0", "420": "",
};

const CN_MOBILE = /^1[3-9]\d{9}$/;
const CN_LANDLINE = /^0[1-9]\d{8,10}$/;
const NANP = /^[2-9]\d{2}[2-9]\d{6}$/;

interface Run {
  groups: string[];
  plus: boolean;
}

function readRun(text: string, start: number): { run: Run; end: number } {
  const groups: string[] = [];
  let i = start;
  let plus = false;
  if (text[i] === "+") {
    plus = true;
    i++;
  }
  let current = "";
  while (i < text.length && i - start < MAX_RUN) {
    const c = text[i]!;
    if (isAsciiDigit(c)) {
      current += c;
    } else if (SEPARATORS.has(c) && (isAsciiDigit(text[i + 1]) || text[i + 1] === "(" || SEPARATORS.has(text[i + 1] ?? ""))) {
      if (current) groups.push(current);
      current = "";
    } else {
      break;
    }
    i++;
  }
  if (current) groups.push(current);
  return { run: { groups, plus }, end: i };
}

function international(digits: string): string | undefined {
  for (const length of [1, 2, 3]) {
    const code = digits.slice(0, length);
    const trunk = COUNTRY_TRUNK[code];
    if (trunk === undefined) continue;
    const national = digits.slice(length);
    if (code === "86") {
      if (CN_MOBILE.test(national)) return national;
      if (/^[1-9]\d{8,10}$/.test(national)) return `0${national}`;
      return undefined;
    }
    if (code === "1") return /^\d{10}$/.test(national) ? national : undefined;
    // "+44 (0)20 7946 0958" writes the trunk 0 it drops; "+39 06 …" has none, and its 0 is part of the number.
    if (national.length >= 6 && national.length <= 12) return trunk === "" ? national : `${trunk}${national.replace(/^0/, "")}`;
  }
  return undefined;
}

function asPhone(run: Run, prefixLength: number, labelled: boolean, measured: boolean): string | undefined {
  const groups = run.groups.slice(0, prefixLength);
  const digits = groups.join("");
  if (run.plus || (digits.startsWith("00") && digits.length > 10)) {
    return international(run.plus ? digits : digits.slice(2));
  }
  if (CN_MOBILE.test(digits)) return digits;
  if (digits.startsWith("86") && CN_MOBILE.test(digits.slice(2))) return digits.slice(2);
  if (CN_LANDLINE.test(digits)) return digits;
  // A ten-digit North American number only when written in its usual 3-3-4 grouping.
  // Written 3-3-4 the exchange may even start with 0 or 1 (555-123-4567 in examples and tests).
  if (NANP.test(digits) && groups.length >= 3) return digits;
  if (/^[2-9]\d{9}$/.test(digits) && groups.length === 3 && groups[0]!.length === 3 && groups[1]!.length === 3) return digits;
  // "(03)322-1234", "02 9876 5432": a shorter trunk-0 landline, only when written with its area code apart.
  if (/^0[1-9]\d{7,8}$/.test(digits) && groups.length >= 2 && groups[0]!.length >= 2 && groups[0]!.length <= 4) return digits;
  // "98200 11223": an Indian mobile, written in two groups of five.
  if (/^[6-9]\d{9}$/.test(digits) && groups.length === 2 && groups[0]!.length === 5) return digits;
  // Eight digits with no country code are a Hong Kong, Macau or Singapore line only where a label says it is a
  // phone, or written the way those numbers are written, in two groups of four ("黃太 9123 4567").
  const fourFour =
    !measured && run.groups.length === 2 && groups.length === 2 && groups[0]!.length === 4 && groups[1]!.length === 4 && !groups.every((g) => /^(?:19|20)\d\d$/.test(g));
  if ((labelled || fourFour) && LOCAL_EIGHT.test(digits)) return digits;
  return undefined;
}

const LOCAL_EIGHT = /^[2-9]\d{7}$/;

const { phones: phoneVocab } = vocabulary;

/** A label from the list right before `start`, with what may follow a label: "no.", "number", "#", 号码 and a colon. */
function labelBefore(words: string[], suffix: string): RegExp {
  return new RegExp(`(?:${alternation(words)})\\s?(?:${suffix})?\\s?[:：#]?\\s?$`);
}

const LABEL_REACH = 16;
const PHONE_BEFORE = labelBefore(phoneVocab.labels, "no\\.?|number|#|号码|號碼");
const NOT_PHONE_BEFORE = labelBefore(phoneVocab.referenceLabels, "no\\.?|number|#|号|号码");
const MEASURE_BEFORE = labelBefore(phoneVocab.measureLabels, "");

function labelled(label: RegExp, text: string, start: number): boolean {
  return label.test(text.slice(Math.max(0, start - LABEL_REACH), start).toLowerCase());
}

/** "尺寸 2400 3600 mm", "Qty 5000 8000": numbers that are sizes or counts, by a label before them or a unit after. */
function measuredAround(text: string, start: number, end: number, units: ReadonlyMap<number, UnitHit>): boolean {
  return labelled(MEASURE_BEFORE, text, start) || countsGoods(units.get(end)) || (text[end] === " " && countsGoods(units.get(end + 1)));
}

/**
 * A unit after a number in the thousands: a Chinese one, a measure, or an English count in the plural ("pallets",
 * "pcs"). The singular English counts are everyday words too ("Mrs Wong 9123 4567 can take delivery").
 */
function countsGoods(unit: UnitHit | undefined): boolean {
  return unit !== undefined && (unit.kind.startsWith("zh") || unit.kind === "enMeasure" || unit.unit.endsWith("s"));
}

/** The longest code before a group that still reads as a carrier waybill's first group: "SF1600", "JT3120". */
const MAX_CODE_GROUP = 10;

/**
 * The digits continue a grouped code whose earlier groups mix letters and digits: a UPS number written
 * "1Z 4F8 V29 03 1184 2207", a container "MSKU 4F2 1234 5678", a waybill "SF1600 2234 8891". A phone's groups
 * are digits alone.
 */
function continuesGroupedCode(text: string, start: number): boolean {
  if (text[start - 1] !== " ") return false;
  let j = start - 2;
  let letters = 0;
  let digits = 0;
  while (j >= 0 && start - 2 - j < MAX_CODE_GROUP + 1 && isAsciiAlnum(text[j])) {
    if (isAsciiLetter(text[j])) letters++;
    else digits++;
    j--;
  }
  const code = text.slice(j + 1, start - 1);
  const carrierWaybill = CARRIER_CODES.has(/^[A-Z]{1,4}/.exec(code)?.[0] ?? "") && /^[A-Z]{1,4}\d{3,}$/.test(code);
  return letters > 0 && digits > 0 && (code.length <= 5 || carrierWaybill) && code.length <= MAX_CODE_GROUP && !isAsciiAlnum(text[j]);
}

/** The first phone number in the (normalised) text, as digits; `units` are the message's unit words (see units.ts). */
export function findPhone(text: string, units: ReadonlyMap<number, UnitHit>): string | undefined {
  let i = 0;
  while (i < text.length) {
    const startsRun = isDigitAt(text, i) || (isOneOfAt(text, i, "+(") && isDigitAt(text, i + 1));
    if (!startsRun || isDigitAt(text, i - 1) || isLetterAt(text, i - 1) || isOneOfAt(text, i - 1, "-_/#")) {
      i++;
      continue;
    }
    const { run, end } = readRun(text, isOneOfAt(text, i, "(") ? i + 1 : i);
    const digits = run.groups.reduce((n, g) => n + g.length, 0);
    if (digits >= MIN_DIGITS && !isAsciiAlnum(text[end]) && !labelled(NOT_PHONE_BEFORE, text, i) && !(run.groups.length > 1 && continuesGroupedCode(text, i))) {
      const phoneLabel = labelled(PHONE_BEFORE, text, i);
      const measured = measuredAround(text, i, end, units);
      for (let k = run.groups.length; k > 0; k--) {
        const phone = asPhone(run, k, phoneLabel, measured);
        if (phone) return phone;
      }
    }
    i = Math.max(end, i + 1);
  }
  return undefined;
}
