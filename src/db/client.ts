import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../generated/postgres/client.ts";
import { applyMigrations, loadMigrationList } from "./schema-engine.ts";
import { engineOf, redactUrl, sqliteFilePath, type DbEngine } from "./engine-url.ts";

/** Both generated clients have the same models; the domain is written against this one shape. */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface Database {
  db: Db;
  engine: DbEngine;
  appliedMigrations: string[];
  close(): Promise<void>;
}

export class DatabaseStartError extends Error {}

/**
 * Opens the database named by the URL, applying pending migrations first. SQLite runs in WAL mode
 * with synchronous=FULL: a message the bot has acknowledged must survive a power cut.
 */
export async function openDatabase(url: string): Promise<Database> {
  const engine = engineOf(url);
  const upToDate = engine === "sqlite" && prepareSqliteFile(url);
  let appliedMigrations: string[] = [];
  try {
    if (!upToDate) appliedMigrations = await applyMigrations(url);
  } catch (error) {
    // The schema engine holds SQLite exclusively while it migrates; a busy file times out as a "socket".
    const busy = /SocketTimeout|database is locked/i.test((error as Error).message)
      ? " (the database is locked: another process has it open; stop it so that the new migrations can be applied)"
      : "";
    throw new DatabaseStartError(`cannot migrate ${redactUrl(url)}${busy}: ${(error as Error).message}`, { cause: error });
  }
  if (engine === "postgres") {
    const db = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    return { db, engine, appliedMigrations, close: () => db.$disconnect() };
  }
  const db = new SqliteClient({
    adapter: immediateTransactions(new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: 5000 })),
  });
  await db.$executeRawUnsafe("PRAGMA synchronous = FULL");
  return { db, engine, appliedMigrations, close: () => db.$disconnect() };
}

/**
 * The adapter opens transactions with a deferred BEGIN. With a second process on the file, a
 * transaction that reads first and writes later (an upsert, a command) then fails at once with
 * SQLITE_BUSY when the other process wrote in between: a snapshot cannot be upgraded, and the busy
 * timeout does not apply. BEGIN IMMEDIATE takes the write lock up front, waiting out the other
 * process instead. The adapter has no option for it, so its connection's BEGIN is rewritten; should
 * a later adapter version stop preparing exactly "BEGIN", this changes nothing.
 */
function immediateTransactions(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const client = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
      if (client && typeof client.prepare === "function") {
        const prepare = client.prepare.bind(client);
        client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
      }
      return adapter;
    },
  };
}

/**
 * The directory must exist and the file be writable before the migration engine touches it, and WAL
 * is a property of the file, so it is set once here with the plain driver. Returns whether every
 * migration of the history is already applied: the schema engine then need not run, which matters
 * because it locks the file exclusively, so a second bot process could not start beside a first.
 */
function prepareSqliteFile(url: string): boolean {
  const file = sqliteFilePath(url);
  if (file === ":memory:") return false;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const raw = new BetterSqlite3(file, { timeout: 5000 });
    try {
      raw.pragma("journal_mode = WAL");
      raw.exec("CREATE TABLE IF NOT EXISTS _cs_bot_write_check (x INTEGER); DROP TABLE _cs_bot_write_check;");
      return historyApplied(raw);
    } finally {
      raw.close();
    }
  } catch (error) {
    throw new DatabaseStartError(`cannot open ${file} for writing: ${(error as Error).message}`, { cause: error });
  }
}

/** Every migration recorded as the schema engine records it: by name, finished, not rolled back, same checksum. */
function historyApplied(raw: BetterSqlite3.Database): boolean {
  const table = raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
  if (!table) return false;
  const rows = raw
    .prepare(`SELECT migration_name AS name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
    .all() as { name: string; checksum: string }[];
  const applied = new Map(rows.map((r) => [r.name, r.checksum]));
  return loadMigrationList("sqlite").migrationDirectories.every((dir) => {
    const sql = dir.migrationFile.content.tag === "ok" ? dir.migrationFile.content.value : null;
    return sql !== null && applied.get(dir.path) === createHash("sha256").update(sql).digest("hex");
  });
}
