import Database from "better-sqlite3";
import pg from "pg";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { silentLogger } from "../src/logger.ts";
import { sqliteFilePath, type DbEngine } from "../src/db/engine-url.ts";
import { rulesExtractor } from "../src/extraction/rules/index.ts";
import type { IncomingMessage } from "../src/chat/port.ts";
import { freshDatabase } from "../tests/support/databases.ts";
import { formatRow, timeConcurrent, timeEach, type Timing } from "./stats.ts";
import { sampleTexts } from "./texts.ts";

const MESSAGES = 10_000;
const ONE_AT_A_TIME = 2_000;
const IN_FLIGHT = 32;
const WARM_UP = 200;

/** The bare driver, one single-row insert per transaction, on the same table shape as the bot's audit log. */
async function rawDriverInserts(engine: DbEngine, url: string) {
  if (engine === "sqlite") {
    const db = new Database(sqliteFilePath(url));
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    const insert = db.prepare(`INSERT INTO "AuditLog" ("at","action","entity","entityId") VALUES (?,?,?,?)`);
    for (let i = 0; i < WARM_UP; i++) insert.run(new Date().toISOString(), "bench.raw", "bench", String(i));
    const timing = await timeEach(MESSAGES, (i) => insert.run(new Date().toISOString(), "bench.raw", "bench", String(i)));
    db.close();
    return timing;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const sql = `INSERT INTO "AuditLog" ("at","action","entity","entityId") VALUES ($1,$2,$3,$4)`;
  for (let i = 0; i < WARM_UP; i++) await client.query(sql, [new Date(), "bench.raw", "bench", String(i)]);
  const timing = await timeEach(MESSAGES, (i) => client.query(sql, [new Date(), "bench.raw", "bench", String(i)]));
  await client.end();
  return timing;
}

export async function benchIngest(engine: DbEngine): Promise<string[]> {
  const database = await freshDatabase(engine);
  try {
    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: "silent" });
    const app = await createApp({ config, logger: silentLogger, adapters: [], extractor: rulesExtractor });
    const texts = sampleTexts();
    const agents = ["alice", "bob", "carol", "dave"];
    const message = (i: number, run = "bench"): IncomingMessage => ({
      platform: "console",
      channel: { id: "intake", isDirect: false },
      messageId: `${run}-${i}`,
      sender: { id: agents[i % agents.length]! },
      text: texts[i % texts.length]!,
      sentAt: new Date(),
      addressedToBot: false,
    });
    for (let i = 0; i < WARM_UP; i++) await app.bot.handle(message(i, "warm-up"));
    const db = app.database.db;
    const prismaInsert = (i: number) =>
      db.$executeRaw`INSERT INTO "AuditLog" ("at","action","entity","entityId") VALUES (${new Date()},${"bench.prisma"},${"bench"},${String(i)})`;
    const prismaRaw = () => timeEach(MESSAGES, prismaInsert);
    for (let i = 0; i < WARM_UP; i++) await prismaInsert(i);
    // The baselines run before and after the ingest and the faster run counts, so that a machine
    // busier during one of them cannot flatter the ratio.
    const bareBefore = await rawDriverInserts(engine, database.url);
    const prismaBefore = await prismaRaw();
    const single = await timeEach(ONE_AT_A_TIME, (i) => app.bot.handle(message(i, "single")));
    const ingest = await timeConcurrent(MESSAGES, IN_FLIGHT, (i) => app.bot.handle(message(i)));
    const records = await db.record.count();
    const prismaAfter = await prismaRaw();
    await app.stop();
    const bareAfter = await rawDriverInserts(engine, database.url);
    const faster = (a: Timing, b: Timing) => (a.perSecond >= b.perSecond ? a : b);
    const prismaRawTiming = faster(prismaBefore, prismaAfter);
    const bare = faster(bareBefore, bareAfter);
    return [
      `ingest on ${engine} (rules extractor, adapter bypassed; ${records.toLocaleString("en-US")} records written in all)`,
      formatRow(`  ingest, ${MESSAGES.toLocaleString("en-US")} messages, ${IN_FLIGHT} in flight (a burst)`, ingest),
      formatRow(`  ingest, ${ONE_AT_A_TIME.toLocaleString("en-US")} messages, one at a time`, single),
      formatRow("  raw single-row INSERT, Prisma client + driver adapter", prismaRawTiming),
      formatRow(`  raw single-row INSERT, bare ${engine === "sqlite" ? "better-sqlite3" : "pg"}`, bare),
      `  burst ingest ÷ raw insert, same driver adapter: ${((ingest.perSecond / prismaRawTiming.perSecond) * 100).toFixed(1)}% (target ≥ 25%)`,
      `  burst ingest ÷ raw insert, bare driver:          ${((ingest.perSecond / bare.perSecond) * 100).toFixed(1)}%`,
    ];
  } finally {
    await database.drop();
  }
}
