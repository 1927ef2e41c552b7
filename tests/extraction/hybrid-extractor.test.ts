import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHybridExtractor, mergeExtractions } from "../../src/extraction/hybrid.ts";
import { createLlmExtractor } from "../../src/extraction/llm/index.ts";
import { rulesExtractor } from "../../src/extraction/rules/index.ts";
import type { Extraction, ExtractionResult, Extractor } from "../../src/extraction/schema.ts";
import { reply, startFakeOpenAiServer, type FakeOpenAiServer } from "../fakes/openai-server.ts";
import { ORDER_INPUT, ORDER_READING } from "../support/extractors.ts";

function fixedRules(extraction: Extraction): Extractor {
  return {
    name: "rules",
    async extract(): Promise<ExtractionResult> {
      return { extraction, extractor: "rules", latencyMs: 2 };
    },
  };
}

let server: FakeOpenAiServer;

beforeEach(async () => {
  server = await startFakeOpenAiServer();
});

afterEach(async () => {
  await server.close();
});

function hybrid(rules: Extractor): Extractor {
  const llm = createLlmExtractor({
    baseURL: server.baseURL,
    apiKey: "test-key",
    model: "test-model",
    timeoutMs: 1_000,
    maxAttempts: 2,
    retryDelayMs: 10,
    fallback: rules,
  });
  return createHybridExtractor({ llm, rules });
}

describe("hybrid extractor", () => {
  it("returns the LLM's reading when the rules agree, with no disagreements", async () => {
    server.enqueue(reply.extraction(ORDER_READING, { prompt_tokens: 900, completion_tokens: 70 }));
    const rules = fixedRules({
      kind: "order",
      contactPhone: "13812345678",
      items: [{ product: "A4复印纸", quantity: 200, unitPrice: 38 }],
      deliveryDate: "2026-03-03",
    });

    const result = await hybrid(rules).extract(ORDER_INPUT);

    expect(result).toEqual({
      extraction: ORDER_READING,
      extractor: "hybrid",
      model: "test-model",
      latencyMs: expect.any(Number),
      promptTokens: 900,
      completionTokens: 70,
      disagreements: [],
    });
  });

  it("keeps the rules' deterministic values where they differ and records each disagreement", async () => {
    server.enqueue(
      reply.extraction({
        ...ORDER_READING,
        contactPhone: "13812345679",
        deliveryDate: "2026-03-04",
        items: [{ product: "A4复印纸", quantity: 2000, unit: "箱", unitPrice: 38 }],
      }),
    );
    const rules = fixedRules({
      kind: "inquiry",
      customer: "张伟客户",
      contactPhone: "13812345678",
      items: [{ product: "A4复印纸", quantity: 200, unitPrice: 38 }],
      deliveryDate: "2026-03-03",
      paymentTerms: "prepaid",
      topic: "price",
    });

    const result = await hybrid(rules).extract(ORDER_INPUT);

    expect(result.extractor).toBe("hybrid");
    expect(result.extraction).toEqual(ORDER_READING);
    expect(result.disagreements).toEqual([
      { field: "contactPhone", llm: "13812345679", rules: "13812345678" },
      { field: "deliveryDate", llm: "2026-03-04", rules: "2026-03-03" },
      { field: "items[0].quantity", llm: 2000, rules: 200 },
    ]);
  });

  it("falls back to the rules' result, named as such, when the LLM fails", async () => {
    server.setDefault(reply.serverError());
    const rulesReading: Extraction = { kind: "order", contactPhone: "13812345678", deliveryDate: "2026-03-03" };

    const result = await hybrid(fixedRules(rulesReading)).extract(ORDER_INPUT);

    expect(server.requests).toHaveLength(2);
    expect(result).toEqual({
      extraction: rulesReading,
      extractor: "rules",
      model: "test-model",
      latencyMs: expect.any(Number),
      fallbackReason: expect.stringMatching(/^server_error: HTTP 500/),
    });
  });

  it("falls back to the rules when the LLM extractor throws", async () => {
    const rulesReading: Extraction = { kind: "other" };
    const throwing: Extractor = {
      name: "llm",
      extract: async () => {
        throw new Error("socket hang up");
      },
    };

    const result = await createHybridExtractor({ llm: throwing, rules: fixedRules(rulesReading) }).extract(ORDER_INPUT);

    expect(result.extractor).toBe("rules");
    expect(result.extraction).toEqual(rulesReading);
    expect(result.fallbackReason).toBe("llm_error: socket hang up");
  });
});

