import type { Tx } from "../db/client.ts";
import { ReplySchema, type ChatTarget, type ReplyInput } from "../chat/port.ts";

export interface OutboxEntry {
  /** Same key, same message: enqueueing twice (a retried handler) sends once. */
  dedupeKey: string;
  target: ChatTarget;
  reply: ReplyInput;
  recordId?: number;
}

/** Queues messages in the caller's transaction: they exist exactly when the change that caused them does. */
export async function enqueue(tx: Tx, entries: OutboxEntry[], now: Date): Promise<void> {
  for (const entry of entries) {
    const exists = await tx.outboxMessage.findUnique({ where: { dedupeKey: entry.dedupeKey }, select: { id: true } });
    if (exists) continue;
    await tx.outboxMessage.create({
      data: {
        dedupeKey: entry.dedupeKey,
        platform: entry.target.platform,
        target: entry.target,
        payload: ReplySchema.parse(entry.reply),
        recordId: entry.recordId ?? null,
        nextAttemptAt: now,
      },
    });
  }
}
