export { EvalCaseSchema, EvalFileError, parseCases, type EvalCase } from "./cases.ts";
export { foldFreeText, foldPhone, foldReference, freeTextMatches } from "./normalize.ts";
export { formatReport } from "./report.ts";
export { REASONS_FIELD, SCORED_FIELDS, scoreCases, type EvalReport, type FieldScore } from "./score.ts";
export { toSpecOutput } from "./output.ts";
