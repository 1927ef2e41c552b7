import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCases, scoreCases } from "../../src/extraction/eval/index.ts";
import { extractWithRules, rulesExtractor } from "../../src/extraction/rules/index.ts";
import { ExtractionSchema } from "../../src/extraction/schema.ts";

const extra = parseCases(readFileSync(new URL("./fixtures/extra.jsonl", import.meta.url), "utf8"));

describe("rulesExtractor", () => {
  it("wraps the synchronous extractor and measures its latency", async () => {
    const input = { text: "请问A4复印纸现在什么价？", sentAt: "2026-01-06T09:45:00+08:00" };
    const result = await rulesExtractor.extract(input);
    expect(result.extractor).toBe("rules");
    expect(rulesExtractor.name).toBe("rules");
    expect(result.extraction).toStrictEqual(extractWithRules(input));
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("returns records that satisfy the schema on every fixture case", () => {
    for (const c of extra) expect(ExtractionSchema.safeParse(extractWithRules(c)).success, c.id).toBe(true);
  });

  // Our own cases, written from the spec before tuning: a guard against rules keyed to the dev set.
  it("keeps its accuracy on the extra fixture", () => {
    const report = scoreCases(extra, extra.map((c) => extractWithRules(c)));
    expect(report.kindAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.9);
    for (const field of ["contactPhone", "orderRef", "deliveryDate", "items[0].quantity", "paymentTerms"]) {
      expect(report.fields[field]!.f1, field).toBeGreaterThanOrEqual(0.9);
    }
  });
});
