import { isAsciiAlnum } from "./normalize.ts";
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

const NUMBER_CODES = [..."0123456789", ...CHINESE_DIGITS].map((c) => c.charCodeAt(0));
const IS_NUMBER_CODE = new Uint8Array(65_536);
for (const code of NUMBER_CODES) IS_NUMBER_CODE[code] = 1;

function isNumberChar(c: string | undefined): boolean {
  return c !== undefined && IS_NUMBER_CODE[c.charCodeAt(0)] === 1;
}

interface TrieNode<T> {
  /** Keyed by UTF-16 code unit: number keys hash faster than one-character strings. */
  next: Map<number, TrieNode<T>>;
  /** Patterns whose leading literal ends at this node; their remaining tokens still have to match. */
  ending: Pattern<T>[];
}

function trieNode<T>(): TrieNode<T> {
  return { next: new Map(), ending: [] };
}

export class CueMatcher<T> {
  /** Patterns starting with a literal, in a trie over that literal: one walk per position finds them all. */
  private readonly root: TrieNode<T> = trieNode();
  /** Patterns starting with a number, tried at the first digit of each number. */
  private readonly numberFirst: Pattern<T>[] = [];
  /** 1 for every code unit some pattern starts with: most characters are rejected by one array read. */
  private readonly startsAny = new Uint8Array(65_536);

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
      if (first.kind === "number") {
        this.numberFirst.push(pattern);
        for (const code of NUMBER_CODES) this.startsAny[code] = 1;
        continue;
      }
      this.startsAny[first.text.charCodeAt(0)] = 1;
      let node = this.root;
      for (let i = 0; i < first.text.length; i++) {
        const code = first.text.charCodeAt(i);
        let child = node.next.get(code);
        if (!child) {
          child = trieNode();
          node.next.set(code, child);
        }
        node = child;
      }
      node.ending.push(pattern);
    }
  }

  findAll(lower: string): CueHit<T>[] {
    const hits: CueHit<T>[] = [];
    const startOfWord = (i: number) => !isAsciiAlnum(lower[i - 1]);
    for (let i = 0; i < lower.length; i++) {
      const code = lower.charCodeAt(i);
      if (this.startsAny[code] === 0) continue;
      let node = this.root.next.get(code);
      let depth = 1;
      while (node) {
        for (const p of node.ending) this.tryPattern(lower, i, i + depth, p, 1, hits, startOfWord);
        node = i + depth < lower.length ? node.next.get(lower.charCodeAt(i + depth)) : undefined;
        depth++;
      }
      if (this.numberFirst.length > 0 && IS_NUMBER_CODE[code] === 1 && !(i > 0 && IS_NUMBER_CODE[lower.charCodeAt(i - 1)] === 1)) {
        for (const p of this.numberFirst) this.tryPattern(lower, i, i, p, 0, hits, startOfWord);
      }
    }
    return hits;
  }

  private tryPattern(
    lower: string,
    start: number,
    pos: number,
    p: Pattern<T>,
    k: number,
    hits: CueHit<T>[],
    startOfWord: (i: number) => boolean,
  ): void {
    if (p.wordStart && !startOfWord(start)) return;
    const end = matchTokens(lower, pos, p.tokens, k);
    if (end < 0 || (p.wordEnd && isAsciiAlnum(lower[end]))) return;
    hits.push({ tag: p.tag, cue: p.cue, start, end });
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
