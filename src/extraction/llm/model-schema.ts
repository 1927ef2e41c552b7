import { z } from "zod";
import {
  CategorySchema,
  CurrencySchema,
  EscalationReasonSchema,
  ExtractionSchema,
  KindSchema,
  LocalDateSchema,
  PaymentTermsSchema,
  SeveritySchema,
  TopicSchema,
  type Extraction,
} from "../schema.ts";

/*
 * The schema the model answers in, derived from `ExtractionSchema` field by field with the same
 * enums. It differs only where strict structured output forces it to: every field is present and
 * nullable (strict mode has no optional properties), and strings carry no `minLength`, a keyword
 * OpenAI's strict mode rejects. The answer is then mapped to an `Extraction` and validated again by
 * `ExtractionSchema` itself, so nothing the model says bypasses the contract.
 */
const PhoneSchema = ExtractionSchema.shape.contactPhone.unwrap().unwrap();

export const ModelItemSchema = z.object({
  product: z.string().nullable(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  unitPrice: z.number().nullable(),
});

export const ModelExtractionSchema = z.object({
  kind: KindSchema,
  customer: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: PhoneSchema.nullable(),
  orderRef: z.string().nullable(),
  items: z.array(ModelItemSchema).nullable(),
  deliveryDate: LocalDateSchema.nullable(),
  deliveryAddress: z.string().nullable(),
  paymentTerms: PaymentTermsSchema.nullable(),
  category: CategorySchema.nullable(),
  severity: SeveritySchema.nullable(),
  claimAmount: z.number().nullable(),
  escalationReasons: z.array(EscalationReasonSchema).nullable(),
  topic: TopicSchema.nullable(),
  currency: CurrencySchema.nullable(),
} satisfies Record<keyof Extraction, z.ZodType>);

export type ModelExtraction = z.infer<typeof ModelExtractionSchema>;

/** Whether a value says something: the spec treats null, "" and [] as "not stated". */
function isStated(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function withoutUnstated<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record)
      .filter(([, value]) => isStated(value))
      .map(([key, value]) => [key, typeof value === "string" ? value.trim() : value]),
  ) as Partial<T>;
}

/** The model's answer as an `Extraction`: unstated fields dropped, then checked by the contract. */
export function toExtraction(answer: ModelExtraction): z.ZodSafeParseResult<Extraction> {
  const items = (answer.items ?? []).map(withoutUnstated).filter((item) => Object.keys(item).length > 0);
  const reasons = [...new Set(answer.escalationReasons ?? [])];
  return ExtractionSchema.safeParse(withoutUnstated({ ...answer, items, escalationReasons: reasons }));
}
