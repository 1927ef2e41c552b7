import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { OutboxDispatcher } from "../../src/outbox/dispatcher.ts";
import { enqueue } from "../../src/outbox/outbox.ts";
import { silentLogger } from "../../src/logger.ts";
import { TransientSendError, type ChatAdapter, type OutgoingMessage } from "../../src/chat/port.ts";
import { ENGINES, freshDatabase, type TestDatabase } from "../support/databases.ts";

class SlowAdapter implements ChatAdapter {
  readonly platform = "console" as const;
  readonly sent: OutgoingMessage[] = [];
  constructor(private readonly fail?: () => Error | undefined) {}
  async start() {}
  async stop() {}
  async send(message: OutgoingMessage) {
    await new Promise((r) => setTimeout(r, 2));
    const error = this.fail?.();
    if (error) throw error;
    this.sent.push(message);
    return { externalId: `x-${message.outboxId}` };
  }
}

describe.each(ENGINES)("outbox dispatcher on %s", (engine) => {
  let test: TestDatabase;
  let database: Database;
  let now = new Date("2026-11-23T10:00:00Z");
  const clock = { now: () => now };

  beforeEach(async () => {
    test = await freshDatabase(engine);
    database = await openDatabase(test.url);
    now = new Date("2026-11-23T10:00:00Z");
  });
  afterEach(async () => {
    await database.close();
    await test.drop();
  });

  const queue = (count: number, keyPrefix = "k") =>
    database.db.$transaction((tx) =>
      enqueue(
        tx,
        Array.from({ length: count }, (_, i) => ({
          dedupeKey: `${keyPrefix}-${i}`,
          target: { platform: "console" as const, channelId: "c" },
          reply: { lang: "en" as const, tone: "info" as const, title: `message ${i}` },
        })),
        now,
      ),
    );

  it("queues a key once, however often it is enqueued", async () => {
    await queue(3);
    await queue(3);
    expect(await database.db.outboxMessage.count()).toBe(3);
  });

  it("sends every row exactly once when two dispatchers race, in queue order per dispatcher", async () => {
    await queue(40);
    const a = new SlowAdapter();
    const b = new SlowAdapter();
    const one = new OutboxDispatcher(database.db, new Map([["console", a]]), clock, silentLogger, { maxAttempts: 3 });
    const two = new OutboxDispatcher(database.db, new Map([["console", b]]), clock, silentLogger, { maxAttempts: 3 });
    await Promise.all([one.flush(), two.flush()]);
    const titles = [...a.sent, ...b.sent].map((m) => m.reply.title).sort();
    expect(titles).toHaveLength(40);
    expect(new Set(titles).size).toBe(40);
    expect(await database.db.outboxMessage.count({ where: { status: "sent" } })).toBe(40);
  });

  it("retries a failed send after the platform's Retry-After, then gives up and keeps the row", async () => {
    await queue(1);
    const adapter = new SlowAdapter(() => new TransientSendError("rate limited", 30_000));
    const dispatcher = new OutboxDispatcher(database.db, new Map([["console", adapter]]), clock, silentLogger, { maxAttempts: 2 });
    await dispatcher.flush();
    const first = await database.db.outboxMessage.findFirstOrThrow();
    expect(first).toMatchObject({ status: "pending", attempts: 1, lastError: "rate limited" });
    expect(first.nextAttemptAt.getTime() - now.getTime()).toBe(30_000);

    await dispatcher.flush();
    expect((await database.db.outboxMessage.findFirstOrThrow()).attempts).toBe(1);

    now = new Date(now.getTime() + 30_000);
    await dispatcher.flush();
    expect(await database.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "dead", attempts: 2 });
    expect(adapter.sent).toHaveLength(0);
  });

  it("sends again a row a stopped process left mid-send", async () => {
    await queue(1);
    await database.db.outboxMessage.updateMany({ data: { status: "sending", claimedBy: "gone", claimedAt: now } });
    const adapter = new SlowAdapter();
    const dispatcher = new OutboxDispatcher(database.db, new Map([["console", adapter]]), clock, silentLogger, { maxAttempts: 3, staleClaimMs: 60_000 });
    await dispatcher.flush();
    expect(adapter.sent).toHaveLength(0);
    now = new Date(now.getTime() + 61_000);
    await dispatcher.flush();
    expect(adapter.sent).toHaveLength(1);
  });

  it("marks a row that is not a valid message dead instead of sending it", async () => {
    await database.db.outboxMessage.create({
      data: { dedupeKey: "bad", platform: "console", target: { nowhere: true }, payload: { title: 1 }, nextAttemptAt: now },
    });
    const adapter = new SlowAdapter();
    await new OutboxDispatcher(database.db, new Map([["console", adapter]]), clock, silentLogger, { maxAttempts: 3 }).flush();
    expect(adapter.sent).toHaveLength(0);
    expect(await database.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "dead", lastError: "invalid target or payload" });
  });

  it("leaves rows for a platform that is not running", async () => {
    await database.db.$transaction((tx) =>
      enqueue(tx, [{ dedupeKey: "slack", target: { platform: "slack", channelId: "C1" }, reply: { lang: "en", tone: "info", title: "x" } }], now),
    );
    const adapter = new SlowAdapter();
    await new OutboxDispatcher(database.db, new Map([["console", adapter]]), clock, silentLogger, { maxAttempts: 3 }).flush();
    expect(await database.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "pending", attempts: 0 });
  });
});
