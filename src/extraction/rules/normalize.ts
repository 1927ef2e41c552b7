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

/** The Locale config that `Converter({ from: "hk", to: "cn" })` runs. */
const FOLD_CONFIG = "hk2s";

/**
 * What a code point can do in the fold: KEEPS appears in dictionary keys but no entry changes it;
 * CHANGES appears where some entry rewrites it. Code points in no key (the rest) never take part in a
 * match, so the converter's output is the same whether runs between them are converted together or apart.
 */
const KEEPS = 1;
const CHANGES = 2;

interface Fold {
  convert: (s: string) => string;
  /** Roles of the code points in dictionary keys; undefined when the dictionaries could not be read. */
  roles?: { bmp: Uint8Array; astral: Map<number, number> };
}

let fold: Fold | undefined;

function foldRoles(): Fold["roles"] {
  const bmp = new Uint8Array(65_536);
  const astral = new Map<number, number>();
  const mark = (cp: number, role: number) => {
    if (cp <= 0xffff) bmp[cp] = Math.max(bmp[cp]!, role);
    else astral.set(cp, Math.max(astral.get(cp) ?? 0, role));
  };
  const dictionaries: string[] = [];
  // Serialized dictionaries ("訂 订|單 单") nested in groups and chains; any other shape disables the shortcut.
  const collect = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.every(collect);
    if (typeof value !== "string" || !value.includes(" ")) return false;
    dictionaries.push(value);
    return true;
  };
  const config = (OpenCC.Locale.configs as Record<string, object | undefined>)[FOLD_CONFIG];
  if (!config || !Object.values(config).every(collect)) return undefined;
  for (const dictionary of dictionaries) {
    for (const entry of dictionary.split("|")) {
      const [key = "", value = ""] = entry.split(" ");
      const from = [...key];
      const to = [...value];
      from.forEach((c, i) => mark(c.codePointAt(0)!, from.length !== to.length || c !== to[i] ? CHANGES : KEEPS));
    }
  }
  return { bmp, astral };
}

/** A Han character that the simplified alphabet writes differently might be present (cheap pre-check). */
function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x3400 && code <= 0x9fff) return true;
  }
  return false;
}

/** The code point at `i` as String#codePointAt gives it, read from code units, which the engine reads much faster. */
function codePointAt(text: string, i: number): number {
  const high = text.charCodeAt(i);
  if (high < 0xd800 || high > 0xdbff || i + 1 >= text.length) return high;
  const low = text.charCodeAt(i + 1);
  return low < 0xdc00 || low > 0xdfff ? high : (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
}

/** An ideographic description character makes the converter skip the characters after it, across runs. */
function isIdeographicDescription(cp: number): boolean {
  return cp >= 0x2ff0 && cp <= 0x2fff;
}

/**
 * The converter's output for the whole text, computed by converting only the runs of dictionary
 * characters that contain one some entry changes: chat in simplified Chinese has few or none.
 */
function convertRuns(text: string, { convert, roles }: Fold): string {
  if (!roles) return convert(text);
  let out = "";
  let copied = 0;
  let runStart = -1;
  let changes = false;
  for (let i = 0; i <= text.length; ) {
    const cp = i < text.length ? codePointAt(text, i) : -1;
    if (isIdeographicDescription(cp)) return convert(text);
    const role = cp < 0 ? 0 : cp <= 0xffff ? roles.bmp[cp]! : (roles.astral.get(cp) ?? 0);
    if (role === 0) {
      if (changes) {
        out += text.slice(copied, runStart) + convert(text.slice(runStart, i));
        copied = i;
      }
      runStart = -1;
      changes = false;
    } else {
      if (runStart < 0) runStart = i;
      if (role === CHANGES) changes = true;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Traditional Chinese (訂單, 下週二, 先款後貨, 單價) read as simplified, so that every cue is written once.
 * The fold keeps offsets: when the phrase conversion changes the length, characters are folded one by one.
 */
export function foldTraditional(text: string): string {
  if (!hasHan(text)) return text;
  fold ??= { convert: OpenCC.Converter({ from: "hk", to: "cn" }), roles: foldRoles() };
  const folded = convertRuns(text, fold);
  if (folded.length === text.length) return folded;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if (code < 0x3400 || code > 0x9fff) {
      out += c;
      continue;
    }
    const f = fold.convert(c);
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

/** Phones type curly apostrophes ("what’s", "didn’t"); cues are written with the straight one. Same length. */
const CURLY_APOSTROPHES = /[‘’]/g;

function lowerCase(text: string): { lower: string } {
  const whole = text.toLowerCase();
  // Nearly always no character changes length when lower-cased, and one native call is far cheaper.
  if (whole.length === text.length) return { lower: whole.replace(CURLY_APOSTROPHES, "'") };
  let lower = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const l = c.toLowerCase();
    lower += l.length === 1 ? l : c;
  }
  return { lower: lower.replace(CURLY_APOSTROPHES, "'") };
}

/*
 * The *At forms read a code unit instead of a one-character string: indexing a string at a Chinese
 * character allocates a new string, and hot loops over every character of a message are a GC cost.
 */

export function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}

export function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i) | 0x20;
  return code >= 97 && code <= 122;
}

export function isCjkAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0x3400 && code <= 0x9fff;
}

