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
  if (entries.length === 0) return;
  // Checked first rather than caught: a unique violation aborts the whole transaction on PostgreSQL.
  const queued = await tx.outboxMessage.findMany({
    where: { dedupeKey: { in: entries.map((e) => e.dedupeKey) } },
    select: { dedupeKey: true },
  });
  const known = new Set(queued.map((q) => q.dedupeKey));
  const fresh = entries.filter((e) => !known.has(e.dedupeKey) && known.add(e.dedupeKey));
  if (fresh.length === 0) return;
  await tx.outboxMessage.createMany({
    data: fresh.map((entry) => ({
      dedupeKey: entry.dedupeKey,
      platform: entry.target.platform,
      target: entry.target,
      payload: ReplySchema.parse(entry.reply),
      recordId: entry.recordId ?? null,
      nextAttemptAt: now,
    })),
  });
}
