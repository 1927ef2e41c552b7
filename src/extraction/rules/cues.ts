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
  /** Which hit list the pattern reports into: 0 in its own matcher, its matcher's index in the shared trie. */
  slot: number;
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

/** Patterns in a trie over their leading literals, plus those starting with a number. */
class Trie<T> {
  /** The root's children in a direct table: one array read per position instead of a hash lookup. */
  private readonly rootNext: (TrieNode<T> | undefined)[] = new Array<TrieNode<T> | undefined>(65_536).fill(undefined);
  /** Patterns starting with a number, tried at the first digit of each number. */
  private readonly numberFirst: Pattern<T>[] = [];
  /** 1 for every code unit some pattern starts with: most characters are rejected by one array read. */
  private readonly startsAny = new Uint8Array(65_536);

  add(pattern: Pattern<T>): void {
    const first = pattern.tokens[0]!;
    if (first.kind === "number") {
      this.numberFirst.push(pattern);
      for (const code of NUMBER_CODES) this.startsAny[code] = 1;
      return;
    }
    if (first.kind !== "literal") return;
    const c0 = first.text.charCodeAt(0);
    this.startsAny[c0] = 1;
    let node: TrieNode<T> | undefined = this.rootNext[c0];
    if (!node) {
      node = trieNode<T>();
      this.rootNext[c0] = node;
    }
    for (let i = 1; i < first.text.length; i++) {
      const code = first.text.charCodeAt(i);
      let child: TrieNode<T> | undefined = node.next.get(code);
      if (!child) {
        child = trieNode<T>();
        node.next.set(code, child);
      }
      node = child;
    }
    node.ending.push(pattern);
  }

  /** Every hit, each pushed to `sinks[pattern.slot]`, in order of start, then trie depth, then pattern order. */
  scan(lower: string, sinks: CueHit<T>[][]): void {
    const n = lower.length;
    const hasNumberFirst = this.numberFirst.length > 0;
    const startsAny = this.startsAny;
    const rootNext = this.rootNext;
    for (let i = 0; i < n; i++) {
      const code = lower.charCodeAt(i);
      if (startsAny[code] === 0) continue;
      let node = rootNext[code];
      let depth = 1;
      while (node) {
        const ending = node.ending;
        for (let e = 0; e < ending.length; e++) tryPattern(lower, i, i + depth, ending[e]!, 1, sinks);
        if (i + depth >= n || node.next.size === 0) break;
        node = node.next.get(lower.charCodeAt(i + depth));
        depth++;
      }
      if (hasNumberFirst && IS_NUMBER_CODE[code] === 1 && !(i > 0 && IS_NUMBER_CODE[lower.charCodeAt(i - 1)] === 1)) {
        const numberFirst = this.numberFirst;
        for (let e = 0; e < numberFirst.length; e++) tryPattern(lower, i, i, numberFirst[e]!, 0, sinks);
      }
    }
  }
}

function tryPattern<T>(lower: string, start: number, pos: number, p: Pattern<T>, k: number, sinks: CueHit<T>[][]): void {
  if (p.wordStart && isAsciiAlnum(lower[start - 1])) return;
  const end = matchTokens(lower, pos, p.tokens, k);
  if (end < 0 || (p.wordEnd && isAsciiAlnum(lower[end]))) return;
  sinks[p.slot]!.push({ tag: p.tag, cue: p.cue, start, end });
}

/**
 * Matchers that always read the whole lower-cased message share one trie: `primeSharedCues(lower)`
 * marks the message, and the first shared matcher asked about it scans once for all of them. Each
 * matcher's hits are handed out once; asked again, or about another text, a matcher scans alone.
 */
const sharedMembers: CueMatcher<unknown>[] = [];
let sharedTrie: Trie<unknown> | undefined;
let sharedTrieSize = 0;
let primedText: string | undefined;
let primedHits: (CueHit<unknown>[] | undefined)[] | undefined;

export function primeSharedCues(lower: string): void {
  primedText = lower;
  primedHits = undefined;
}

function sharedHits(lower: string, slot: number): CueHit<unknown>[] | undefined {
  if (primedText === undefined || lower !== primedText) return undefined;
  if (primedHits === undefined) {
    if (!sharedTrie || sharedTrieSize !== sharedMembers.length) {
      sharedTrie = new Trie<unknown>();
      sharedMembers.forEach((m, owner) => {
        for (const p of m.patterns) sharedTrie!.add({ ...p, slot: owner });
      });
      sharedTrieSize = sharedMembers.length;
    }
    const sinks: CueHit<unknown>[][] = sharedMembers.map(() => []);
    sharedTrie.scan(lower, sinks);
    primedHits = sinks;
  }
  const hits = primedHits[slot];
  primedHits[slot] = undefined;
  return hits;
}

export class CueMatcher<T> {
  /** Every pattern, in the order given. */
  readonly patterns: Pattern<T>[] = [];
  private readonly trie = new Trie<T>();
  private readonly sharedSlot: number = -1;

  /** `shared`: the matcher always reads whole messages, and scans them together with the other shared matchers. */
  constructor(entries: Iterable<readonly [cue: string, tag: T]>, options: { shared?: boolean } = {}) {
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
        slot: 0,
      };
      this.patterns.push(pattern);
      this.trie.add(pattern);
    }
    if (options.shared) {
      this.sharedSlot = sharedMembers.length;
      sharedMembers.push(this as CueMatcher<unknown>);
    }
  }

  findAll(lower: string): CueHit<T>[] {
    if (this.sharedSlot >= 0) {
      const shared = sharedHits(lower, this.sharedSlot);
      if (shared) return shared as CueHit<T>[];
    }
    const hits: CueHit<T>[] = [];
    this.trie.scan(lower, [hits]);
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
