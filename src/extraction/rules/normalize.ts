import * as OpenCC from "opencc-js";

/**
 * Chat text as the rules read it. NFKC folds full-width digits, letters and punctuation (１２０箱,
 * ＃, ：) into their ASCII forms; `lower` is the same string lower-cased one code unit at a time, so an
 * offset found in `lower` is the same offset in `text`.
 */
export interface NormalizedText {
  text: string;
  lower: string;
  /** The NFKC text before traditional Chinese was folded to simplified; present only when folding changed it. */
  unfolded?: string;
}

let toSimplified: ((s: string) => string) | undefined;

/** A Han character that the simplified alphabet writes differently might be present (cheap pre-check). */
function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x3400 && code <= 0x9fff) return true;
  }
  return false;
}

/**
 * Traditional Chinese (訂單, 下週二, 先款後貨, 單價) read as simplified, so that every cue is written once.
 * The fold keeps offsets: when the phrase conversion changes the length, characters are folded one by one.
 */
export function foldTraditional(text: string): string {
  if (!hasHan(text)) return text;
  const convert = (toSimplified ??= OpenCC.Converter({ from: "hk", to: "cn" }));
  const folded = convert(text);
  if (folded.length === text.length) return folded;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if (code < 0x3400 || code > 0x9fff) {
      out += c;
      continue;
    }
    const f = convert(c);
    out += f.length === 1 ? f : c;
  }
  return out;
}

export function normalizeText(raw: string): NormalizedText {
  const nfkc = raw.normalize("NFKC");
  const text = foldTraditional(nfkc);
  const unfolded = text === nfkc ? undefined : nfkc;
  const { lower } = lowerCase(text);
  return unfolded === undefined ? { text, lower } : { text, lower, unfolded };
}

function lowerCase(text: string): { lower: string } {
  const whole = text.toLowerCase();
  // Nearly always no character changes length when lower-cased, and one native call is far cheaper.
  if (whole.length === text.length) return { lower: whole };
  let lower = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const l = c.toLowerCase();
    lower += l.length === 1 ? l : c;
  }
  return { lower };
}

export function isAsciiDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

export function isAsciiLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z"));
}

export function isAsciiAlnum(c: string | undefined): boolean {
  return isAsciiDigit(c) || isAsciiLetter(c);
}

export function isCjk(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code >= 0x3400 && code <= 0x9fff;
}

/** Characters that end a clause: a quantity, its product and its price live in one clause. */
const CLAUSE_BREAKS = new Set([",", "，", "。", ";", "；", "!", "！", "?", "？", "\n", "、", ":", "：", "|"]);

export function isClauseBreak(c: string | undefined): boolean {
  return c !== undefined && CLAUSE_BREAKS.has(c);
}

/** A sentence break: stricter than a clause break, used to bound free-text fields. */
export function isSentenceBreak(text: string, i: number): boolean {
  const c = text[i];
  if (c === "。" || c === "!" || c === "?" || c === "\n" || c === ";") return true;
  // "Dr." or "St." inside an address is not the end of a sentence; ". " before a capital is.
  return c === "." && (i + 1 >= text.length || (text[i + 1] === " " && /[A-Z\u3400-\u9fff]/.test(text[i + 2] ?? "")));
}

/** The clause around `pos`: from after the previous clause break to before the next one. */
export function clauseAround(text: string, pos: number): { start: number; end: number } {
  let start = pos;
  while (start > 0 && !breaksClauseAt(text, start - 1)) start--;
  let end = pos;
  while (end < text.length && !breaksClauseAt(text, end)) end++;
  return { start, end };
}

/** A clause break, except the comma inside a number ("5,000") and the colon inside a time ("10:30"). */
function breaksClauseAt(text: string, i: number): boolean {
  const c = text[i];
  if ((c === "," || c === ":") && isAsciiDigit(text[i - 1]) && isAsciiDigit(text[i + 1])) return false;
  return isClauseBreak(c);
}
