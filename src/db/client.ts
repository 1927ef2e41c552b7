import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../generated/postgres/client.ts";
import { applyMigrations } from "./schema-engine.ts";
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
  if (engine === "sqlite") prepareSqliteFile(url);
  let appliedMigrations: string[];
  try {
    appliedMigrations = await applyMigrations(url);
  } catch (error) {
    throw new DatabaseStartError(`cannot migrate ${redactUrl(url)}: ${(error as Error).message}`, { cause: error });
  }
  if (engine === "postgres") {
    const db = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    return { db, engine, appliedMigrations, close: () => db.$disconnect() };
  }
  const db = new SqliteClient({
    adapter: new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: 5000 }),
  });
  await db.$executeRawUnsafe("PRAGMA synchronous = FULL");
  return { db, engine, appliedMigrations, close: () => db.$disconnect() };
}

/**
 * The directory must exist and the file be writable before the migration engine touches it, and WAL
 * is a property of the file, so it is set once here with the plain driver.
 */
function prepareSqliteFile(url: string): void {
  const file = sqliteFilePath(url);
  if (file === ":memory:") return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const raw = new BetterSqlite3(file, { timeout: 5000 });
    try {
      raw.pragma("journal_mode = WAL");
      raw.exec("CREATE TABLE IF NOT EXISTS _cs_bot_write_check (x INTEGER); DROP TABLE _cs_bot_write_check;");
    } finally {
      raw.close();
    }
  } catch (error) {
    throw new DatabaseStartError(`cannot open ${file} for writing: ${(error as Error).message}`, { cause: error });
  }
}
