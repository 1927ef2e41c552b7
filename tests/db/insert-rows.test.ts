import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { insertRows } from "../../src/db/insert-rows.ts";
import { ENGINES, freshDatabase, type TestDatabase } from "../support/databases.ts";

describe.each(ENGINES)("multi-row raw inserts on %s", (engine) => {
  let database: TestDatabase;
  let db: Database["db"];
  let close: () => Promise<void>;

  beforeEach(async () => {
    database = await freshDatabase(engine);
    ({ db, close } = await openDatabase(database.url));
  });
  afterEach(async () => {
    await close();
    await database.drop();
  });

  it("writes rows that read back exactly as the rows Prisma's own createMany writes", async () => {
    const at = new Date("2026-03-04T10:15:00.123Z");
    const channel = await db.channel.create({ data: { platform: "console", externalId: "c", isDirect: false } });
    const person = await db.person.create({ data: { displayName: "Alice", role: "agent", updatedAt: at } });
    const message = (externalId: string) => ({
      platform: "console" as const,
      channelId: channel.id,
      externalId,
      threadExternalId: null,
      eventId: null,
      senderId: person.id,
      senderExternalId: "alice",
      text: "你好 😀 \u0001",
      addressedToBot: true,
      sentAt: at,
      localDay: "2026-03-04",
      receivedAt: at,
      attempts: 1,
      status: "received" as const,
    });
    await db.inboundMessage.createMany({ data: [message("prisma")] });
    const [raw] = await insertRows<{ id: number }>(db, "InboundMessage", [message("raw")], { returning: ["id"] });
    const audit = (entityId: string) => ({
      at,
      actorId: person.id,
      action: "record.create",
      entity: "record",
      entityId,
      after: { kind: "order", nested: { list: [1, "二", null] } },
      sourceMessageId: raw!.id,
    });
    await db.auditLog.createMany({ data: [audit("prisma")] });
    await insertRows(db, "AuditLog", [audit("raw")]);

    const [prismaMessage, rawMessage] = await db.inboundMessage.findMany({ orderBy: { id: "asc" } });
    expect({ ...rawMessage, id: 0, externalId: "" }).toEqual({ ...prismaMessage, id: 0, externalId: "" });
    expect(rawMessage!.addressedToBot).toBe(true);
    const [prismaAudit, rawAudit] = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect({ ...rawAudit, id: 0, entityId: "" }).toEqual({ ...prismaAudit, id: 0, entityId: "" });
    expect(rawAudit!.after).toEqual({ kind: "order", nested: { list: [1, "二", null] } });
    expect(rawAudit!.before).toBeNull();
  });

  it("skips rows that clash with a unique key and returns only those inserted", async () => {
    const now = new Date();
    const entry = (dedupeKey: string) => ({
      dedupeKey,
      platform: "console",
      target: { platform: "console", channelId: "c" },
      payload: { lang: "en", title: "hi" },
      recordId: null,
      nextAttemptAt: now,
      createdAt: now,
    });
    await insertRows(db, "OutboxMessage", [entry("a")]);
    const inserted = await insertRows<{ dedupeKey: string }>(db, "OutboxMessage", [entry("a"), entry("b"), entry("b"), entry("c")], {
      skipConflictsOn: ["dedupeKey"],
      returning: ["dedupeKey"],
    });
    expect(inserted.map((r) => r.dedupeKey).sort()).toEqual(["b", "c"]);
    expect(await db.outboxMessage.count()).toBe(3);
  });

  it("fails the whole statement, writing nothing, when a row breaks a constraint it was not told to skip", async () => {
    const row = { prefix: "ORD", value: 1 };
    await expect(insertRows(db, "CodeCounter", [{ prefix: "CMP", value: 1 }, row, row])).rejects.toThrow();
    expect(await db.codeCounter.count()).toBe(0);
  });
});
