import { isDigitAt, isLetterAt } from "./normalize.ts";

/**
 * Numbers as people write them in chat: 1,200 / 18.5 / 3k / 5w / 1.2万 / 40 万 and Chinese numerals
 * (二百, 两千, 一万五, 一万五千). One linear scan; digit runs longer than MAX_DIGITS are not numbers
 * anyone means (ids, phone numbers are read elsewhere) and are skipped whole.
 */

const MAX_DIGITS = 15;
const MAX_CHINESE = 12;

const DIGIT_VALUES: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 仨: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

export const CHINESE_DIGITS: ReadonlySet<string> = new Set([
  ...Object.keys(DIGIT_VALUES),
  ...Object.keys(SMALL_UNITS),
  ...Object.keys(LARGE_UNITS),
]);
const IS_CHINESE_DIGIT = new Uint8Array(65_536);
for (const c of CHINESE_DIGITS) IS_CHINESE_DIGIT[c.charCodeAt(0)] = 1;

function isChineseDigitAt(text: string, i: number): boolean {
  return IS_CHINESE_DIGIT[text.charCodeAt(i)] === 1;
}

const MULTIPLIERS: Record<string, number> = { 万: 10_000, 亿: 100_000_000, 千: 1000, k: 1000, K: 1000, w: 10_000 };

export interface NumberToken {
  value: number;
  start: number;
  end: number;
  /** Written in Chinese numerals (二百) rather than digits. */
  chinese: boolean;
  /** Digits glued to a letter or dash before them, as in M8, A4 or HSG-80: part of a name, not a count. */
  glued: boolean;
}

/**
 * The value of a Chinese numeral, or undefined when it is not one. A trailing digit after a unit
 * counts in the next lower unit, as speakers mean it: 一万五 = 15000, 两千五 = 2500, 三百六 = 360.
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  for (const c of s) {
    const d = DIGIT_VALUES[c];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = undefined;
      lastUnit = small;
      continue;
    }
    const large = LARGE_UNITS[c];
    if (large === undefined) return undefined;
    total += (section + (digit ?? 0)) * large;
    section = 0;
    digit = undefined;
    lastUnit = large;
  }
  if (digit !== undefined) {
    section += lastUnit >= 10 && s.length > 1 && DIGIT_VALUES[s[s.length - 2]!] === undefined ? (digit * lastUnit) / 10 : digit;
  }
  return total + section;
}

/** Reads an ASCII number at `i` (the caller checked a digit is there). */
function readDigits(text: string, i: number): { value: number; end: number } | undefined {
  let end = i;
  while (end < text.length && isDigitAt(text, end)) end++;
  const intLength = end - i;
  if (intLength > MAX_DIGITS) return undefined;
  let digits = text.slice(i, end);
  // Thousands separators: "1,200" and "20,000", but never "1,1,1" (groups must be exactly three digits).
  if (intLength <= 3) {
    while (
      text.startsWith(",", end) &&
      isDigitAt(text, end + 1) &&
      isDigitAt(text, end + 2) &&
      isDigitAt(text, end + 3) &&
      !isDigitAt(text, end + 4) &&
      digits.length < MAX_DIGITS
    ) {
      digits += text.slice(end + 1, end + 4);
      end += 4;
    }
  }
  if (text.startsWith(".", end) && isDigitAt(text, end + 1)) {
    let fracEnd = end + 1;
    while (fracEnd < text.length && fracEnd - end <= 6 && isDigitAt(text, fracEnd)) fracEnd++;
    if (isDigitAt(text, fracEnd)) return undefined;
    digits += text.slice(end, fracEnd);
    end = fracEnd;
  }
  return { value: Number(digits), end };
}

const MONEY_BEFORE_M = /(?:[$€£¥]|\b(?:USD|EUR|GBP|RMB|CNY|HKD|SGD|AUD|CAD))\s?\d+(?:\.\d+)?$/i;
const MULTIPLIER_BY_CODE = new Map(Object.entries(MULTIPLIERS).map(([c, factor]) => [c.charCodeAt(0), factor]));

