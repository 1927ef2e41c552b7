/**
 * `npm run bench`: the figures the issues set targets for, measured side by side in one run.
 * PostgreSQL is included when TEST_DATABASE_URL names a server (as in CI).
 */
import { benchIngest } from "./ingest.ts";
import { benchRulesExtractor } from "./extractor.ts";
import { ENGINES } from "../tests/support/databases.ts";

async function main() {
  console.log(`cs-bot bench — node ${process.version}, ${new Date().toISOString()}\n`);
  for (const line of await benchRulesExtractor()) console.log(line);
  console.log("");
  for (const engine of ENGINES) {
    for (const line of await benchIngest(engine)) console.log(line);
    console.log("");
  }
  if (!ENGINES.includes("postgres")) console.log("PostgreSQL skipped: set TEST_DATABASE_URL to include it.\n");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
