/**
 * `npm run eval -- FILE.jsonl [--extractor rules|llm|hybrid] [--out PRED.jsonl]`: runs an extractor
 * over labelled cases and prints the scores (spec: How a case is scored). Exit 0 on success, 2 on a
 * usage error or a malformed case file, 1 on anything else.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createExtractor } from "../src/extraction/index.ts";
import { EvalFileError, formatReport, parseCases, scoreCases, toSpecOutput } from "../src/extraction/eval/index.ts";
import { EXTRACTOR_NAMES, type Extraction, type ExtractorName } from "../src/extraction/schema.ts";

const USAGE = "usage: npm run eval -- FILE.jsonl [--extractor rules|llm|hybrid] [--out PRED.jsonl]";

class UsageError extends Error {}

function readOptions(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { extractor: { type: "string", default: "rules" }, out: { type: "string" } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) throw new UsageError("expected exactly one case file");
  const extractor = parsed.values.extractor;
  if (!EXTRACTOR_NAMES.includes(extractor as ExtractorName)) throw new UsageError(`unknown extractor ${extractor}`);
  return { file, extractor: extractor as ExtractorName, out: parsed.values.out };
}

async function main(argv: string[]): Promise<number> {
  let options;
  let cases;
  try {
    options = readOptions(argv);
    cases = parseCases(readFileSync(options.file, "utf8"));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof EvalFileError) {
      console.error(`${options?.file}: ${error.message}`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      console.error(`cannot read ${options?.file}`);
      return 2;
    }
    throw error;
  }

  const extractor = createExtractor({ extractor: options.extractor, env: process.env });
  const outputs: Extraction[] = [];
  for (const c of cases) outputs.push((await extractor.extract({ text: c.text, sentAt: c.sentAt })).extraction);

  if (options.out) {
    const lines = cases.map((c, i) => JSON.stringify({ id: c.id, output: toSpecOutput(outputs[i]!) }));
    writeFileSync(options.out, lines.length > 0 ? `${lines.join("\n")}\n` : "");
  }
  console.log(formatReport(scoreCases(cases, outputs), `${options.file} — ${extractor.name} extractor`));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