/** The code unit at `i` is one of `chars`; false outside the text. */
export function isOneOfAt(text: string, i: number, chars: string): boolean {
  const code = text.charCodeAt(i);
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === code) return true;
  return false;
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

/** A sentence's end: what is claimed, supposed or asked in one sentence does not reach into the next. */
export const SENTENCE_END = /[。.!?！？;；\n]/;

/**
 * For each position of `lower`, how many sentence ends (`sentences`) and clause or sentence ends (`clauses`) stand
 * before it. Kept for the last text read: every span question about one message is answered from one count.
 */
let lastBreaks: { lower: string; sentences: Int32Array; clauses: Int32Array } | undefined;

export function breakCounts(lower: string): { sentences: Int32Array; clauses: Int32Array } {
  if (lastBreaks?.lower === lower) return lastBreaks;
  const sentences = new Int32Array(lower.length + 1);
  const clauses = new Int32Array(lower.length + 1);
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!;
    const sentenceEnd = SENTENCE_END.test(c);
    sentences[i + 1] = sentences[i]! + (sentenceEnd ? 1 : 0);
    clauses[i + 1] = clauses[i]! + (sentenceEnd || CLAUSE_BREAKS.has(c) ? 1 : 0);
  }
  lastBreaks = { lower, sentences, clauses };
  return lastBreaks;
}

/** Whether no sentence ends in `[from, to)` of a text, the same as testing SENTENCE_END on that slice. */
export function sentenceSpans(lower: string): (from: number, to: number) => boolean {
  return (from, to) => {
    if (from >= to) return true;
    const { sentences } = breakCounts(lower);
    return sentences[from] === sentences[to];
  };
}

/** Characters that end a clause: a quantity, its product and its price live in one clause. A list's bullet starts one (not ○, which stands for 〇 in numerals). */
const CLAUSE_BREAKS = new Set([",", "，", "。", ";", "；", "!", "！", "?", "？", "\n", "、", ":", "：", "|", "•", "◆", "◇", "●", "■", "□", "▪", "►", "▶", "★", "☆"]);
const CLAUSE_BREAK_CODES = new Set([...CLAUSE_BREAKS].map((c) => c.charCodeAt(0)));

export function isClauseBreak(c: string | undefined): boolean {
  return c !== undefined && CLAUSE_BREAKS.has(c);
}

export function isClauseBreakAt(text: string, i: number): boolean {
  return CLAUSE_BREAK_CODES.has(text.charCodeAt(i));
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
  if (isOneOfAt(text, i, ",:") && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) return false;
  return isClauseBreakAt(text, i);
}
