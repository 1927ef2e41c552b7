import { z } from "zod";
import {
  CategorySchema,
  LocalDateSchema,
  PaymentTermsSchema,
  SeveritySchema,
  TopicSchema,
} from "../extraction/schema.ts";
import type { RecordKindWithCode } from "../records/codes.ts";

/**
 * What `edit CODE field=value` may change, per kind, and how each value is checked. Values are
 * validated with the same vocabularies the extractor uses, so a correction can never store a
 * label that does not exist.
 */
const Name = z.string().trim().min(1).max(200);
const Amount = z.string().transform((s, ctx) => {
  const n = Number(s.normalize("NFKC").replace(/[,，\s]/g, "").replace(/^[¥$€£]|元$/g, ""));
  if (!Number.isFinite(n) || n < 0) {
    ctx.addIssue({ code: "custom", message: "not a number" });
    return z.NEVER;
  }
  return n;
});
const Phone = z.string().transform((s, ctx) => {
  let digits = s.normalize("NFKC").replace(/\D/g, "");
  if (/^\+?86/.test(s.trim()) && digits.length > 11) digits = digits.slice(2);
  if (digits.length < 5 || digits.length > 15) {
    ctx.addIssue({ code: "custom", message: "not a phone number" });
    return z.NEVER;
  }
  return digits;
});
const Day = z.string().trim().pipe(LocalDateSchema).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "not a date");

const KINDS_ALL: readonly RecordKindWithCode[] = ["order", "complaint", "escalation", "inquiry"];
const KINDS_COMPLAINT: readonly RecordKindWithCode[] = ["complaint", "escalation"];

export const EDITABLE_FIELDS = {
  customer: { kinds: KINDS_ALL, schema: Name },
  contactName: { kinds: KINDS_ALL, schema: Name },
  contactPhone: { kinds: KINDS_ALL, schema: Phone },
  orderRef: { kinds: KINDS_ALL, schema: Name },
  deliveryDate: { kinds: ["order"], schema: Day },
  deliveryAddress: { kinds: ["order"], schema: Name },
  paymentTerms: { kinds: ["order"], schema: PaymentTermsSchema },
  product: { kinds: ["order"], schema: Name },
  quantity: { kinds: ["order"], schema: Amount },
  unit: { kinds: ["order"], schema: Name },
  unitPrice: { kinds: ["order"], schema: Amount },
  category: { kinds: KINDS_COMPLAINT, schema: CategorySchema },
  severity: { kinds: KINDS_COMPLAINT, schema: SeveritySchema },
  claimAmount: { kinds: KINDS_COMPLAINT, schema: Amount },
  topic: { kinds: ["inquiry"], schema: TopicSchema },
} as const satisfies Record<string, { kinds: readonly RecordKindWithCode[]; schema: z.ZodType }>;

export type EditableField = keyof typeof EDITABLE_FIELDS;

const FIELD_ALIASES: Record<string, EditableField> = {
  客户: "customer",
  联系人: "contactName",
  电话: "contactPhone",
  单号: "orderRef",
  交货日期: "deliveryDate",
  日期: "deliveryDate",
  地址: "deliveryAddress",
  送货地址: "deliveryAddress",
  付款方式: "paymentTerms",
  货品: "product",
  产品: "product",
  数量: "quantity",
  单位: "unit",
  单价: "unitPrice",
  类别: "category",
  严重程度: "severity",
  索赔金额: "claimAmount",
  咨询类型: "topic",
};

/** `quantity`, `数量`, `item2.quantity` → the field and the item it applies to (0-based). */
export function resolveField(name: string): { field: EditableField; item: number } | null {
  const itemMatch = /^item(\d{1,2})\.(.+)$/i.exec(name);
  const base = itemMatch ? itemMatch[2]! : name;
  const item = itemMatch ? Number(itemMatch[1]) - 1 : 0;
  if (item < 0) return null;
  const field =
    (Object.keys(EDITABLE_FIELDS) as EditableField[]).find((f) => f.toLowerCase() === base.toLowerCase()) ??
    FIELD_ALIASES[base];
  if (!field) return null;
  if (itemMatch && !["product", "quantity", "unit", "unitPrice"].includes(field)) return null;
  return { field, item };
}

export function fieldsFor(kind: RecordKindWithCode): EditableField[] {
  return (Object.keys(EDITABLE_FIELDS) as EditableField[]).filter((f) =>
    (EDITABLE_FIELDS[f].kinds as readonly string[]).includes(kind),
  );
}
