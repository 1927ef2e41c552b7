import { describe, expect, it } from "vitest";
import {
  EvalFileError,
  foldFreeText,
  foldPhone,
  foldReference,
  formatReport,
  freeTextMatches,
  parseCases,
  scoreCases,
  toSpecOutput,
  type EvalCase,
} from "../../src/extraction/eval/index.ts";
import type { Extraction } from "../../src/extraction/schema.ts";

const SENT_AT = "2026-03-02T10:15:00+08:00";

const cases: EvalCase[] = [
  {
    id: "c1",
    text: "",
    sentAt: SENT_AT,
    lang: "zh",
    expected: {
      kind: "order",
      customer: "Acme Corp",
      contactPhone: "02158881234",
      items: [{ product: "A4 paper", quantity: 200, unitPrice: 38 }],
      deliveryDate: "2026-03-03",
      paymentTerms: "cod",
    },
  },
  {
    id: "c2",
    text: "",
    sentAt: SENT_AT,
    lang: "zh",
    expected: { kind: "complaint", orderRef: "SO-4471", category: "damage", severity: "medium", claimAmount: 800 },
  },
  {
    id: "c3",
    text: "",
    sentAt: SENT_AT,
    lang: "mixed",
    expected: { kind: "escalation", category: "safety", severity: "critical", escalationReasons: ["safety", "media_threat"] },
  },
  { id: "c4", text: "", sentAt: SENT_AT, lang: "en", expected: { kind: "inquiry", topic: "price" } },
];

const outputs: Extraction[] = [
  {
    kind: "order",
    customer: "acme corp.",
    contactPhone: "2158881234",
    items: [{ product: "A4 Paper 80g", quantity: 200, unitPrice: 36 }],
    deliveryDate: "2026-03-03",
  },
  { kind: "complaint", customer: "Bob", orderRef: "so-4471 ", category: "damage", severity: "high" },
  { kind: "complaint", category: "safety", severity: "low", escalationReasons: ["safety", "legal_threat"] },
  { kind: "inquiry", topic: "stock" },
];

describe("scoreCases on hand-made cases", () => {
  const report = scoreCases(cases, outputs);

  it("scores kind: accuracy 3/4, macro-F1 over the four kinds that occur", () => {
    expect(report.kindAccuracy).toBe(0.75);
    expect(report.perKind.order).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1, support: 1 });
    // complaint: one right, one escalation taken for a complaint → P 1/2, R 1, F1 2/3.
    expect(report.perKind.complaint).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(report.perKind.complaint.f1).toBeCloseTo(2 / 3, 10);
    expect(report.perKind.escalation).toMatchObject({ tp: 0, fp: 0, fn: 1, f1: 0 });
    expect(report.macroF1).toBeCloseTo((1 + 2 / 3 + 0 + 1) / 4, 10);
    expect(report.confusion.escalation.complaint).toBe(1);
    expect(report.confusion.order.order).toBe(1);
  });

  it("folds free text, phones and references before comparing", () => {
    expect(report.fields.customer).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(report.fields.contactPhone).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(report.fields.orderRef).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(report.fields["items[0].product"]).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  it("counts a wrong value against both precision and recall, and a missing one against recall", () => {
    expect(report.fields["items[0].quantity"]).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(report.fields["items[0].unitPrice"]).toMatchObject({ tp: 0, fp: 1, fn: 1, f1: 0 });
    expect(report.fields.paymentTerms).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0 });
    expect(report.fields.claimAmount).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(report.fields.topic).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(report.fields.category).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
  });

  it("scores severity exactly and within one step", () => {
    expect(report.fields.severity).toMatchObject({ tp: 0, fp: 2, fn: 2 });
    // medium vs high is one step; critical vs low is three.
    expect(report.fields["severity±1"]).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
  });

  it("scores escalation reasons per label", () => {
    expect(report.fields.escalationReasons).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
  });

  it("reports kind accuracy per language", () => {
    expect(report.byLanguage).toEqual({
      zh: { cases: 2, kindAccuracy: 1 },
      mixed: { cases: 1, kindAccuracy: 0 },
      en: { cases: 1, kindAccuracy: 1 },
    });
  });

  it("formats a readable report", () => {
    const text = formatReport(report, "hand-made");
    expect(text).toContain("hand-made: 4 cases");
    expect(text).toContain("kind accuracy   75.0%");
    expect(text).toMatch(/items\[0\]\.unitPrice\s+0\s+1\s+1\s+0\.000\s+0\.000\s+0\.000/);
    expect(text).toMatch(/mixed\s+1 cases\s+0\.0%/);
  });

  it("refuses outputs that do not line up with the cases", () => {
    expect(() => scoreCases(cases, outputs.slice(1))).toThrow(/4 cases but 3 outputs/);
  });
});

describe("normalisation", () => {
  it("phones: digits only, one leading 0 ignored", () => {
    expect(foldPhone("025-8666 1234")).toBe(foldPhone("2586661234"));
    expect(foldPhone("+86 138 1234 5678")).not.toBe(foldPhone("13812345678"));
  });

  it("references: case and spaces folded, other characters kept", () => {
    expect(foldReference("SO 2026-17")).toBe(foldReference("so2026-17"));
    expect(foldReference("SO-4471")).not.toBe(foldReference("SO4471"));
  });

  it("free text: case, spaces and punctuation folded, containment either way", () => {
    expect(foldFreeText("Bao'an District, Fuyong Rd 33")).toBe("baoandistrictfuyongrd33");
    expect(freeTextMatches("浦东新区张江路1000号", "浦东新区张江路 1000 号")).toBe(true);
    expect(freeTextMatches("刹车片", "刹车片 前片 型号 BP-2231")).toBe(true);
    expect(freeTextMatches("nitrile gloves", "gloves")).toBe(true);
    expect(freeTextMatches("nitrile gloves", "latex gloves")).toBe(false);
    expect(freeTextMatches("Acme", "!!!")).toBe(false);
  });
});

describe("parseCases", () => {
  const good = JSON.stringify({ id: "a", text: "hi", sentAt: SENT_AT, lang: "en", expected: { kind: "other" } });

  it("reads cases and skips blank lines", () => {
    expect(parseCases(`${good}\n\n`)).toHaveLength(1);
  });

  it("names the line of a malformed case", () => {
    expect(() => parseCases(`${good}\n{not json`)).toThrow(EvalFileError);
    expect(() => parseCases(`${good}\n{not json`)).toThrow(/^line 2: not valid JSON/);
    const badKind = JSON.stringify({ id: "b", text: "x", sentAt: SENT_AT, lang: "en", expected: { kind: "praise" } });
    expect(() => parseCases(`${good}\n\n${badKind}`)).toThrow(/^line 3: not a valid case \(expected\.kind/);
    expect(() => parseCases(`${good}\n${good}`)).toThrow(/^line 2: duplicate id a/);
  });
});

describe("toSpecOutput", () => {
  it("keeps the spec's fields only and drops empty ones", () => {
    const out = toSpecOutput({
      kind: "order",
      customer: null,
      currency: "CNY",
      items: [{ product: "A4", quantity: 2, unit: null, unitPrice: undefined }],
      deliveryDate: "2026-03-03",
    });
    expect(out).toStrictEqual({ kind: "order", items: [{ product: "A4", quantity: 2 }], deliveryDate: "2026-03-03" });
  });
});
