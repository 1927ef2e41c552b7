import { z } from "zod";
import { ExtractionSchema } from "../schema.ts";

/** One labelled case of `eval/*.jsonl` (spec: One case per line). */
export const EvalCaseSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  sentAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/),
  lang: z.enum(["zh", "en", "mixed"]),
  expected: ExtractionSchema,
});
export type EvalCase = z.infer<typeof EvalCaseSchema>;

export class EvalFileError extends Error {
  constructor(
    readonly lineNumber: number,
    message: string,
  ) {
    super(`line ${lineNumber}: ${message}`);
  }
}

/** Parses a JSONL file's text; blank lines are skipped, any other bad line throws naming its number. */
export function parseCases(jsonl: string): EvalCase[] {
  const cases: EvalCase[] = [];
  const ids = new Set<string>();
  jsonl.split(/\r?\n/).forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === "") return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      throw new EvalFileError(lineNumber, `not valid JSON (${(error as Error).message})`);
    }
    const parsed = EvalCaseSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
      throw new EvalFileError(lineNumber, `not a valid case (${issues})`);
    }
    if (ids.has(parsed.data.id)) throw new EvalFileError(lineNumber, `duplicate id ${parsed.data.id}`);
    ids.add(parsed.data.id);
    cases.push(parsed.data);
  });
  return cases;
}
