import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ENGINES } from "../support/databases.ts";
import { startTestBot, type TestBot } from "../support/harness.ts";
import { ORDER_TEXT, READINGS, scriptedExtractor } from "../support/extractors.ts";

describe.each(ENGINES)("transactions on %s", (engine) => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot(engine, { extractor: scriptedExtractor(READINGS) });
  });
  afterEach(() => bot.close());

  it("writes nothing of a record when one of its rows fails, and keeps the message", async () => {
    await bot.say("alice", ORDER_TEXT);
    // The counter forgets ORD-0001, so the next order collides with it half-way through the write.
    await bot.db.codeCounter.delete({ where: { prefix: "ORD" } });
    const counts = async () => ({
      records: await bot.db.record.count(),
      orders: await bot.db.order.count(),
      items: await bot.db.orderItem.count(),
      audits: await bot.db.auditLog.count({ where: { action: "record.create" } }),
      counters: await bot.db.codeCounter.count(),
    });
    const before = await counts();

    const [reply] = await bot.say("alice", ORDER_TEXT, { messageId: "second" });

    expect(await counts()).toEqual(before);
    expect(reply!.reply.tone).toBe("error");
    const kept = await bot.db.inboundMessage.findFirstOrThrow({ where: { externalId: "second" } });
    expect(kept).toMatchObject({ status: "failed", text: ORDER_TEXT });
    expect(await bot.db.outboxMessage.count({ where: { recordId: { not: null } } })).toBe(1);
  });

  it("queues the reply in the same transaction as the record, and sends it once even if sending fails first", async () => {
    bot.adapter.failNext = 1;
    await bot.app.bot.handle(bot.message("alice", ORDER_TEXT));
    await bot.app.dispatcher.flush();
    const row = await bot.db.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "platform unavailable" });
    expect(bot.adapter.sent).toHaveLength(0);

    await bot.db.outboxMessage.update({ where: { id: row.id }, data: { nextAttemptAt: new Date(0) } });
    await bot.app.dispatcher.flush();
    await bot.app.dispatcher.flush();
    expect(bot.adapter.sent).toHaveLength(1);
    expect(await bot.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "sent", attempts: 2, externalId: `out-${row.id}` });
  });
});
