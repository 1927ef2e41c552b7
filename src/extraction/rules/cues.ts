import { isAsciiAlnum, isAsciiDigit } from "./normalize.ts";
import { CHINESE_DIGITS } from "./numbers.ts";

/**
 * Finds vocabulary cues in lower-cased text in one left-to-right pass. A cue is a literal phrase,
 * with two wildcards: `…` skips up to GAP_MAX characters and `#` stands for a number (ASCII or Chinese
 * digits). Both are bounded, so matching never backtracks more than a few characters per position.
 * A cue that begins or ends with an ASCII letter or digit only matches whole words.
 */

const GAP_MAX = 8;
const NUMBER_MAX = 8;

type Token = { kind: "literal"; text: string } | { kind: "number" } | { kind: "gap" };

interface Pattern<T> {
  cue: string;
  tag: T;
  tokens: Token[];
  wordStart: boolean;
  wordEnd: boolean;
}

export interface CueHit<T> {
  tag: T;
  cue: string;
  start: number;
  end: number;
}

function tokenize(cue: string): Token[] {
  const tokens: Token[] = [];
  let literal = "";
  const flush = () => {
    if (literal) tokens.push({ kind: "literal", text: literal });
    literal = "";
  };
  for (const c of cue.toLowerCase()) {
    if (c === "…") {
      flush();
      tokens.push({ kind: "gap" });
    } else if (c === "#") {
      flush();
      tokens.push({ kind: "number" });
    } else {
      literal += c;
    }
  }
  flush();
  return tokens;
}

function isNumberChar(c: string | undefined): boolean {
  return c !== undefined && (isAsciiDigit(c) || CHINESE_DIGITS.has(c));
}

export class CueMatcher<T> {
  private readonly byFirstChar = new Map<string, Pattern<T>[]>();

  constructor(entries: Iterable<readonly [cue: string, tag: T]>) {
    for (const [cue, tag] of entries) {
      const tokens = tokenize(cue);
      const first = tokens[0];
      if (!first || first.kind === "gap") continue;
      const lowered = cue.toLowerCase();
      const pattern: Pattern<T> = {
        cue,
        tag,
        tokens,
        wordStart: first.kind === "literal" && isAsciiAlnum(lowered[0]),
        wordEnd: isAsciiAlnum(lowered[lowered.length - 1]),
      };
      const keys = first.kind === "literal" ? [first.text[0]!] : [..."0123456789", ...CHINESE_DIGITS];
      for (const key of keys) {
        const list = this.byFirstChar.get(key) ?? [];
        list.push(pattern);
        this.byFirstChar.set(key, list);
      }
    }
  }

  findAll(lower: string): CueHit<T>[] {
    const hits: CueHit<T>[] = [];
    for (let i = 0; i < lower.length; i++) {
      const candidates = this.byFirstChar.get(lower[i]!);
      if (!candidates) continue;
      for (const p of candidates) {
        if (p.wordStart && isAsciiAlnum(lower[i - 1])) continue;
        const end = matchTokens(lower, i, p.tokens, 0);
        if (end < 0) continue;
        if (p.wordEnd && isAsciiAlnum(lower[end])) continue;
        hits.push({ tag: p.tag, cue: p.cue, start: i, end });
      }
    }
    return hits;
  }
}

/** The end offset of `tokens[k..]` matched at `pos`, or -1. */
function matchTokens(text: string, pos: number, tokens: Token[], k: number): number {
  if (k === tokens.length) return pos;
  const token = tokens[k]!;
  if (token.kind === "literal") {
    return text.startsWith(token.text, pos) ? matchTokens(text, pos + token.text.length, tokens, k + 1) : -1;
  }
  if (token.kind === "number") {
    if (k === 0 && isNumberChar(text[pos - 1])) return -1;
    let end = pos;
    while (end < text.length && end - pos < NUMBER_MAX && isNumberChar(text[end])) end++;
    if (end === pos || isNumberChar(text[end])) return -1;
    return matchTokens(text, end, tokens, k + 1);
  }
  for (let skip = 0; skip <= GAP_MAX && pos + skip <= text.length; skip++) {
    const end = matchTokens(text, pos + skip, tokens, k + 1);
    if (end >= 0) return end;
  }
  return -1;
}

/**
 * Drops every hit lying inside a longer hit, so that "missing refund" is not also "missing". Hits with
 * the same span (one phrase, two tags) both stay. One sort and one sweep: linear after sorting.
 */
export function longestHits<T>(hits: CueHit<T>[]): CueHit<T>[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: CueHit<T>[] = [];
  let coverStart = -1;
  let coverEnd = -1;
  for (const h of sorted) {
    const inside = coverEnd >= h.end && (coverStart < h.start || coverEnd > h.end);
    if (!inside) kept.push(h);
    if (h.end > coverEnd) {
      coverStart = h.start;
      coverEnd = h.end;
    }
  }
  return kept;
}
