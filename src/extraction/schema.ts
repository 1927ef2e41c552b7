import { z } from "zod";

/**
 * The vocabulary of `../shared/spec/extraction.md`: the single source of truth for what an
 * extractor returns, what the LLM is asked for (its JSON Schema derives from these), what the
 * store keeps and what `npm run eval` scores.
 */
export const RECORD_KINDS = ["order", "complaint", "escalation", "inquiry", "other"] as const;
export const PAYMENT_TERMS = ["prepaid", "cod", "credit", "deposit", "other"] as const;
export const CATEGORIES = [
  "delay",
  "damage",
  "lost",
  "quality",
  "wrong_item",
  "service",
  "billing",
  "safety",
  "other",
] as const;
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const ESCALATION_REASONS = [
  "severe_incident",
  "large_loss",
  "legal_threat",
  "media_threat",
  "regulator_threat",
  "repeat_complaint",
  "safety",
  "customer_request",
  "vip",
] as const;
export const TOPICS = ["price", "stock", "tracking", "invoice", "policy", "other"] as const;
export const CURRENCIES = ["CNY", "USD", "EUR", "GBP", "HKD", "JPY", "AUD", "CAD", "SGD", "TWD", "NZD", "MYR", "INR", "KRW", "THB", "CHF"] as const;

export const KindSchema = z.enum(RECORD_KINDS);
export const PaymentTermsSchema = z.enum(PAYMENT_TERMS);
export const CategorySchema = z.enum(CATEGORIES);
export const SeveritySchema = z.enum(SEVERITIES);
export const EscalationReasonSchema = z.enum(ESCALATION_REASONS);
export const TopicSchema = z.enum(TOPICS);
export const CurrencySchema = z.enum(CURRENCIES);

/** YYYY-MM-DD, a calendar day in the message's own offset. */
export const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const OrderItemSchema = z.object({
  product: z.string().min(1).nullish(),
  quantity: z.number().positive().nullish(),
  unit: z.string().min(1).nullish(),
  unitPrice: z.number().nonnegative().nullish(),
});

/**
 * One message read as a record. Every field but `kind` is optional: the spec says a field the text
 * does not state is absent or null, and an extractor must not invent it. `currency` is ours, not the
 * spec's (it tells what `unitPrice`/`claimAmount` are in); eval output leaves it out.
 */
export const ExtractionSchema = z.object({
  kind: KindSchema,
  customer: z.string().min(1).nullish(),
  contactName: z.string().min(1).nullish(),
  contactPhone: z.string().regex(/^\d{5,15}$/).nullish(),
  orderRef: z.string().min(1).nullish(),
  items: z.array(OrderItemSchema).nullish(),
  deliveryDate: LocalDateSchema.nullish(),
  deliveryAddress: z.string().min(1).nullish(),
  paymentTerms: PaymentTermsSchema.nullish(),
  category: CategorySchema.nullish(),
  severity: SeveritySchema.nullish(),
  claimAmount: z.number().nonnegative().nullish(),
  escalationReasons: z.array(EscalationReasonSchema).nullish(),
  topic: TopicSchema.nullish(),
  currency: CurrencySchema.nullish(),
});

export type RecordKind = z.infer<typeof KindSchema>;
export type PaymentTerms = z.infer<typeof PaymentTermsSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type EscalationReason = z.infer<typeof EscalationReasonSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type Currency = z.infer<typeof CurrencySchema>;
export type OrderItem = z.infer<typeof OrderItemSchema>;
export type Extraction = z.infer<typeof ExtractionSchema>;

/** The fields the spec defines (and the scorer reads), in the spec's order. */
export const SPEC_FIELDS = [
  "kind",
  "customer",
  "contactName",
  "contactPhone",
  "orderRef",
  "items",
  "deliveryDate",
  "deliveryAddress",
  "paymentTerms",
  "category",
  "severity",
  "claimAmount",
  "escalationReasons",
  "topic",
] as const satisfies readonly (keyof Extraction)[];

/** What an extractor reads: the text and when it was sent, ISO 8601 with the sender's UTC offset. */
export const ExtractionInputSchema = z.object({
  text: z.string(),
  sentAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/),
});
export type ExtractionInput = z.infer<typeof ExtractionInputSchema>;

export const EXTRACTOR_NAMES = ["rules", "llm", "hybrid"] as const;
export type ExtractorName = (typeof EXTRACTOR_NAMES)[number];

/** A field where the LLM and the rules read the message differently (hybrid keeps the rules' value). */
export interface Disagreement {
  field: string;
  llm: unknown;
  rules: unknown;
}

/** What every extractor returns: the record plus how it was obtained, stored with the record. */
export interface ExtractionResult {
  extraction: Extraction;
  extractor: ExtractorName;
  /** Set when an LLM was asked: the model name, its latency and token use. */
  model?: string;
  latencyMs: number;
  promptTokens?: number;
  completionTokens?: number;
  /** Why the LLM answer was not used and the rules result was returned instead. */
  fallbackReason?: string;
  disagreements?: Disagreement[];
}

export interface Extractor {
  readonly name: ExtractorName;
  extract(input: ExtractionInput): Promise<ExtractionResult>;
}
