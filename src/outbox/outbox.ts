import type { Tx } from "../db/client.ts";
import { insertRows } from "../db/insert-rows.ts";
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
  await insertRows(
    tx,
    "OutboxMessage",
    entries.map((entry) => ({
      dedupeKey: entry.dedupeKey,
      platform: entry.target.platform,
      target: entry.target,
      payload: ReplySchema.parse(entry.reply),
      recordId: entry.recordId ?? null,
      nextAttemptAt: now,
      createdAt: now,
    })),
    // A key already queued is skipped without an error, which PostgreSQL would let abort the transaction.
    { skipConflictsOn: ["dedupeKey"] },
  );
}
