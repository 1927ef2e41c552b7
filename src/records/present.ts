import type { Lang, ReplyInput } from "../chat/port.ts";
import { dayWithWeekday, fieldLabel, kindLabel, statusLabel, valueLabel } from "../i18n/labels.ts";
import type { FullRecord } from "./load.ts";

type Numeric = { toString(): string } | number;

/** What a read-back needs of a record: its facts. A stored record has them, and so does one just written. */
export interface RecordView {
  code: string;
  kind: string;
  customerName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  orderRef: string | null;
  order: {
    items: { product: string | null; quantity: Numeric | null; unit: string | null; unitPrice: Numeric | null }[];
    totalAmount: Numeric | null;
    currency: string | null;
    deliveryDate: string | null;
    deliveryAddress: string | null;
    paymentTerms: string | null;
  } | null;
  complaint: { category: string; severity: string; claimAmount: Numeric | null; currency: string | null } | null;
  inquiry: { topic: string } | null;
  escalations: { reasons: unknown }[];
}

type Field = { label: string; value: string };

const MAX_VALUE = 300;

function clip(text: string, max = MAX_VALUE): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// Built once: toLocaleString with options builds a new formatter on every call.
const NUMBER_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

function num(value: Numeric | null | undefined): string | null {
  if (value == null) return null;
  const n = Number(value.toString());
  return Number.isFinite(n) ? NUMBER_FORMAT.format(n) : null;
}

function money(amount: string | null, currency: string | null | undefined, lang: Lang): string | null {
  if (amount == null) return null;
  if (!currency || currency === "CNY") return lang === "zh" ? `${amount} 元` : `CNY ${amount}`;
  return `${currency} ${amount}`;
}

type Item = NonNullable<RecordView["order"]>["items"][number];

function itemLine(item: Item, currency: string | null, lang: Lang): string {
  const parts = [item.product ?? (lang === "zh" ? "(未写货品)" : "(product not stated)")];
  const quantity = num(item.quantity);
  if (quantity) parts.push(`× ${quantity}${item.unit ? (lang === "zh" ? item.unit : ` ${item.unit}`) : ""}`);
  const price = money(num(item.unitPrice), currency, lang);
  if (price) parts.push(lang === "zh" ? `单价 ${price}` : `@ ${price}`);
  return parts.join(" ");
}

/** The facts of a record as labelled fields, in the order an agent reads them back to a customer. */
export function recordFields(record: RecordView, lang: Lang): { fields: Field[]; missing: string[] } {
  const fields: Field[] = [];
  const missing: string[] = [];
  const add = (key: string, value: string | null | undefined, required = false) => {
    if (value != null && value !== "") fields.push({ label: fieldLabel(key, lang), value: clip(value) });
    else if (required) missing.push(key);
  };
  add("customer", record.customerName, record.kind === "order");
  add("contactName", record.contactName);
  add("contactPhone", record.contactPhone);
  add("orderRef", record.orderRef);
  if (record.order) {
    const o = record.order;
    const currency = o.currency;
    if (o.items.length > 0) add("items", o.items.map((i) => itemLine(i, currency, lang)).join("\n"));
    else missing.push("items");
    add("total", money(num(o.totalAmount), currency, lang));
    add("deliveryDate", o.deliveryDate ? dayWithWeekday(o.deliveryDate, lang) : null, true);
    add("deliveryAddress", o.deliveryAddress, true);
    add("paymentTerms", o.paymentTerms ? valueLabel(o.paymentTerms, lang) : null, true);
  }
  if (record.complaint) {
    const c = record.complaint;
    add("category", valueLabel(c.category, lang));
    add("severity", valueLabel(c.severity, lang));
    add("claimAmount", money(num(c.claimAmount), c.currency, lang));
  }
  const escalation = record.escalations.at(-1);
  if (escalation) {
    const reasons = (escalation.reasons as string[]).map((r) => valueLabel(r, lang)).join(lang === "zh" ? "、" : ", ");
    add("escalationReasons", reasons);
  }
  if (record.inquiry) add("topic", valueLabel(record.inquiry.topic, lang));
  return { fields, missing };
}

