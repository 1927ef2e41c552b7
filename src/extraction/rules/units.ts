import { CueMatcher } from "./cues.ts";
import { vocabulary } from "./vocab.ts";

/** The units a quantity may carry (vocab/units.json): counts of things and measures of stuff, in either language. */
export type UnitKind = "zhCount" | "zhMeasure" | "enCount" | "enMeasure";

export interface UnitHit {
  end: number;
  kind: UnitKind;
  unit: string;
}

const { units } = vocabulary;
const KINDS: readonly UnitKind[] = ["zhCount", "zhMeasure", "enCount", "enMeasure"];
const unitMatcher = new CueMatcher<UnitKind | "not">(
  [...KINDS.flatMap((kind) => units[kind].map((u) => [u, kind] as const)), ...units.notUnits.map((u) => [u, "not"] as const)],
  { shared: true },
);

/** First characters of the Chinese units: a unit may start at a character in this set. */
export const zhUnitStarts: ReadonlySet<string> = new Set([...units.zhCount, ...units.zhMeasure].map((u) => u[0]!));

/**
 * The unit words of a message by where they start, the longest at each place. A unit word inside a date is none:
 * in "0.12 本周五" 本 starts the date; nor is one that starts a longer word of `notUnits` (台式机, 部门).
 */
export function findUnits(lower: string, dates: { start: number; end: number }[]): Map<number, UnitHit> {
  const found = new Map<number, { end: number; kind: UnitKind | "not"; unit: string }>();
  for (const hit of unitMatcher.findAll(lower)) {
    if (dates.some((d) => d.start < hit.end && hit.start < d.end)) continue;
    const known = found.get(hit.start);
    if (!known || known.end < hit.end) found.set(hit.start, { end: hit.end, kind: hit.tag, unit: hit.cue });
  }
  const units = new Map<number, UnitHit>();
  for (const [start, hit] of found) if (hit.kind !== "not") units.set(start, { end: hit.end, kind: hit.kind, unit: hit.unit });
  return units;
}
