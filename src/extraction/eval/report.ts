import { RECORD_KINDS } from "../schema.ts";
import { REASONS_FIELD, SCORED_FIELDS, type EvalReport } from "./score.ts";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const f3 = (x: number) => x.toFixed(3);

/** The report as plain text for a terminal. */
export function formatReport(report: EvalReport, title = "Extraction eval"): string {
  const lines: string[] = [];
  lines.push(`${title}: ${report.cases} cases`);
  lines.push("");
  lines.push(`kind accuracy ${pct(report.kindAccuracy)}   macro-F1 ${f3(report.macroF1)}`);
  lines.push("");
  lines.push(`${"kind".padEnd(12)} ${"support".padStart(7)} ${"P".padStart(6)} ${"R".padStart(6)} ${"F1".padStart(6)}`);
  for (const kind of RECORD_KINDS) {
    const k = report.perKind[kind];
    lines.push(`${kind.padEnd(12)} ${String(k.support).padStart(7)} ${f3(k.precision).padStart(6)} ${f3(k.recall).padStart(6)} ${f3(k.f1).padStart(6)}`);
  }
  lines.push("");
  lines.push("confusion (rows expected, columns predicted)");
  lines.push(`${"".padEnd(12)}${RECORD_KINDS.map((k) => k.slice(0, 10).padStart(11)).join("")}`);
  for (const e of RECORD_KINDS) {
    lines.push(`${e.padEnd(12)}${RECORD_KINDS.map((p) => String(report.confusion[e][p]).padStart(11)).join("")}`);
  }
  lines.push("");
  lines.push(`${"field".padEnd(20)} ${"tp".padStart(4)} ${"fp".padStart(4)} ${"fn".padStart(4)} ${"P".padStart(6)} ${"R".padStart(6)} ${"F1".padStart(6)}`);
  for (const name of [...SCORED_FIELDS.map((f) => f.name), REASONS_FIELD]) {
    const f = report.fields[name]!;
    lines.push(
      `${name.padEnd(20)} ${String(f.tp).padStart(4)} ${String(f.fp).padStart(4)} ${String(f.fn).padStart(4)} ${f3(f.precision).padStart(6)} ${f3(f.recall).padStart(6)} ${f3(f.f1).padStart(6)}`,
    );
  }
  lines.push(`(${REASONS_FIELD}: per label, micro-averaged; severity±1: a value one step away counts as a match)`);
  lines.push("");
  lines.push("kind accuracy by language");
  for (const [lang, l] of Object.entries(report.byLanguage).sort()) {
    lines.push(`${lang.padEnd(8)} ${String(l.cases).padStart(5)} cases ${pct(l.kindAccuracy)}`);
  }
  return lines.join("\n");
}
