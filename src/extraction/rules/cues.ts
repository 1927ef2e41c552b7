import { isAsciiAlnum } from "./normalize.ts";
import { CHINESE_DIGITS } from "./numbers.ts";

/**
 * Finds vocabulary cues in lower-cased text in one left-to-right pass. A cue is a literal phrase,
 * with two wildcards: `…` skips up to GAP_MAX characters and `#` stands for a number (ASCII or Chinese
 * digits). Both are bounded, so matching never backtracks more than a few characters per position.
 * A cue that begins or ends with an ASCII letter or digit only matches whole words; a handle (@cnn) does not
 * match inside an e-mail address (mike@cnn.com).
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

/**
 * Chat spells some words short: it drops the apostrophe of a negation ("it didnt work", "cant pay", "im stuck") and
 * writes "please" as pls or plz. Each cue is also matched in those spellings. Only n't, I'm and I've lose their
 * apostrophe: without theirs, "we'll" and "we're" would be other words.
 */
function* inChatSpellings<T>(entries: Iterable<readonly [cue: string, tag: T]>): Iterable<readonly [cue: string, tag: T]> {
  const seen = new Map<string, Set<T>>();
  const once = (cue: string, tag: T): boolean => {
    const key = cue.toLowerCase();
    const tags = seen.get(key) ?? new Set<T>();
    seen.set(key, tags);
    if (tags.has(tag)) return false;
    tags.add(tag);
    return true;
  };
  for (const [cue, tag] of entries) {
    const bare = cue.replace(/n['’]t\b/gi, "nt").replace(/\bi['’](m|ve)\b/gi, "i$1");
    const variants = [cue, bare, ...[cue, bare].flatMap((c) => (/\bplease\b/i.test(c) ? ["pls", "plz"].map((p) => c.replace(/\bplease\b/gi, p)) : []))];
    for (const variant of variants) if (once(variant, tag)) yield [variant, tag] as const;
  }
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
const IS_WORD_CODE = new Uint8Array(65_536);
for (const c of "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") IS_WORD_CODE[c.charCodeAt(0)] = 1;

/*
 * The scan reads code units, never one-character strings: indexing a string at a Chinese character
 * allocates, and these reads happen several times at every cue candidate.
 */

function isNumberAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && IS_NUMBER_CODE[text.charCodeAt(i)] === 1;
}

function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && IS_WORD_CODE[text.charCodeAt(i)] === 1;
}

function literalAt(text: string, pos: number, literal: string): boolean {
  if (pos + literal.length > text.length) return false;
  for (let j = 0; j < literal.length; j++) if (text.charCodeAt(pos + j) !== literal.charCodeAt(j)) return false;
  return true;
}

/** The end of the number starting at `pos`, or -1 when there is none or it is longer than NUMBER_MAX. */
function numberEnd(text: string, pos: number): number {
  const limit = Math.min(text.length, pos + NUMBER_MAX);
  let end = pos;
  while (end < limit && IS_NUMBER_CODE[text.charCodeAt(end)] === 1) end++;
  return end === pos || isNumberAt(text, end) ? -1 : end;
}

/**
 * The child links of every trie node below the root, in one open-addressed table keyed by (parent,
 * code unit): a lookup is a few typed-array reads, where a Map per node cost a hash-table probe.
 * Node ids start at 1, so a parent of 0 marks an empty slot and a child of 0 means none.
 */
class Edges {
  private parents = new Int32Array(1024);
  private codes = new Uint16Array(1024);
  private children = new Int32Array(1024);
  private size = 0;

  get(parent: number, code: number): number {
    const mask = this.parents.length - 1;
    for (let s = slotOf(parent, code, mask); ; s = (s + 1) & mask) {
      const p = this.parents[s]!;
      if (p === 0) return 0;
      if (p === parent && this.codes[s] === code) return this.children[s]!;
    }
  }

  set(parent: number, code: number, child: number): void {
    if ((this.size + 1) * 2 > this.parents.length) this.grow();
    const mask = this.parents.length - 1;
    let s = slotOf(parent, code, mask);
    while (this.parents[s] !== 0) s = (s + 1) & mask;
    this.parents[s] = parent;
    this.codes[s] = code;
    this.children[s] = child;
    this.size++;
  }

  private grow(): void {
    const { parents, codes, children } = this;
    this.parents = new Int32Array(parents.length * 2);
    this.codes = new Uint16Array(parents.length * 2);
    this.children = new Int32Array(parents.length * 2);
    this.size = 0;
    for (let s = 0; s < parents.length; s++) if (parents[s] !== 0) this.set(parents[s]!, codes[s]!, children[s]!);
  }
}

