import type { Tx } from "../db/client.ts";
import type { InboundMessage, Person } from "../generated/sqlite/client.ts";
import type { ExtractionResult } from "../extraction/schema.ts";
import { audit } from "../audit.ts";
import { nextCode, type RecordKindWithCode } from "./codes.ts";
import { RECORD_INCLUDE, type FullRecord } from "./load.ts";

/** Severity and category are always given for complaints by the spec; a missing one is still stored safely. */
const DEFAULT_CATEGORY = "other";
const DEFAULT_SEVERITY = "medium";

/**
 * Stores what the extractor read as a record with its kind-specific facts, linked to the message it
 * came from, in the caller's transaction. The speaking agent owns it until someone reassigns it.
 */
export async function createRecord(
  tx: Tx,
  input: { message: InboundMessage; author: Person; result: ExtractionResult; kind: RecordKindWithCode; now: Date },
): Promise<FullRecord> {
  const { message, author, result, kind, now } = input;
  const x = result.extraction;
  const code = await nextCode(tx, kind);
  const items = x.items ?? [];
  const total = items.every((i) => i.quantity != null && i.unitPrice != null) && items.length > 0
    ? items.reduce((sum, i) => sum + i.quantity! * i.unitPrice!, 0)
    : null;
  const record = await tx.record.create({
    data: {
      code,
      kind,
      sourceMessageId: message.id,
      channelId: message.channelId,
      createdById: author.id,
      assigneeId: author.id,
      customerName: x.customer ?? null,
      contactName: x.contactName ?? null,
      contactPhone: x.contactPhone ?? null,
      orderRef: x.orderRef ?? null,
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
      order:
        kind === "order"
          ? {
              create: {
                deliveryDate: x.deliveryDate ?? null,
                deliveryAddress: x.deliveryAddress ?? null,
                paymentTerms: x.paymentTerms ?? null,
                currency: x.currency ?? null,
                totalAmount: total,
                items: {
                  create: items.map((item, position) => ({
                    position,
                    product: item.product ?? null,
                    quantity: item.quantity ?? null,
                    unit: item.unit ?? null,
                    unitPrice: item.unitPrice ?? null,
                  })),
                },
              },
            }
          : undefined,
      complaint:
        kind === "complaint" || kind === "escalation"
          ? {
              create: {
                category: x.category ?? DEFAULT_CATEGORY,
                severity: x.severity ?? DEFAULT_SEVERITY,
                claimAmount: x.claimAmount ?? null,
                currency: x.currency ?? null,
              },
            }
          : undefined,
      inquiry: kind === "inquiry" ? { create: { topic: x.topic ?? "other" } } : undefined,
      escalations:
        kind === "escalation"
          ? {
              create: {
                reasons: x.escalationReasons?.length ? x.escalationReasons : ["severe_incident"],
                trigger: "extractor",
                raisedById: author.id,
                createdAt: message.sentAt,
              },
            }
          : undefined,
    },
    include: RECORD_INCLUDE,
  });
  await audit(tx, {
    actorId: author.id,
    action: "record.create",
    entity: "record",
    entityId: record.code,
    after: { kind, extraction: x, extractor: result.extractor },
    sourceMessageId: message.id,
    at: now,
  });
  return record;
}
