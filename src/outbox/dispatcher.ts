import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.ts";
import type { Clock } from "../clock.ts";
import type { Logger } from "../logger.ts";
import {
  ChatTargetSchema,
  ReplySchema,
  TransientSendError,
  type ChatAdapter,
  type Platform,
} from "../chat/port.ts";

export interface DispatcherOptions {
  maxAttempts: number;
  pollMs?: number;
  batchSize?: number;
  /** A row claimed longer ago than this belongs to a process that died mid-send: it is sent again. */
  staleClaimMs?: number;
}

const BASE_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Sends what the outbox holds through the running adapters. Rows are claimed with a conditional
 * update (atomic on SQLite and PostgreSQL), so several bot processes never send a row twice; a
 * failed send is retried with backoff and never dropped silently.
 */
export class OutboxDispatcher {
  readonly workerId = `w-${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly adapters: ReadonlyMap<Platform, ChatAdapter>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: DispatcherOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Something was just queued: send it now rather than at the next poll. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Sends everything due now; resolves when nothing due is left (used at shutdown and by tests). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    await this.drain();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.kick();
      this.schedule();
    }, this.options.pollMs ?? 1000);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    // With no adapter running there is nothing to send through (a bench, a migration-only start).
    if (this.adapters.size === 0) return;
    try {
      await this.releaseStaleClaims();
      while ((await this.sendBatch()) > 0);
    } catch (error) {
      this.logger.error({ err: error }, "outbox dispatch failed");
    }
  }

  private async releaseStaleClaims(): Promise<void> {
    const before = new Date(this.clock.now().getTime() - (this.options.staleClaimMs ?? 120_000));
    const { count } = await this.db.outboxMessage.updateMany({
      where: { status: "sending", claimedAt: { lt: before } },
      data: { status: "pending", claimedBy: null, claimedAt: null },
    });
    if (count > 0) this.logger.warn({ count }, "outbox rows left mid-send by a stopped process are queued again");
  }

  private async sendBatch(): Promise<number> {
    const now = this.clock.now();
    const due = await this.db.outboxMessage.findMany({
      where: { status: "pending", nextAttemptAt: { lte: now }, platform: { in: [...this.adapters.keys()] } },
      orderBy: { id: "asc" },
      take: this.options.batchSize ?? 50,
    });
    let sent = 0;
    for (const row of due) {
      const claimed = await this.db.outboxMessage.updateMany({
        where: { id: row.id, status: "pending" },
        data: { status: "sending", claimedBy: this.workerId, claimedAt: now, attempts: { increment: 1 } },
      });
      if (claimed.count !== 1) continue;
      await this.sendOne({ ...row, attempts: row.attempts + 1 });
      sent++;
    }
    return sent;
  }

  private async sendOne(row: { id: number; dedupeKey: string; platform: Platform; target: unknown; payload: unknown; attempts: number }) {
    const adapter = this.adapters.get(row.platform)!;
    const target = ChatTargetSchema.safeParse(row.target);
    const reply = ReplySchema.safeParse(row.payload);
    if (!target.success || !reply.success) {
      this.logger.error({ outboxId: row.id }, "outbox row is not a valid message; it will not be sent");
      await this.db.outboxMessage.update({
        where: { id: row.id },
        data: { status: "dead", lastError: "invalid target or payload" },
      });
      return;
    }
    try {
      const result = await adapter.send({
        outboxId: row.id,
        idempotencyKey: row.dedupeKey,
        target: target.data,
        reply: reply.data,
      });
      await this.db.outboxMessage.update({
        where: { id: row.id },
        data: { status: "sent", sentAt: this.clock.now(), externalId: result.externalId ?? null, lastError: null },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = row.attempts >= this.options.maxAttempts;
      const backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (row.attempts - 1));
      const wait = Math.max(backoff, error instanceof TransientSendError ? (error.retryAfterMs ?? 0) : 0);
      this.logger[giveUp ? "error" : "warn"]({ outboxId: row.id, attempts: row.attempts, err: message }, giveUp ? "outbox message given up" : "outbox send failed; will retry");
      await this.db.outboxMessage.update({
        where: { id: row.id },
        data: {
          status: giveUp ? "dead" : "pending",
          claimedBy: null,
          claimedAt: null,
          lastError: message.slice(0, 1000),
          nextAttemptAt: new Date(this.clock.now().getTime() + wait),
        },
      });
    }
  }
}
