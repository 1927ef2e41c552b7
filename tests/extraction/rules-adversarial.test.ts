import { describe, expect, it } from "vitest";
import { ADVERSARIAL_INPUTS } from "../../bench/extractor.ts";
import { extractWithRules } from "../../src/extraction/rules/index.ts";
import { ExtractionSchema } from "../../src/extraction/schema.ts";

const SENT_AT = "2026-03-04T10:00:00+08:00";

// Timing belongs to `npm run bench`; here the 20,000-character inputs must finish with a sane record.
describe("adversarial 20,000-character inputs", () => {
  it.each(Object.entries(ADVERSARIAL_INPUTS))("%s completes with a valid record", (_name, text) => {
    expect(text.length).toBe(20_000);
    const out = extractWithRules({ text, sentAt: SENT_AT });
    expect(ExtractionSchema.safeParse(out).success).toBe(true);
  });

  it("reads nothing out of pure noise", () => {
    for (const name of ["repeated digits", "repeated 1,1,1,", "spaces then a digit", "punctuation run", "emoji soup"]) {
      const out = extractWithRules({ text: ADVERSARIAL_INPUTS[name]!, sentAt: SENT_AT });
      expect(out, name).toStrictEqual({ kind: "other" });
    }
  });

  it("still finds a real order buried after a long run of noise", () => {
    const text = `${"1,".repeat(5_000)}\n客户王总：要500箱矿泉水，单价24元，明天送到昆山前进东路168号，月结`;
    const out = extractWithRules({ text, sentAt: SENT_AT });
    expect(out).toMatchObject({ kind: "order", customer: "王总", deliveryDate: "2026-03-05", paymentTerms: "credit" });
    expect(out.items?.[0]).toMatchObject({ quantity: 500, unitPrice: 24 });
  });

  // Ids and labels side by side across the whole text: each id asks for the label before it, which must not
  // reread every label in the text.
  const fill = (unit: string) => unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000);
  it.each([
    ["spaced upper groups", fill("ABCD 1234 ")],
    ["order groups", fill("order 1234 5678 ")],
    ["labelled letter groups", fill("单号 AB 12 ")],
    ["order words", fill("order AB12 ")],
    // Negators beside cues all the way through: each cue asks only the negators that can reach it.
    ["negators and cues", fill("refund never received not damaged ")],
  ])("%s completes with a valid record", (_name, text) => {
    const out = extractWithRules({ text, sentAt: SENT_AT });
    expect(ExtractionSchema.safeParse(out).success).toBe(true);
  });
});
