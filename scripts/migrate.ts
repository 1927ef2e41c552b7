/**
 * Migrations without Prisma's native engine:
 *   npm run db:create -- <name> [--db sqlite|postgres]   write a new migration from the schema
 *   npm run db:check [-- --db sqlite|postgres]           exit 2 when the schema is ahead of the migrations
 *   npm run db:deploy                                    apply pending migrations to DATABASE_URL
 * PostgreSQL diffs replay the history in a temporary database: PG_ADMIN_URL names a server where
 * we may CREATE DATABASE (default postgresql://postgres:postgres@127.0.0.1:5432/postgres).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations, migrationsDir, pendingSchemaChanges } from "../src/db/schema-engine.ts";
import { DEFAULT_DATABASE_URL, type DbEngine } from "../src/db/engine-url.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { db: { type: "string", default: "sqlite" } },
});
const [command, name] = positionals;
const dbEngine: DbEngine = values.db === "postgres" ? "postgres" : "sqlite";
const diffUrl =
  dbEngine === "postgres"
    ? (process.env.PG_ADMIN_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres")
    : "file::memory:";

function timestamp(): string {
  return new Date().toISOString().replace(/\D/g, "").slice(0, 14);
}

async function main(): Promise<number> {
  switch (command) {
    case "create": {
      if (!name || !/^[a-z0-9_]+$/.test(name)) {
        console.error("usage: npm run db:create -- <name_in_snake_case> [--db sqlite|postgres]");
        return 2;
      }
      const sql = await pendingSchemaChanges(diffUrl, dbEngine);
      if (!sql) {
        console.log(`${dbEngine}: the migrations already match the schema; nothing to create.`);
        return 0;
      }
      const dir = path.join(migrationsDir(dbEngine), `${timestamp()}_${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
      writeFileSync(
        path.join(migrationsDir(dbEngine), "migration_lock.toml"),
        `# Written by scripts/migrate.ts; do not edit.\nprovider = "${dbEngine === "postgres" ? "postgresql" : "sqlite"}"\n`,
      );
      console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
      return 0;
    }
    case "check": {
      const sql = await pendingSchemaChanges(diffUrl, dbEngine);
      if (!sql) {
        console.log(`${dbEngine}: migrations match the schema.`);
        return 0;
      }
      console.error(`${dbEngine}: the schema is ahead of the migrations; missing:\n${sql}`);
      return 2;
    }
    case "deploy": {
      const applied = await applyMigrations(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "no pending migrations");
      return 0;
    }
    default:
      console.error("usage: tsx scripts/migrate.ts create <name> | check | deploy [--db sqlite|postgres]");
      return 2;
  }
}

// The PostgreSQL engine leaves a timer running; a one-shot script ends explicitly.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
