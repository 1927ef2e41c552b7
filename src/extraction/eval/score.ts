import { RECORD_KINDS, SEVERITIES, type Extraction, type RecordKind } from "../schema.ts";
import type { EvalCase } from "./cases.ts";
import { foldPhone, foldReference, freeTextMatches, numbersMatch } from "./normalize.ts";

/**
 * The scorer (spec: How a case is scored). Per field, over all cases:
 * - expected present, output absent → a miss (false negative);
 * - expected absent, output present → a false positive;
 * - both present and equal under the field's normalisation → a true positive;
 * - both present but different → both a false positive and a false negative (a wrong value is
 *   neither a correct answer nor a correct abstention).
 * `escalationReasons` is a set, scored per label (micro-averaged): every expected label found is a
 * true positive, every extra label a false positive, every missing label a false negative.
 * `severity±1` is severity again, counting a value one step away as a match.
 */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface FieldScore extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface KindScore extends FieldScore {
  support: number;
}

export interface EvalReport {
  cases: number;
  kindAccuracy: number;
  macroF1: number;
  perKind: Record<RecordKind, KindScore>;
  /** confusion[expected][predicted] = number of cases. */
  confusion: Record<RecordKind, Record<RecordKind, number>>;
  fields: Record<string, FieldScore>;
  byLanguage: Record<string, { cases: number; kindAccuracy: number }>;
}

type Value = unknown;

interface FieldSpec {
  name: string;
  get: (e: Extraction) => Value;
  match: (expected: Value, actual: Value) => boolean;
}

const exact = (a: Value, b: Value) => a === b;
const text = (a: Value, b: Value) => freeTextMatches(String(a), String(b));
const number = (a: Value, b: Value) => typeof a === "number" && typeof b === "number" && numbersMatch(a, b);
const severityRank = (s: Value) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);

export const SCORED_FIELDS: readonly FieldSpec[] = [
  { name: "customer", get: (e) => e.customer, match: text },
  { name: "contactName", get: (e) => e.contactName, match: text },
  { name: "contactPhone", get: (e) => e.contactPhone, match: (a, b) => foldPhone(String(a)) === foldPhone(String(b)) },
  { name: "orderRef", get: (e) => e.orderRef, match: (a, b) => foldReference(String(a)) === foldReference(String(b)) },
  { name: "items[0].product", get: (e) => e.items?.[0]?.product, match: text },
  { name: "items[0].quantity", get: (e) => e.items?.[0]?.quantity, match: number },
  { name: "items[0].unitPrice", get: (e) => e.items?.[0]?.unitPrice, match: number },
  { name: "deliveryDate", get: (e) => e.deliveryDate, match: exact },
  { name: "deliveryAddress", get: (e) => e.deliveryAddress, match: text },
  { name: "paymentTerms", get: (e) => e.paymentTerms, match: exact },
  { name: "category", get: (e) => e.category, match: exact },
  { name: "severity", get: (e) => e.severity, match: exact },
  { name: "severity±1", get: (e) => e.severity, match: (a, b) => Math.abs(severityRank(a) - severityRank(b)) <= 1 },
  { name: "claimAmount", get: (e) => e.claimAmount, match: number },
  { name: "topic", get: (e) => e.topic, match: exact },
];

export const REASONS_FIELD = "escalationReasons";

function present(v: Value): boolean {
  return v !== undefined && v !== null && v !== "";
}

export function ratios(c: Counts): FieldScore {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/** Adds one case's comparison of a single-valued field to `counts`. */
export function countField(counts: Counts, spec: FieldSpec, expected: Extraction, actual: Extraction): void {
  const e = spec.get(expected);
  const a = spec.get(actual);
  if (!present(e) && !present(a)) return;
  if (!present(a)) counts.fn++;
  else if (!present(e)) counts.fp++;
  else if (spec.match(e, a)) counts.tp++;
  else {
    counts.fp++;
    counts.fn++;
  }
}

export function countReasons(counts: Counts, expected: Extraction, actual: Extraction): void {
  const e = new Set(expected.escalationReasons ?? []);
  const a = new Set(actual.escalationReasons ?? []);
  for (const r of a) {
    if (e.has(r)) counts.tp++;
    else counts.fp++;
  }
  for (const r of e) if (!a.has(r)) counts.fn++;
}

function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

/** Scores outputs against cases; `outputs[i]` is the extractor's answer to `cases[i]`. */
export function scoreCases(cases: readonly EvalCase[], outputs: readonly Extraction[]): EvalReport {
  if (cases.length !== outputs.length) throw new Error(`${cases.length} cases but ${outputs.length} outputs`);
  const confusion = Object.fromEntries(
    RECORD_KINDS.map((e) => [e, Object.fromEntries(RECORD_KINDS.map((p) => [p, 0]))]),
  ) as EvalReport["confusion"];
  const fieldCounts = new Map<string, Counts>([...SCORED_FIELDS.map((f) => [f.name, emptyCounts()] as const), [REASONS_FIELD, emptyCounts()]]);
  const languages = new Map<string, { cases: number; correct: number }>();
  let correct = 0;

  cases.forEach((c, i) => {
    const output = outputs[i]!;
    confusion[c.expected.kind][output.kind]++;
    const hit = c.expected.kind === output.kind;
    if (hit) correct++;
    const lang = languages.get(c.lang) ?? { cases: 0, correct: 0 };
    lang.cases++;
    if (hit) lang.correct++;
    languages.set(c.lang, lang);
    for (const spec of SCORED_FIELDS) countField(fieldCounts.get(spec.name)!, spec, c.expected, output);
    countReasons(fieldCounts.get(REASONS_FIELD)!, c.expected, output);
  });

  const perKind = Object.fromEntries(
    RECORD_KINDS.map((kind) => {
      const tp = confusion[kind][kind];
      const support = RECORD_KINDS.reduce((sum, p) => sum + confusion[kind][p], 0);
      const predicted = RECORD_KINDS.reduce((sum, e) => sum + confusion[e][kind], 0);
      return [kind, { ...ratios({ tp, fp: predicted - tp, fn: support - tp }), support }];
    }),
  ) as Record<RecordKind, KindScore>;
  // Macro-F1 over the kinds that occur, expected or predicted: a kind absent from both says nothing.
  const occurring = RECORD_KINDS.filter((k) => perKind[k].support > 0 || perKind[k].fp > 0);
  const macroF1 = occurring.length === 0 ? 0 : occurring.reduce((sum, k) => sum + perKind[k].f1, 0) / occurring.length;

  return {
    cases: cases.length,
    kindAccuracy: cases.length === 0 ? 0 : correct / cases.length,
    macroF1,
    perKind,
    confusion,
    fields: Object.fromEntries([...fieldCounts].map(([name, counts]) => [name, ratios(counts)])),
    byLanguage: Object.fromEntries(
      [...languages].map(([lang, l]) => [lang, { cases: l.cases, kindAccuracy: l.correct / l.cases }]),
    ),
  };
}
