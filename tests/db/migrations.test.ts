import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { pendingSchemaChanges, schemaDir, loadMigrationList } from "../../src/db/schema-engine.ts";
import { openDatabase } from "../../src/db/client.ts";
import { sqliteFilePath } from "../../src/db/engine-url.ts";
import { ENGINES, freshDatabase, type TestDatabase } from "../support/databases.ts";

const created: TestDatabase[] = [];
afterAll(async () => {
  for (const db of created) await db.drop();
});

/** table → sorted column names, as the database itself reports them. */
async function columnsOf(engine: "sqlite" | "postgres", url: string): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  if (engine === "sqlite") {
    const db = new Database(sqliteFilePath(url), { readonly: true });
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'").all() as { name: string }[];
    for (const { name } of names) {
      tables[name] = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name).sort();
    }
    db.close();
    return tables;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema='public' AND table_name <> '_prisma_migrations'",
  );
  await client.end();
  for (const row of rows) (tables[row.table_name] ??= []).push(row.column_name);
  for (const name of Object.keys(tables)) tables[name]!.sort();
  return tables;
}

describe("schemas and migrations", () => {
  it("uses one model file for both engines", () => {
    const sqlite = realpathSync(path.join(schemaDir("sqlite"), "models.prisma"));
    const postgres = realpathSync(path.join(schemaDir("postgres"), "models.prisma"));
    expect(sqlite).toBe(postgres);
    expect(readFileSync(sqlite, "utf8")).toContain("model InboundMessage");
  });

  it("has a migration history for each engine with its own lock file", () => {
    for (const engine of ["sqlite", "postgres"] as const) {
      const list = loadMigrationList(engine);
      expect(list.migrationDirectories.length).toBeGreaterThan(0);
      expect(list.lockfile.content).toContain(engine === "sqlite" ? '"sqlite"' : '"postgresql"');
    }
  });

  it("the SQLite history produces exactly the schema", async () => {
    expect(await pendingSchemaChanges("file::memory:", "sqlite")).toBe("");
  });

  it.runIf(ENGINES.includes("postgres"))("the PostgreSQL history produces exactly the schema", async () => {
    expect(await pendingSchemaChanges(process.env.TEST_DATABASE_URL!, "postgres")).toBe("");
  });

  it.runIf(ENGINES.includes("postgres"))("both histories create the same tables and columns", async () => {
    const sqlite = await freshDatabase("sqlite");
    const postgres = await freshDatabase("postgres");
    created.push(sqlite, postgres);
    for (const url of [sqlite.url, postgres.url]) await (await openDatabase(url)).close();
    expect(await columnsOf("postgres", postgres.url)).toEqual(await columnsOf("sqlite", sqlite.url));
  });

  it.each(ENGINES)("migrates a fresh %s database at start, and a second start applies nothing", async (engine) => {
    const fresh = await freshDatabase(engine);
    created.push(fresh);
    const first = await openDatabase(fresh.url);
    expect(first.appliedMigrations).toEqual(loadMigrationList(engine).migrationDirectories.map((d) => d.path));
    await first.db.person.create({ data: { displayName: "kept" } });
    await first.close();
    const second = await openDatabase(fresh.url);
    expect(second.appliedMigrations).toEqual([]);
    expect(await second.db.person.count()).toBe(1);
    await second.close();
  });
});
