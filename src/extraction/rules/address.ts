import { CueMatcher, longestHits } from "./cues.ts";
import { isClauseBreak, isSentenceBreak } from "./normalize.ts";
import { vocabulary } from "./vocab.ts";

/**
 * The delivery address: the text after a cue (送到, 地址:, deliver to …) up to the end of its clause,
 * kept only when it contains a place marker (路, 号, 区, Rd, St, warehouse …). An address in brackets
 * after a vague place ("送到店里（南山区…22号）") is the bracketed one.
 */

const A = vocabulary.address;
const MAX_ADDRESS = 120;
const cues = new CueMatcher<true>(A.cues.map((c) => [c, true] as const));
const markers = new CueMatcher<true>(A.markers.map((m) => [m, true] as const));
const stops = A.stops.map((s) => s.toLowerCase());

/** A place marker (路, 号, Rd, warehouse …), or a house number before a street name ("900 Logistics …"). */
function hasMarker(s: string): boolean {
  return markers.findAll(s.toLowerCase()).length > 0 || /^\d{1,5}\s[A-Z][a-z]/.test(s);
}

/** Where an address that starts at `from` ends: a sentence break, a Chinese clause break, or a field that follows it. */
function addressEnd(text: string, lower: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_ADDRESS);
  let end = from;
  let depth = 0;
  while (end < limit) {
    const c = text[end]!;
    if (c === "(") depth++;
    if (c === ")") depth = Math.max(0, depth - 1);
    // NFKC turned the Chinese comma into ","; only an English ", " (with its space) continues an address.
    const clauseEnds = c === "," ? text[end + 1] !== " " : isClauseBreak(c) && c !== ":";
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

function clean(s: string): string {
  return s
    .replace(/^[\s:：,]+|[\s,，.。;]+$/g, "")
    .replace(/^(?:our|their|the|my)\s/i, "")
    .trim();
}

function fromBrackets(s: string): string | undefined {
  const m = /\(([^()]{4,80})\)/.exec(s);
  return m && hasMarker(m[1]!) ? clean(m[1]!) : undefined;
}

export function findAddress(text: string, lower: string): string | undefined {
  for (const hit of longestHits(cues.findAll(lower))) {
    const from = hit.end;
    const end = addressEnd(text, lower, from);
    const raw = text.slice(from, end);
    const bracketed = fromBrackets(raw);
    if (bracketed) return bracketed;
    let candidate = clean(raw.replace(/\([^()]{0,40}\)/g, ""));
    // "our yard at 18 Mill St" / "Bayside Electric, 220 Harbor Way": the address starts at the number.
    const at = /^(?:[A-Za-z' ]{1,40}?\sat\s|[A-Z][A-Za-z&' ]{1,40},\s)(?=\d)/.exec(candidate);
    if (at) candidate = candidate.slice(at[0].length);
    if (candidate.length >= 4 && hasMarker(candidate) && !/^(?:be|the|you|us|me|him|her|them)\b/i.test(candidate)) return candidate;
  }
  return undefined;
}
