import type {
  Disagreement,
  Extraction,
  ExtractionInput,
  ExtractionResult,
  Extractor,
  OrderItem,
  RecordKind,
} from "./schema.ts";
import { foldFreeText, foldPhone, foldReference } from "./eval/normalize.ts";

export interface HybridExtractorOptions {
  llm: Extractor;
  rules: Extractor;
}

/*
 * Merge policy. A model is better at reading intent, a regular expression at copying digits. So the
 * LLM decides every judgement field (kind, category, severity, escalation reasons, topic, payment
 * terms, names, products, address, currency), including deciding that one is absent. The rules own
 * the fields that are copied or computed mechanically (contactPhone, orderRef, deliveryDate,
 * claimAmount, item quantities and unit prices): where only one side has a value it is used; where
 * both have one and they differ, the rules' value is kept, because a model can misread or invent a
 * digit and a rule cannot, and the difference is recorded as a `Disagreement` so that it can be
 * reviewed and the rules improved. A value only the rules found is left out when the spec does not
 * define that field for the LLM's kind (a delivery date on a complaint), because the kind is the
 * LLM's call.
 */

type CheckedField = "contactPhone" | "orderRef" | "deliveryDate" | "claimAmount";
type CheckedItemField = "quantity" | "unitPrice";

/** The kinds the spec defines a field for; a field not listed applies to every kind. */
const FIELD_KINDS: Partial<Record<CheckedField | "items", readonly RecordKind[]>> = {
  deliveryDate: ["order"],
  claimAmount: ["complaint", "escalation"],
  items: ["order"],
};

/**
 * Equal as the spec's scorer compares them (eval/normalize.ts): phones by digits with one leading 0 aside, references
 * with case and spaces folded.
 */
const SAME: Record<CheckedField, (llm: unknown, rules: unknown) => boolean> = {
  contactPhone: (llm, rules) => foldPhone(String(llm)) === foldPhone(String(rules)),
  orderRef: (llm, rules) => foldReference(String(llm)) === foldReference(String(rules)),
  deliveryDate: (llm, rules) => llm === rules,
  claimAmount: (llm, rules) => llm === rules,
};

function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function appliesTo(field: CheckedField | "items", kind: RecordKind): boolean {
  return FIELD_KINDS[field]?.includes(kind) ?? true;
}

function sameProduct(a: OrderItem, b: OrderItem): boolean {
  if (!a.product || !b.product) return false;
  const [x, y] = [foldFreeText(a.product), foldFreeText(b.product)];
  return x !== "" && y !== "" && (x.includes(y) || y.includes(x));
}

/**
 * Pairs each LLM item with the rules' item for the same product; items left over on both sides are
 * paired by position when both lists are as long, since then they most likely list the same goods.
 */
function pairItems(llmItems: OrderItem[], rulesItems: OrderItem[]): (OrderItem | undefined)[] {
  const unused = new Set(rulesItems);
  const take = (candidate: OrderItem | undefined) => {
    if (candidate) unused.delete(candidate);
    return candidate;
  };
  const byProduct = llmItems.map((item) => take(rulesItems.find((candidate) => unused.has(candidate) && sameProduct(item, candidate))));
  if (llmItems.length !== rulesItems.length) return byProduct;
  return byProduct.map((match, index) => match ?? take(unused.has(rulesItems[index]!) ? rulesItems[index] : undefined));
}

export function mergeExtractions(llm: Extraction, rules: Extraction): { extraction: Extraction; disagreements: Disagreement[] } {
  const disagreements: Disagreement[] = [];

  function crossCheck<T>(field: string, llmValue: T | null | undefined, rulesValue: T | null | undefined, same: (llm: T, rules: T) => boolean) {
    if (isAbsent(rulesValue)) return llmValue;
    if (isAbsent(llmValue)) return rulesValue;
    if (!same(llmValue, rulesValue)) disagreements.push({ field, llm: llmValue, rules: rulesValue });
    return rulesValue;
  }

  const merged: Extraction = { ...llm };
  for (const field of Object.keys(SAME) as CheckedField[]) {
    const rulesValue = appliesTo(field, llm.kind) || !isAbsent(llm[field]) ? rules[field] : undefined;
    const value = crossCheck<unknown>(field, llm[field], rulesValue, SAME[field]);
    if (isAbsent(value)) delete merged[field];
    else Object.assign(merged, { [field]: value });
  }

  const llmItems = llm.items ?? [];
  const rulesItems = rules.items ?? [];
  if (llmItems.length === 0) {
    if (rulesItems.length > 0 && appliesTo("items", llm.kind)) merged.items = rulesItems;
  } else {
    const partners = pairItems(llmItems, rulesItems);
    merged.items = llmItems.map((item, index) => {
      const partner = partners[index];
      if (!partner) return item;
      const checked: OrderItem = { ...item };
      for (const field of ["quantity", "unitPrice"] as const satisfies CheckedItemField[]) {
        const value = crossCheck<number>(`items[${index}].${field}`, item[field], partner[field], (a, b) => a === b);
        if (!isAbsent(value)) checked[field] = value;
      }
      return checked;
    });
  }
  return { extraction: merged, disagreements };
}

async function settle(extractor: Extractor, input: ExtractionInput): Promise<ExtractionResult | Error> {
  try {
    return await extractor.extract(input);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Runs the LLM and the rules side by side and merges them (see the merge policy above). When the
 * LLM has no answer of its own (it fell back, or threw), the result is the rules' result, named
 * "rules", with the LLM's `fallbackReason` and token use.
 */
export function createHybridExtractor({ llm, rules }: HybridExtractorOptions): Extractor {
  return {
    name: "hybrid",
    async extract(input: ExtractionInput): Promise<ExtractionResult> {
      const startedAt = performance.now();
      const [llmResult, rulesResult] = await Promise.all([settle(llm, input), rules.extract(input)]);
      const latencyMs = Math.round(performance.now() - startedAt);

      if (llmResult instanceof Error || llmResult.extractor !== "llm" || llmResult.fallbackReason !== undefined) {
        const fallbackReason =
          llmResult instanceof Error
            ? `llm_error: ${llmResult.message}`
            : (llmResult.fallbackReason ?? `the LLM extractor answered as "${llmResult.extractor}"`);
        const llmUsage =
          llmResult instanceof Error
            ? {}
            : { model: llmResult.model, promptTokens: llmResult.promptTokens, completionTokens: llmResult.completionTokens };
        return { ...rulesResult, ...withoutUndefined(llmUsage), latencyMs, fallbackReason };
      }

      const { extraction, disagreements } = mergeExtractions(llmResult.extraction, rulesResult.extraction);
      return {
        extraction,
        extractor: "hybrid",
        latencyMs,
        ...withoutUndefined({ model: llmResult.model, promptTokens: llmResult.promptTokens, completionTokens: llmResult.completionTokens }),
        disagreements,
      };
    },
  };
}

function withoutUndefined<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}