function slotOf(parent: number, code: number, mask: number): number {
  const h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

const NO_PATTERNS: never[] = [];
const HAS_CHILDREN = 1;
const HAS_ENDINGS = 2;

/** Patterns in a trie over their leading literals, plus those starting with a number. */
class Trie<T> {
  /**
   * By code unit, what a pattern can start there: the root's child node id shifted left one bit, the low
   * bit set when it can begin a number-first pattern, 0 when nothing starts with it. One read of one
   * table rejects most characters; the scan's tables stay few, so they stay in cache.
   */
  private readonly roots = new Int32Array(65_536);
  private readonly edges = new Edges();
  /** By node id: the patterns whose leading literal ends at the node; their remaining tokens still have to match. */
  private readonly endings: Pattern<T>[][] = [NO_PATTERNS];
  /** By node id: HAS_CHILDREN and HAS_ENDINGS bits, so that a node without either costs no other read. */
  private readonly flags: number[] = [0];
  /**
   * Patterns starting with a number, tried where each number ends: keyed by the first code unit of the
   * literal after the number, each list also holding (in pattern order) those not followed by a literal.
   */
  private readonly numberFirstByNext = new Map<number, Pattern<T>[]>();
  /** Patterns starting with a number and not followed by a literal, tried after any number. */
  private readonly numberFirstAny: Pattern<T>[] = [];

  add(pattern: Pattern<T>): void {
    const first = pattern.tokens[0]!;
    if (first.kind === "number") {
      this.addNumberFirst(pattern);
      return;
    }
    if (first.kind !== "literal") return;
    const c0 = first.text.charCodeAt(0);
    let node = this.roots[c0]! >> 1;
    if (node === 0) {
      node = this.newNode();
      this.roots[c0] = this.roots[c0]! | (node << 1);
    }
    for (let i = 1; i < first.text.length; i++) {
      const code = first.text.charCodeAt(i);
      let child = this.edges.get(node, code);
      if (child === 0) {
        child = this.newNode();
        this.edges.set(node, code, child);
        this.flags[node] = this.flags[node]! | HAS_CHILDREN;
      }
      node = child;
    }
    if (this.endings[node] === NO_PATTERNS) this.endings[node] = [];
    this.endings[node]!.push(pattern);
    this.flags[node] = this.flags[node]! | HAS_ENDINGS;
  }

  private newNode(): number {
    this.endings.push(NO_PATTERNS);
    this.flags.push(0);
    return this.endings.length - 1;
  }

  private addNumberFirst(pattern: Pattern<T>): void {
    for (const code of NUMBER_CODES) this.roots[code] = this.roots[code]! | 1;
    const after = pattern.tokens[1];
    if (after?.kind !== "literal") {
      this.numberFirstAny.push(pattern);
      for (const list of this.numberFirstByNext.values()) list.push(pattern);
      return;
    }
    const code = after.text.charCodeAt(0);
    let list = this.numberFirstByNext.get(code);
    if (!list) {
      list = [...this.numberFirstAny];
      this.numberFirstByNext.set(code, list);
    }
    list.push(pattern);
  }

  /** Every hit, each pushed to `sinks[pattern.slot]`, in order of start, then trie depth, then pattern order. */
  scan(lower: string, sinks: CueHit<T>[][]): void {
    const n = lower.length;
    const { roots, edges, endings, flags } = this;
    for (let i = 0; i < n; i++) {
      const root = roots[lower.charCodeAt(i)]!;
      if (root === 0) continue;
      let node = root >> 1;
      let depth = 1;
      while (node !== 0) {
        const nodeFlags = flags[node]!;
        if ((nodeFlags & HAS_ENDINGS) !== 0) {
          const ending = endings[node]!;
          for (let e = 0; e < ending.length; e++) tryPattern(lower, i, i + depth, ending[e]!, sinks);
        }
        if (i + depth >= n || (nodeFlags & HAS_CHILDREN) === 0) break;
        node = edges.get(node, lower.charCodeAt(i + depth));
        depth++;
      }
      if ((root & 1) !== 0 && !isNumberAt(lower, i - 1)) this.tryNumberFirst(lower, i, sinks);
    }
  }

  /** The number starting at `start` is read once; only patterns whose next literal begins where it ends are tried. */
  private tryNumberFirst(lower: string, start: number, sinks: CueHit<T>[][]): void {
    const end = numberEnd(lower, start);
    if (end < 0) return;
    const candidates = (end < lower.length && this.numberFirstByNext.get(lower.charCodeAt(end))) || this.numberFirstAny;
    for (let e = 0; e < candidates.length; e++) tryPattern(lower, start, end, candidates[e]!, sinks);
  }
}

/** `p` matched from `start`, with its first token already matched up to `pos`. */
function tryPattern<T>(lower: string, start: number, pos: number, p: Pattern<T>, sinks: CueHit<T>[][]): void {
  if (p.wordStart && isWordAt(lower, start - 1)) return;
  const end = matchTokens(lower, pos, p.tokens, 1);
  if (end < 0 || (p.wordEnd && isWordAt(lower, end))) return;
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
    for (const [cue, tag] of inChatSpellings(entries)) {
      const tokens = tokenize(cue);
      const first = tokens[0];
      if (!first || first.kind === "gap") continue;
      const lowered = cue.toLowerCase();
      const pattern: Pattern<T> = {
        cue,
        tag,
        tokens,
        wordStart: first.kind === "literal" && (isAsciiAlnum(lowered[0]) || lowered[0] === "@"),
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
    return literalAt(text, pos, token.text) ? matchTokens(text, pos + token.text.length, tokens, k + 1) : -1;
  }
  if (token.kind === "number") {
    const end = numberEnd(text, pos);
    return end < 0 ? -1 : matchTokens(text, end, tokens, k + 1);
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
  const sorted = byStartLongestFirst(hits);
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

function comesBefore<T>(a: CueHit<T>, b: CueHit<T>): boolean {
  return a.start < b.start || (a.start === b.start && a.end > b.end);
}

/**
 * A copy of `hits` ordered by start, longest first, otherwise as given. `findAll` returns hits in order
 * of start, so an insertion sort only reorders hits sharing a start: linear, without the comparator
 * calls and scratch arrays of Array#sort. Hits in any other order get Array#sort (same result: both stable).
 */
function byStartLongestFirst<T>(hits: CueHit<T>[]): CueHit<T>[] {
  const sorted = hits.slice();
  for (let i = 1; i < sorted.length; i++) {
    if (hits[i]!.start < hits[i - 1]!.start) return sorted.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  for (let i = 1; i < sorted.length; i++) {
    const h = sorted[i]!;
    let j = i - 1;
    for (; j >= 0 && comesBefore(h, sorted[j]!); j--) sorted[j + 1] = sorted[j]!;
    sorted[j + 1] = h;
  }
  return sorted;
}
