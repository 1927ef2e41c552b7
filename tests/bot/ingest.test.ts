import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ENGINES } from "../support/databases.ts";
import { startTestBot, type TestBot } from "../support/harness.ts";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/logger.ts";
import type { IncomingMessage } from "../../src/chat/port.ts";
import { COMPLAINT_TEXT, ESCALATION_TEXT, INQUIRY_TEXT, ORDER_TEXT, READINGS, scriptedExtractor } from "../support/extractors.ts";

describe.each(ENGINES)("ingest and records on %s", (engine) => {
  let bot: TestBot;
  let extractor: ReturnType<typeof scriptedExtractor>;

  beforeEach(async () => {
    extractor = scriptedExtractor(READINGS);
    bot = await startTestBot(engine, { extractor });
  });
  afterEach(() => bot.close());

  it("stores the message verbatim, creates an order with items and reads every field back with its code", async () => {
    const [reply, ...rest] = await bot.say("alice", ORDER_TEXT);
    expect(rest).toHaveLength(0);
    expect(reply!.reply.lang).toBe("zh");
    expect(reply!.reply.title).toContain("ORD-0001");
    const values = reply!.reply.fields.map((f) => `${f.label}=${f.value}`);
    expect(values).toEqual(
      expect.arrayContaining([
        "客户=张伟",
        "货品=A4纸 × 200箱 单价 38 元",
        "合计=7,600 元",
        "交货日期=2026-11-24 (周二)",
        "送货地址=苏州工业园区星湖街88号",
        "付款方式=货到付款",
      ]),
    );
    expect(reply!.reply.buttons.map((b) => b.action)).toEqual(["confirm", "edit", "discard", "escalate"]);

    const message = await bot.db.inboundMessage.findFirstOrThrow({ include: { record: true } });
    expect(message.text).toBe(ORDER_TEXT);
    expect(message.status).toBe("processed");
    const record = await bot.db.record.findUniqueOrThrow({
      where: { code: "ORD-0001" },
      include: { order: { include: { items: true } } },
    });
    expect(record.sourceMessageId).toBe(message.id);
    expect(record.extractor).toBe("rules");
    expect(record.order!.paymentTerms).toBe("cod");
    expect(Number(record.order!.items[0]!.quantity)).toBe(200);
    expect(await bot.db.auditLog.count({ where: { action: "record.create", entityId: "ORD-0001" } })).toBe(1);
  });

  it("gives each kind its own code sequence and detail row", async () => {
    await bot.say("alice", COMPLAINT_TEXT);
    await bot.say("alice", INQUIRY_TEXT);
    await bot.say("alice", ORDER_TEXT);
    const records = await bot.db.record.findMany({ orderBy: { id: "asc" }, include: { complaint: true, inquiry: true, order: true } });
    expect(records.map((r) => r.code)).toEqual(["CMP-0001", "INQ-0001", "ORD-0001"]);
    expect(records[0]!.complaint).toMatchObject({ category: "damage", severity: "medium" });
    expect(records[1]!.inquiry).toMatchObject({ topic: "stock" });
  });

  it("writes a burst of messages together and gives each its own record, code and reply", async () => {
    const texts = Array.from({ length: 30 }, (_, i) => [ORDER_TEXT, COMPLAINT_TEXT, INQUIRY_TEXT][i % 3]!);
    const messages = texts.map((text, i) => bot.message(`agent${i % 4}`, text));
    await Promise.all(messages.map((m) => bot.app.bot.handle(m)));
    await bot.app.dispatcher.flush();

    const records = await bot.db.record.findMany({ include: { sourceMessage: true, order: { include: { items: true } } } });
    expect(records).toHaveLength(30);
    for (const prefix of ["ORD", "CMP", "INQ"]) {
      const codes = records.filter((r) => r.code.startsWith(prefix)).map((r) => r.code).sort();
      expect(codes).toEqual(Array.from({ length: 10 }, (_, i) => `${prefix}-${String(i + 1).padStart(4, "0")}`));
    }
    for (const record of records) {
      expect(record.sourceMessage.text).toBe(texts[Number(record.sourceMessage.externalId.slice(2)) - Number(messages[0]!.messageId.slice(2))]);
      const reply = bot.adapter.sent.find((s) => s.reply.title.includes(record.code))!;
      expect(reply.target.threadId).toBe(record.sourceMessage.externalId);
    }
    expect(records.filter((r) => r.kind === "order").every((r) => r.order!.items.length === 1)).toBe(true);
    expect(await bot.db.inboundMessage.count({ where: { status: "processed" } })).toBe(30);
    expect(await bot.db.auditLog.count({ where: { action: "record.create" } })).toBe(30);
  });

  it("treats a redelivery of the same message, even under a new event id, as a no-op", async () => {
    const first = bot.message("alice", ORDER_TEXT, { eventId: "Ev1" });
    expect(await bot.deliver(first)).toHaveLength(1);
    expect(await bot.deliver({ ...first, eventId: "Ev2" })).toHaveLength(0);
    await Promise.all([bot.deliver({ ...first, eventId: "Ev3" }), bot.deliver({ ...first, eventId: "Ev4" })]);
    expect(await bot.db.inboundMessage.count()).toBe(1);
    expect(await bot.db.record.count()).toBe(1);
    expect(await bot.db.outboxMessage.count()).toBe(1);
    expect(extractor.calls).toHaveLength(1);
  });

  it("handles a new message delivered several times at once exactly once", async () => {
    const message = bot.message("alice", ORDER_TEXT, { eventId: "Ev1" });
    const others = [COMPLAINT_TEXT, INQUIRY_TEXT].map((text) => bot.message("bob", text));
    await Promise.all([
      ...["Ev1", "Ev2", "Ev3"].map((eventId) => bot.app.bot.handle({ ...message, eventId })),
      ...others.map((m) => bot.app.bot.handle(m)),
    ]);
    await bot.app.dispatcher.flush();
    expect(await bot.db.inboundMessage.count()).toBe(3);
    expect((await bot.db.record.findMany({ orderBy: { code: "asc" } })).map((r) => r.code)).toEqual(["CMP-0001", "INQ-0001", "ORD-0001"]);
    expect(bot.adapter.sent.filter((s) => s.reply.title.includes("ORD-0001"))).toHaveLength(1);
    expect(extractor.calls).toHaveLength(3);
  });

  it("stores chit-chat without a record or a reply", async () => {
    expect(await bot.say("alice", "谢谢，辛苦了")).toHaveLength(0);
    const message = await bot.db.inboundMessage.findFirstOrThrow();
    expect(message.status).toBe("processed");
    expect(await bot.db.record.count()).toBe(0);
  });

  it("answers an empty or whitespace message clearly and keeps it", async () => {
    const [reply] = await bot.say("alice", "   \t ");
    expect(reply!.reply.title).toMatch(/empty|空消息/);
    expect((await bot.db.inboundMessage.findFirstOrThrow()).status).toBe("ignored");
  });

  it("keeps a 20,000-character message whole and reads only its head when it is longer than the limit", async () => {
    const long = `${ORDER_TEXT}${"。".repeat(25_000)}`;
    const [reply] = await bot.say("alice", long);
    expect((await bot.db.inboundMessage.findFirstOrThrow()).text).toHaveLength(long.length);
    expect(extractor.calls[0]).toHaveLength(20_000);
    expect(reply!.reply.tone).not.toBe("error");
  });

  it("stores binary and emoji soup, NUL included, without failing", async () => {
    const soup = "\u0000\u0001\u0002🙂🙃🔥\uD83D💥\u202E\uFFFF✨".repeat(50);
    expect(await bot.say("alice", soup)).toHaveLength(0);
    const message = await bot.db.inboundMessage.findFirstOrThrow();
    expect(message.status).toBe("processed");
    expect(message.text).not.toContain("\u0000");
    expect(message.text).toContain("🔥");
  });

  it("pings every supervisor when an escalation is stored, and tells the agent", async () => {
    await bot.say("lisa", "hello");
    await bot.say("root", "/cs role @lisa supervisor");
    const replies = await bot.say("alice", ESCALATION_TEXT);
    const toLisa = replies.find((r) => r.target.userId === "lisa");
    const toAlice = replies.find((r) => r.target.channelId === "intake");
    expect(toAlice!.reply.title).toContain("ESC-0001");
    expect(toAlice!.reply.text).toContain("已通知主管");
    expect(toLisa!.reply.tone).toBe("alert");
    expect(toLisa!.reply.buttons.map((b) => b.action)).toEqual(["acknowledge", "resolve"]);
    const escalation = await bot.db.escalation.findFirstOrThrow();
    expect(escalation).toMatchObject({ state: "open", trigger: "extractor", pingCount: 1 });
    expect(escalation.reasons).toEqual(["regulator_threat", "media_threat"]);
  });

  it("keeps the message and says so when extraction fails", async () => {
    await bot.close();
    bot = await startTestBot(engine, {
      extractor: {
        name: "rules",
        extract: async () => {
          throw new Error("extractor exploded");
        },
      },
    });
    const [reply] = await bot.say("alice", ORDER_TEXT);
    expect(reply!.reply.tone).toBe("error");
    const message = await bot.db.inboundMessage.findFirstOrThrow();
    expect(message).toMatchObject({ status: "failed", text: ORDER_TEXT });
    expect(message.error).toContain("extractor exploded");
  });

  /** What a process leaves behind when it stops between storing a message and handling it. */
  async function leftUnhandled(incoming: IncomingMessage, receivedMinutesAgo: number) {
    await bot.deliver(bot.message("alice", "hi"));
    const channel = await bot.db.channel.findFirstOrThrow();
    const alice = await bot.db.person.findFirstOrThrow();
    await bot.db.inboundMessage.create({
      data: {
        platform: "console",
        channelId: channel.id,
        externalId: incoming.messageId,
        senderId: alice.id,
        senderExternalId: "alice",
        text: incoming.text,
        addressedToBot: incoming.addressedToBot,
        sentAt: incoming.sentAt,
        localDay: "2026-11-23",
        receivedAt: new Date(Date.now() - receivedMinutesAgo * 60_000),
        attempts: 1,
      },
    });
  }

  it("handles at start a message that was stored but never handled, once even with two processes looking", async () => {
    const incoming = bot.message("alice", ORDER_TEXT);
    await leftUnhandled(incoming, 5);
    const [first, second] = await Promise.all([bot.app.bot.recoverUnhandled(), bot.app.bot.recoverUnhandled()]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    await bot.app.dispatcher.flush();
    expect(bot.adapter.sent.map((s) => s.reply.title)).toEqual([expect.stringContaining("ORD-0001")]);
    expect(await bot.db.record.count()).toBe(1);
    expect((await bot.db.inboundMessage.findUniqueOrThrow({ where: { id: 2 } })).status).toBe("processed");
    expect(await bot.deliver(incoming)).toHaveLength(0);
  });

  it("runs a recovered message said to the bot as the command it was", async () => {
    await leftUnhandled(bot.message("alice", "help", { addressedToBot: true }), 5);
    await bot.app.bot.recoverUnhandled();
    await bot.app.dispatcher.flush();
    expect(bot.adapter.sent.map((s) => s.reply.title)).toEqual(["Customer-service bot commands"]);
  });

  it("leaves a message another live process has just stored to that process", async () => {
    const incoming = bot.message("alice", ORDER_TEXT);
    await leftUnhandled(incoming, 0);
    expect(await bot.app.bot.recoverUnhandled()).toBe(0);
    expect(await bot.deliver(incoming)).toHaveLength(0);
    expect(await bot.db.record.count()).toBe(0);
  });

  it("handles a redelivery of a message whose first handling never finished", async () => {
    const incoming = bot.message("alice", ORDER_TEXT);
    await leftUnhandled(incoming, 5);
    const replies = await bot.deliver({ ...incoming, eventId: "retry-2" });
    expect(replies.map((r) => r.reply.title)).toEqual([expect.stringContaining("ORD-0001")]);
    expect(await bot.deliver({ ...incoming, eventId: "retry-3" })).toHaveLength(0);
  });
});

// SQLite's driver waits for a lock synchronously, so two bots in one process would wait on each other;
// tests/console/two-processes.test.ts runs two real processes on one SQLite file instead.
for (const engine of ENGINES.filter((e) => e === "postgres")) {
  describe(`two bots on one ${engine} database`, () => {
    let bot: TestBot;
    /** A second bot process on the same database. */
    let other: Awaited<ReturnType<typeof createApp>>;
    beforeEach(async () => {
      bot = await startTestBot(engine, { extractor: scriptedExtractor(READINGS) });
      other = await createApp({
        config: loadConfig({ DATABASE_URL: bot.url }),
        logger: silentLogger,
        adapters: [],
        extractor: scriptedExtractor(READINGS),
      });
    });
    afterEach(async () => {
      await other.stop();
      await bot.close();
    });

    it("lets two processes on one database write bursts of every kind at once, each record once with its own code", async () => {
      const texts = [ORDER_TEXT, COMPLAINT_TEXT, ESCALATION_TEXT, INQUIRY_TEXT];
      const burst = (app: typeof other, prefix: string) =>
        Array.from({ length: 40 }, (_, i) => app.bot.handle({ ...bot.message(`agent${i % 3}`, texts[(i * 7) % 4]!), messageId: `${prefix}-${i}` }));
      await Promise.all([...burst(bot.app, "a"), ...burst(other, "b")]);
      const records = await bot.db.record.findMany();
      expect(records).toHaveLength(80);
      for (const prefix of ["ORD", "CMP", "ESC", "INQ"]) {
        const numbers = records.filter((r) => r.code.startsWith(prefix)).map((r) => Number(r.code.slice(4))).sort((a, b) => a - b);
        expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      }
      expect(await bot.db.inboundMessage.count({ where: { status: "processed" } })).toBe(80);
    });

    it("lets two processes meet the same new channels and people at the same moment, and stores every message", async () => {
      const burst = (app: typeof other, prefix: string) =>
        Array.from({ length: 60 }, (_, i) =>
          app.bot.handle({
            ...bot.message(`newcomer${i % 10}`, ORDER_TEXT),
            channel: { id: `channel-${i % 20}`, name: `channel ${i % 20}`, isDirect: false },
            messageId: `${prefix}-${i}`,
          }),
        );
      await Promise.all([...burst(bot.app, "a"), ...burst(other, "b")]);
      expect(await bot.db.inboundMessage.count({ where: { status: "processed" } })).toBe(120);
      expect(await bot.db.channel.count({ where: { externalId: { startsWith: "channel-" } } })).toBe(20);
      expect(await bot.db.personIdentity.count({ where: { externalId: { startsWith: "newcomer" } } })).toBe(10);
    });
  });
}
