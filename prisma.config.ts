import { defineConfig } from "prisma/config";

// The CLI downloads a native schema engine before any command unless this names a file; we only use
// it for `generate`, which does not need the engine (migrations go through the WebAssembly engine).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= new URL("./scripts/no-schema-engine.sh", import.meta.url).pathname;

const db = process.env.PRISMA_DB === "postgres" ? "postgres" : "sqlite";

export default defineConfig({
  schema: `prisma/${db}`,
  migrations: { path: `prisma/${db}/migrations` },
});
