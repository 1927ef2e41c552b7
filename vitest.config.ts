import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The PostgreSQL schema engine leaves a timer behind; forks are torn down regardless.
    teardownTimeout: 5_000,
  },
});
