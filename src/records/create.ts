import type { Tx } from "../db/client.ts";
import type { Escalation, InboundMessage, Person } from "../generated/sqlite/client.ts";
import type { ExtractionResult } from "../extraction/schema.ts";
import { audit } from "../audit.ts";
import { nextCode, type RecordKindWithCode } from "./codes.ts";
import type { RecordView } from "./present.ts";

/** Severity and category are always given for complaints by the spec; a missing one is still stored safely. */
const DEFAULT_CATEGORY = "other";
const DEFAULT_SEVERITY = "medium";

export interface CreatedRecord {
  id: number;
  view: RecordView;
  escalation: Escalation | null;
}

/**
 * Stores what the extractor read as a record with its kind-specific facts, linked to the message it
 * came from, in the caller's transaction. The speaking agent owns it until someone reassigns it.
 * The read-back is built from the very values written, so the hot path reads nothing back.
 */
export async function createRecord(
  tx: Tx,
  input: { message: InboundMessage; author: Person; result: ExtractionResult; kind: RecordKindWithCode; now: Date },
): Promise<CreatedRecord> {
  const { message, author, result, kind, now } = input;
  const x = result.extraction;
  const code = await nextCode(tx, kind);
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
  const record = await tx.record.create({
    data: {
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
      order: order ? { create: { ...order, items: { create: items } } } : undefined,
      complaint: complaint ? { create: complaint } : undefined,
      inquiry: inquiry ? { create: inquiry } : undefined,
    },
    select: { id: true },
  });
  const reasons = x.escalationReasons?.length ? x.escalationReasons : ["severe_incident"];
  const escalation =
    kind === "escalation"
      ? await tx.escalation.create({
          data: { recordId: record.id, reasons, trigger: "extractor", raisedById: author.id, createdAt: message.sentAt },
        })
      : null;
  await audit(tx, {
    actorId: author.id,
    action: "record.create",
    entity: "record",
    entityId: code,
    after: { kind, extraction: x, extractor: result.extractor },
    sourceMessageId: message.id,
    at: now,
  });
  return {
    id: record.id,
    view: { ...facts, order: order && { ...order, items }, complaint, inquiry, escalations: escalation ? [escalation] : [] },
    escalation,
  };
}
