import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { engineOf, sqliteFilePath, type DbEngine } from "./engine-url.ts";

/**
 * Prisma's migrate commands only drive a native engine that cannot be downloaded here; its
 * WebAssembly build from npm does the same work (diff, apply, `_prisma_migrations` bookkeeping)
 * through the driver adapters we already use. See ../shared/notes/prisma-offline.md.
 */

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const PRISMA_DIR = path.join(PROJECT_ROOT, "prisma");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

export function schemaDir(engine: DbEngine): string {
  return path.join(PRISMA_DIR, engine);
}

export function migrationsDir(engine: DbEngine): string {
  return path.join(schemaDir(engine), "migrations");
}

/** The schema files of an engine, as the engine wants them: [path, text]. */
export function schemaFiles(engine: DbEngine): { path: string; content: string }[] {
  const dir = schemaDir(engine);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => ({ path: path.join(dir, f), content: readFileSync(path.join(dir, f), "utf8") }));
}

export function loadMigrationList(engine: DbEngine): MigrationList {
  const baseDir = migrationsDir(engine);
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(baseDir, dir, "migration.sql"), "utf8") },
      },
    })),
  };
}

let wasmReady: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

/** Node 20 cannot `import` a .wasm file, so the package's own entry is bypassed and the module instantiated by hand. */
function loadWasm() {
  wasmReady ??= (async () => {
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = { set_message() {} };
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm"));
    const module = await WebAssembly.compile(readFileSync(wasmPath));
    const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": bindings as WebAssembly.ModuleImports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return wasmReady;
}

/** Keeps every adapter the engine opens so all of them can be closed: `engine.free()` closes none. */
class TrackingFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider;
  readonly adapterName = "cs-bot-migrations";
  private readonly opened: SqlDriverAdapter[] = [];
  private readonly cleanups: (() => Promise<void>)[] = [];

  constructor(
    provider: "sqlite" | "postgres",
    private readonly main: () => Promise<SqlDriverAdapter>,
    private readonly shadow: (onCleanup: (fn: () => Promise<void>) => void) => Promise<SqlDriverAdapter>,
  ) {
    this.provider = provider;
  }

  async connect() {
    return this.track(await this.main());
  }

  async connectToShadowDb() {
    return this.track(await this.shadow((fn) => this.cleanups.push(fn)));
  }

  private track(adapter: SqlDriverAdapter) {
    this.opened.push(adapter);
    return adapter;
  }

  async dispose() {
    for (const adapter of this.opened.splice(0)) await adapter.dispose().catch(() => undefined);
    for (const cleanup of this.cleanups.splice(0)) await cleanup().catch(() => undefined);
  }
}

/** The engine's catalog queries return PostgreSQL's internal `"char"` type, which adapter-pg cannot read; it is text. */
function poolReadingCharAsText(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...config, max: 2 });
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  (pool as unknown as { query: unknown }).query = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  return pool;
}

function pgConfig(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
  };
}

function sqliteFactory(url: string): TrackingFactory {
  const file = sqliteFilePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  return new TrackingFactory(
    "sqlite",
    () => new PrismaBetterSqlite3({ url: file }).connect(),
    async () => {
      // The adapter refuses multi-statement SQL in executeRaw, which is how the engine replays migrations.
      const adapter = await new PrismaBetterSqlite3({ url: ":memory:" }).connect();
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await adapter.executeScript(query.sql);
        return 0;
      };
      return adapter;
    },
  );
}

function postgresFactory(url: string): TrackingFactory {
  return new TrackingFactory(
    "postgres",
    () => new PrismaPg(poolReadingCharAsText(pgConfig(url)), { disposeExternalPool: true }).connect(),
    async (onCleanup) => {
      // A temporary database of our own: the adapter's shadow database can replay into the main one.
      const name = `cs_bot_shadow_${process.pid}_${Date.now()}`;
      const admin = new pg.Client(pgConfig(url));
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      onCleanup(async () => {
        const c = new pg.Client(pgConfig(url));
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await c.end();
        }
      });
      return new PrismaPg(poolReadingCharAsText(pgConfig(url, name)), { disposeExternalPool: true }).connect();
    },
  );
}

/** Runs `work` with a schema engine connected to `url`, then frees the engine and every connection it opened. */
export async function withSchemaEngine<T>(url: string, work: (engine: SchemaEngine, dbEngine: DbEngine) => Promise<T>): Promise<T> {
  const bindings = await loadWasm();
  const dbEngine = engineOf(url);
  const factory = dbEngine === "postgres" ? postgresFactory(url) : sqliteFactory(url);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const datamodels = schemaFiles(dbEngine).map((f) => [f.path, f.content] as [string, string]);
  const engine = await bindings.SchemaEngine.new({ datamodels }, () => undefined, bound);
  try {
    return await work(engine, dbEngine);
  } catch (error) {
    throw explainEngineError(error, bound.errorRegistry);
  } finally {
    engine.free();
    await factory.dispose();
  }
}

/** Driver errors come back as `External error id#N`; the registry holds the real one. */
function explainEngineError(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): Error {
  const message = error instanceof Error ? error.message : String(error);
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const cause = id ? registry.consumeError(Number(id))?.error : undefined;
  const detail = cause ? ` (${JSON.stringify(cause)})` : "";
  return new Error(`${message}${detail}`, { cause: error });
}

/** Applies every migration of the engine's history not yet applied; returns their names. */
export async function applyMigrations(url: string): Promise<string[]> {
  return withSchemaEngine(url, async (engine, dbEngine) => {
    const result = await engine.applyMigrations({ migrationsList: loadMigrationList(dbEngine), filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}

/** SQL that would bring the migration history up to the schema; empty when they agree. */
export async function pendingSchemaChanges(url: string, dbEngine: DbEngine): Promise<string> {
  return withSchemaEngine(url, async (engine) => {
    const list = loadMigrationList(dbEngine);
    const result = await engine.diff({
      from: list.migrationDirectories.length > 0 ? { tag: "migrations", ...list } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: schemaFiles(dbEngine) },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return (result.stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
  });
}
