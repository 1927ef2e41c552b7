import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VOCAB_FILES, vocabFileUrl, vocabulary } from "../../src/extraction/rules/vocab.ts";

describe("vocabulary files", () => {
  it.each(Object.keys(VOCAB_FILES))("%s.json validates against its schema", (name) => {
    const key = name as keyof typeof VOCAB_FILES;
    const raw: unknown = JSON.parse(readFileSync(vocabFileUrl(key), "utf8"));
    expect(VOCAB_FILES[key].safeParse(raw).success).toBe(true);
  });

  it("rejects a file with a category or payment term outside the spec's vocabulary", () => {
    const categories = JSON.parse(readFileSync(vocabFileUrl("categories"), "utf8"));
    categories.priority.push("weather");
    expect(VOCAB_FILES.categories.safeParse(categories).success).toBe(false);
    const payment = JSON.parse(readFileSync(vocabFileUrl("payment"), "utf8"));
    payment.terms.barter = ["以物换物"];
    expect(VOCAB_FILES.payment.safeParse(payment).success).toBe(false);
  });

  it("loads every file once, with content", () => {
    expect(vocabulary.kinds.orderStrong.length).toBeGreaterThan(10);
    expect(Object.keys(vocabulary.currencies.currencies)).toContain("CNY");
  });
});
