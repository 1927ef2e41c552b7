// TEMPORARY placeholder written by the lead so the rest of the tree loads; the rules helper replaces this file.
import type { Extraction, ExtractionInput, Extractor } from "../schema.ts";
export function extractWithRules(_input: ExtractionInput): Extraction {
  return { kind: "other" };
}
export const rulesExtractor: Extractor = {
  name: "rules",
  async extract(input) {
    return { extraction: extractWithRules(input), extractor: "rules", latencyMs: 0 };
  },
};
