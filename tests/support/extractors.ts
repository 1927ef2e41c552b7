import type { Extraction, ExtractionInput, Extractor } from "../../src/extraction/schema.ts";

/**
 * An extractor that reads a test's messages the way the test says, so tests of commands and storage
 * do not depend on extraction quality (the extractor has its own tests). A text is read as the
 * reading whose key it starts with; unknown text is `other`.
 */
export function scriptedExtractor(readings: Record<string, Extraction>): Extractor & { calls: string[] } {
  const calls: string[] = [];
  return {
    name: "rules",
    calls,
    async extract(input) {
      calls.push(input.text);
      const key = Object.keys(readings).find((k) => input.text.startsWith(k));
      return { extraction: key ? readings[key]! : { kind: "other" }, extractor: "rules", latencyMs: 0.1 };
    },
  };
}

export const ORDER_TEXT = "客户张伟来电，要200箱A4纸，单价38元，明天送到苏州工业园区星湖街88号，货到付款";
export const COMPLAINT_TEXT = "Acme Corp says 12 of the 50 monitors arrived with cracked screens, order SO-4471";
export const ESCALATION_TEXT = "客户说再不处理就去12315投诉，还要找媒体曝光，订单SO20260301-17";
export const INQUIRY_TEXT = "Do you have the M8 bolt kit in stock?";

export const READINGS: Record<string, Extraction> = {
  [ORDER_TEXT]: {
    kind: "order",
    customer: "张伟",
    items: [{ product: "A4纸", quantity: 200, unit: "箱", unitPrice: 38 }],
    deliveryDate: "2026-11-24",
    deliveryAddress: "苏州工业园区星湖街88号",
    paymentTerms: "cod",
  },
  [COMPLAINT_TEXT]: { kind: "complaint", customer: "Acme Corp", orderRef: "SO-4471", category: "damage", severity: "medium" },
  [ESCALATION_TEXT]: {
    kind: "escalation",
    orderRef: "SO20260301-17",
    category: "service",
    severity: "high",
    escalationReasons: ["regulator_threat", "media_threat"],
  },
  [INQUIRY_TEXT]: { kind: "inquiry", topic: "stock" },
};

/** An order as a model would read it, for the tests of the LLM and hybrid extractors. */
export const ORDER_INPUT: ExtractionInput = {
  text: "客户张伟（13812345678）要200箱A4复印纸，单价38元，明天下午前送到苏州工业园区星湖街88号，货到付款",
  sentAt: "2026-03-02T10:15:00+08:00",
};

export const ORDER_READING: Extraction = {
  kind: "order",
  customer: "张伟",
  contactPhone: "13812345678",
  items: [{ product: "A4复印纸", quantity: 200, unit: "箱", unitPrice: 38 }],
  deliveryDate: "2026-03-03",
  deliveryAddress: "苏州工业园区星湖街88号",
  paymentTerms: "cod",
  currency: "CNY",
};