const BUTTONS = {
  confirm: { zh: "确认", en: "Confirm" },
  edit: { zh: "修改", en: "Edit" },
  discard: { zh: "不是工单", en: "Not a ticket" },
  escalate: { zh: "升级", en: "Escalate" },
} as const;

/**
 * The read-back after a message became a record: every extracted field, the code, what is missing,
 * and the actions to confirm or correct it (the SOP has agents read an order back before accepting it).
 */
export function recordCreatedReply(record: RecordView, lang: Lang): ReplyInput {
  const { fields, missing } = recordFields(record, lang);
  const kind = kindLabel(record.kind, lang);
  const title =
    lang === "zh" ? `已记录${kind} ${record.code}，请核对` : `${kind} ${record.code} recorded — please check`;
  const lines: string[] = [];
  if (missing.length > 0) {
    const names = missing.map((m) => fieldLabel(m, lang)).join(lang === "zh" ? "、" : ", ");
    lines.push(lang === "zh" ? `缺少：${names}` : `Missing: ${names}`);
  }
  if (record.kind === "escalation") {
    lines.push(lang === "zh" ? "已通知主管。" : "Supervisors have been notified.");
  }
  lines.push(
    lang === "zh"
      ? `有误请用 /cs edit ${record.code} 字段=值 更正；无误请 /cs confirm ${record.code}`
      : `Correct with /cs edit ${record.code} field=value; if all is right, /cs confirm ${record.code}`,
  );
  return {
    lang,
    tone: record.kind === "escalation" ? "alert" : "success",
    title,
    text: lines.join("\n"),
    fields,
    buttons: (["confirm", "edit", "discard", "escalate"] as const)
      .filter((b) => !(b === "escalate" && record.kind === "escalation"))
      .map((b) => ({ action: b, label: BUTTONS[b][lang], value: record.code, style: b === "confirm" ? ("primary" as const) : undefined })),
  };
}

/** A record in full, for `show`. */
export function recordDetailReply(record: FullRecord, lang: Lang, names: Map<number, string>, timeZone: string): ReplyInput {
  const { fields } = recordFields(record, lang);
  const who = (id: number | null | undefined) => (id != null ? (names.get(id) ?? `#${id}`) : "—");
  fields.push({ label: fieldLabel("status", lang), value: statusLabel(record.status, lang) });
  fields.push({ label: fieldLabel("assignee", lang), value: who(record.assigneeId) });
  fields.push({ label: fieldLabel("createdBy", lang), value: who(record.createdById) });
  fields.push({
    label: fieldLabel("sentAt", lang),
    value: record.createdAt.toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", { timeZone, hour12: false }),
  });
  const escalation = record.escalations.at(-1);
  if (escalation) {
    const state =
      escalation.state === "open"
        ? lang === "zh" ? "待主管处理" : "open"
        : `${valueLabel(escalation.state, lang)} (${who(escalation.acknowledgedById ?? escalation.resolvedById)})`;
    fields.push({ label: fieldLabel("escalation", lang), value: state });
  }
  if (record.resolution) fields.push({ label: fieldLabel("resolution", lang), value: clip(record.resolution) });
  if (record.notes.length > 0) {
    const recent = record.notes.slice(-5).map((n) => `${who(n.authorId)}: ${clip(n.text, 200)}`);
    fields.push({ label: fieldLabel("notes", lang), value: recent.join("\n") });
  }
  fields.push({ label: fieldLabel("message", lang), value: clip(record.sourceMessage.text, 500) });
  fields.push({
    label: fieldLabel("extractor", lang),
    value: record.extractorFallback ? `${record.extractor} (${record.extractorFallback})` : record.extractor,
  });
  return { lang, tone: "info", title: `${kindLabel(record.kind, lang)} ${record.code}`, fields };
}

/** One line of a list: code, kind, status and who or what it is about. */
export function recordSummaryLine(record: FullRecord, lang: Lang): string {
  const about =
    record.customerName ??
    record.order?.items[0]?.product ??
    (record.complaint ? valueLabel(record.complaint.category, lang) : null) ??
    clip(record.sourceMessage.text.replace(/\s+/g, " "), 40);
  return `${record.code} · ${kindLabel(record.kind, lang)} · ${statusLabel(record.status, lang)} · ${clip(about, 60)} (${record.localDay})`;
}
