import type { Tx } from "../db/client.ts";
import type { Escalation, InboundMessage, Person } from "../generated/sqlite/client.ts";
import type { ExtractionResult } from "../extraction/schema.ts";
import { insertRows } from "../db/insert-rows.ts";
import { allocateCodes, type RecordKindWithCode } from "./codes.ts";
import type { RecordView } from "./present.ts";

/** Severity and category are always given for complaints by the spec; a missing one is still stored safely. */
const DEFAULT_CATEGORY = "other";
const DEFAULT_SEVERITY = "medium";

export interface NewRecord {
  message: InboundMessage;
  author: Person;
  result: ExtractionResult;
  kind: RecordKindWithCode;
}

export interface CreatedRecord {
  id: number;
  view: RecordView;
  escalation: Escalation | null;
}

/** The rows of one record, and the read-back built from the very values written. */
function rowsOf(input: NewRecord, code: string) {
  const { message, author, result, kind } = input;
  const x = result.extraction;
  const items = (x.items ?? []).map((item, position) => ({
    position,
    product: item.product ?? null,
    quantity: item.quantity ?? null,
    unit: item.unit ?? null,
    unitPrice: item.unitPrice ?? null,
  }));
  const priced = items.length > 0 && items.every((i) => i.quantity != null && i.unitPrice != null);
  const order =
    kind === "order"
      ? {
          deliveryDate: x.deliveryDate ?? null,
          deliveryAddress: x.deliveryAddress ?? null,
          paymentTerms: x.paymentTerms ?? null,
          currency: x.currency ?? null,
          totalAmount: priced ? items.reduce((sum, i) => sum + i.quantity! * i.unitPrice!, 0) : null,
        }
      : null;
  const complaint =
    kind === "complaint" || kind === "escalation"
      ? {
          category: x.category ?? DEFAULT_CATEGORY,
          severity: x.severity ?? DEFAULT_SEVERITY,
          claimAmount: x.claimAmount ?? null,
          currency: x.currency ?? null,
        }
      : null;
  const inquiry = kind === "inquiry" ? { topic: x.topic ?? "other" } : null;
  const facts = {
    code,
    kind,
    customerName: x.customer ?? null,
    contactName: x.contactName ?? null,
    contactPhone: x.contactPhone ?? null,
    orderRef: x.orderRef ?? null,
  };
  const record = {
    ...facts,
    sourceMessageId: message.id,
    channelId: message.channelId,
    createdById: author.id,
    assigneeId: author.id,
    extraction: x,
    extractor: result.extractor,
    extractorModel: result.model ?? null,
    extractorLatencyMs: Math.round(result.latencyMs),
    promptTokens: result.promptTokens ?? null,
    completionTokens: result.completionTokens ?? null,
    extractorFallback: result.fallbackReason ?? null,
    disagreements: result.disagreements?.length ? (result.disagreements as object[]) : undefined,
    createdAt: message.sentAt,
    localDay: message.localDay,
  };
  const view: RecordView = { ...facts, order: order && { ...order, items }, complaint, inquiry, escalations: [] };
  return { record, order, items, complaint, inquiry, view };
}

/**
 * Stores what the extractor read as records with their kind-specific facts, each linked to the
 * message it came from, in the caller's transaction: one statement per table whatever the number
 * of records, so a burst of messages is written in a few statements. The speaking agent owns a
 * record until someone reassigns it.
 */
export async function createRecords(tx: Tx, inputs: NewRecord[], now: Date): Promise<CreatedRecord[]> {
  const codes = await allocateCodes(tx, inputs.map((i) => i.kind));
  const rows = inputs.map((input, i) => rowsOf(input, codes[i]!));
  const inserted = await insertRows<{ id: number; sourceMessageId: number }>(
    tx,
    "Record",
    rows.map((r) => ({ ...r.record, updatedAt: now })),
    { returning: ["id", "sourceMessageId"] },
  );
  const idOf = new Map(inserted.map((r) => [r.sourceMessageId, r.id]));
  const ids = inputs.map((input) => idOf.get(input.message.id)!);
  const withIds = rows.map((r, i) => ({ ...r, recordId: ids[i]! }));

  const orders = withIds.filter((r) => r.order);
  if (orders.length > 0) {
    await insertRows(tx, "Order", orders.map((r) => ({ recordId: r.recordId, ...r.order! })));
    await insertRows(tx, "OrderItem", orders.flatMap((r) => r.items.map((item) => ({ orderId: r.recordId, ...item }))));
  }
  const complaints = withIds.filter((r) => r.complaint);
  await insertRows(tx, "Complaint", complaints.map((r) => ({ recordId: r.recordId, ...r.complaint! })));
  const inquiries = withIds.filter((r) => r.inquiry);
  await insertRows(tx, "Inquiry", inquiries.map((r) => ({ recordId: r.recordId, ...r.inquiry! })));

  const escalating = inputs.flatMap((input, i) => (input.kind === "escalation" ? [{ input, recordId: ids[i]! }] : []));
  const escalations = await insertRows<Escalation>(
    tx,
    "Escalation",
    escalating.map(({ input, recordId }) => ({
      recordId,
      reasons: input.result.extraction.escalationReasons?.length ? input.result.extraction.escalationReasons : ["severe_incident"],
      trigger: "extractor",
      raisedById: input.author.id,
      createdAt: input.message.sentAt,
    })),
    { returning: "*" },
  );
  const escalationOf = new Map(escalations.map((e) => [e.recordId, e]));

  await insertRows(
    tx,
    "AuditLog",
    inputs.map((input, i) => ({
      at: now,
      actorId: input.author.id,
      action: "record.create",
      entity: "record",
      entityId: codes[i]!,
      // The record keeps the full reading in its `extraction` column; the audit names what was created.
      after: { kind: input.kind, extractor: input.result.extractor },
      sourceMessageId: input.message.id,
    })),
  );

  return withIds.map((r) => {
    const escalation = escalationOf.get(r.recordId) ?? null;
    return { id: r.recordId, escalation, view: { ...r.view, escalations: escalation ? [escalation] : [] } };
  });
}