/** A multiplier after a number: 3k, 5w, 1.2万, 40 万 (one space allowed before 万/千), 1.1M, 2 million. */
function readMultiplier(text: string, end: number): { factor: number; end: number } {
  const word = /^ ?(million|billion|bn)(?![a-z])/i.exec(text.slice(end, end + 9));
  if (word) return { factor: /^b/i.test(word[1]!) ? 1_000_000_000 : 1_000_000, end: end + word[0].length };
  // "USD 1.1M": a capital M after a sum of money is millions; elsewhere it is a brand or a length (3M, 1.5M cable).
  const millions = text[end] === "M" && !isLetterAt(text, end + 1) && MONEY_BEFORE_M.test(text.slice(Math.max(0, end - 20), end));
  if (millions) return { factor: 1_000_000, end: end + 1 };
  let at = end;
  if (text.startsWith(" 万", at) || text.startsWith(" 千", at) || text.startsWith(" 亿", at)) at++;
  const factor = MULTIPLIER_BY_CODE.get(text.charCodeAt(at));
  if (factor === undefined) return { factor: 1, end };
  // k/w are words when a letter follows (3kg, 5west); an upper-case W is usually watts.
  const wordLike = text.startsWith("k", at) || text.startsWith("K", at) || text.startsWith("w", at);
  if (wordLike && isLetterAt(text, at + 1)) return { factor: 1, end };
  return { factor, end: at + 1 };
}

/** Digits glued to a letter or dash before them (M8, A4, HSG-80). */
function gluedAt(text: string, i: number): boolean {
  if (i === 0) return false;
  return isLetterAt(text, i - 1) || "-_/.".includes(text[i - 1]!);
}

/**
 * Two digits in a row end a numeral: no numeral writes them so (十一, 一百零一), and in "六十五一袋" or "三百六一斤"
 * the 一 starts a per-unit price ("65 a bag"), where reading on would give 61.
 */
function digitAfterDigit(text: string, start: number, at: number): boolean {
  if (at === start) return false;
  const prev = DIGIT_VALUES[text[at - 1]!];
  const here = DIGIT_VALUES[text[at]!];
  return prev !== undefined && prev !== 0 && here !== undefined && here !== 0;
}

export function scanNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  let i = 0;
  while (i < text.length) {
    // "@ .92/lb": a price written without its leading zero.
    if (text[i] === "." && isDigitAt(text, i + 1) && /[\s@$£€¥(]/.test(text[i - 1] ?? " ")) {
      const fraction = /^\.(\d{1,4})(?!\d|[.,]\d)/.exec(text.slice(i, i + 7));
      if (fraction) {
        tokens.push({ value: Number(`0.${fraction[1]}`), start: i, end: i + fraction[0].length, chinese: false, glued: false });
        i += fraction[0].length;
        continue;
      }
    }
    if (isDigitAt(text, i)) {
      const read = readDigits(text, i);
      if (!read) {
        while (i < text.length && (isDigitAt(text, i) || text.startsWith(",", i) || text.startsWith(".", i))) i++;
        continue;
      }
      const mult = readMultiplier(text, read.end);
      tokens.push({
        value: Math.round(read.value * mult.factor * 1e6) / 1e6,
        start: i,
        end: mult.end,
        chinese: false,
        glued: gluedAt(text, i),
      });
      i = mult.end;
      continue;
    }
    if (isChineseDigitAt(text, i) && (i === 0 || !text.startsWith("第", i - 1))) {
      let run = i;
      while (run < text.length && isChineseDigitAt(text, run)) run++;
      // A run longer than any numeral is read once, from its start, and skipped whole: it keeps a text of numerals linear.
      let end = Math.min(run, i + MAX_CHINESE);
      if (run - i <= MAX_CHINESE) for (end = i + 1; end < run && !digitAfterDigit(text, i, end); end++);
      const value = parseChineseNumeral(text.slice(i, end));
      if (value !== undefined && value > 0) tokens.push({ value, start: i, end, chinese: true, glued: false });
      i = run - i > MAX_CHINESE ? run : end;
      continue;
    }
    i++;
  }
  return tokens;
}