describe("merge policy", () => {
  it("supplies deterministic values only the rules found, where the LLM's kind has the field", () => {
    const { extraction, disagreements } = mergeExtractions(
      { kind: "complaint", category: "damage", severity: "medium" },
      { kind: "order", orderRef: "SO-4471", claimAmount: 1200, deliveryDate: "2026-03-03", items: [{ product: "monitor", quantity: 12 }] },
    );

    expect(extraction).toEqual({ kind: "complaint", category: "damage", severity: "medium", orderRef: "SO-4471", claimAmount: 1200 });
    expect(disagreements).toEqual([]);
  });

  it("pairs leftover items by position when both lists are as long", () => {
    const { extraction, disagreements } = mergeExtractions(
      { kind: "order", items: [{ product: "nitrile gloves", quantity: 80 }, { product: "M8 hex bolt kit", quantity: 250 }] },
      { kind: "order", items: [{ product: "gloves, nitrile", quantity: 8 }, { product: "M8 hex bolt kit", quantity: 250 }] },
    );

    expect(extraction.items).toEqual([{ product: "nitrile gloves", quantity: 8 }, { product: "M8 hex bolt kit", quantity: 250 }]);
    expect(disagreements).toEqual([{ field: "items[0].quantity", llm: 80, rules: 8 }]);
  });

  it("keeps a value only the LLM found", () => {
    const { extraction } = mergeExtractions({ kind: "order", orderRef: "PO4500123871", items: [{ product: "bolts", quantity: 250 }] }, { kind: "order" });

    expect(extraction).toEqual({ kind: "order", orderRef: "PO4500123871", items: [{ product: "bolts", quantity: 250 }] });
  });

  it("treats spellings the scorer treats as equal as agreement, keeping the rules' form", () => {
    const { extraction, disagreements } = mergeExtractions(
      { kind: "complaint", contactPhone: "02158881234", orderRef: "so-4471 " },
      { kind: "complaint", contactPhone: "2158881234", orderRef: "SO-4471" },
    );

    expect(disagreements).toEqual([]);
    expect(extraction.contactPhone).toBe("2158881234");
    expect(extraction.orderRef).toBe("SO-4471");
  });

  it("pairs items by product, not by position, and leaves product names to the LLM", () => {
    const { extraction, disagreements } = mergeExtractions(
      {
        kind: "order",
        items: [
          { product: "钢化玻璃", quantity: 30, unitPrice: 120 },
          { product: "铝合金窗框", quantity: 20, unitPrice: 80 },
        ],
      },
      {
        kind: "order",
        items: [
          { product: "铝合金窗框 1.2m", quantity: 20, unit: "套", unitPrice: 85 },
          { product: "钢化玻璃", quantity: 30 },
        ],
      },
    );

    expect(extraction.items).toEqual([
      { product: "钢化玻璃", quantity: 30, unitPrice: 120 },
      { product: "铝合金窗框", quantity: 20, unitPrice: 85 },
    ]);
    expect(disagreements).toEqual([{ field: "items[1].unitPrice", llm: 80, rules: 85 }]);
  });
});

describe("hybrid extractor with the project's rules extractor", () => {
  it("keeps every deterministic value the rules found and explains every change", async () => {
    server.enqueue(reply.extraction({ ...ORDER_READING, contactPhone: "13800000000", deliveryDate: "2026-03-09" }));
    const expectedRules = (await rulesExtractor.extract(ORDER_INPUT)).extraction;

    const result = await hybrid(rulesExtractor).extract(ORDER_INPUT);

    expect(result.extractor).toBe("hybrid");
    expect(result.extraction.kind).toBe(ORDER_READING.kind);
    expect(result.extraction.paymentTerms).toBe(ORDER_READING.paymentTerms);
    for (const field of ["contactPhone", "deliveryDate"] as const) {
      const rulesValue = expectedRules[field];
      expect(result.extraction[field]).toBe(rulesValue ?? (field === "contactPhone" ? "13800000000" : "2026-03-09"));
      const disagreement = result.disagreements!.find((d) => d.field === field);
      expect(Boolean(disagreement)).toBe(rulesValue !== undefined && rulesValue !== null);
    }
  });

  it("returns exactly the rules' reading when the LLM is down", async () => {
    server.setDefault(reply.overloaded());
    const expectedRules = (await rulesExtractor.extract(ORDER_INPUT)).extraction;

    const result = await hybrid(rulesExtractor).extract(ORDER_INPUT);

    expect(result.extractor).toBe("rules");
    expect(result.extraction).toEqual(expectedRules);
    expect(result.fallbackReason).toMatch(/^server_error: HTTP 503/);
  });
});
