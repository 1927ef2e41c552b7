import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runBot } from "../support/spawn-bot.ts";

const dir = mkdtempSync(path.join(tmpdir(), "cs-bot-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a database the bot cannot use at start", () => {
  it("exits 1 with a clear log line when the SQLite file cannot be created", async () => {
    // The tests may run as root, for whom permissions do not stop a write; a file in the way does.
    const blocker = path.join(dir, "not-a-directory");
    writeFileSync(blocker, "");
    const run = await runBot([], { DATABASE_URL: `file:${blocker}/bot.db` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot start: cannot open ${blocker}/bot.db for writing`);
  });

  it("exits 1 when the SQLite path is a directory", async () => {
    const run = await runBot([], { DATABASE_URL: `file:${dir}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot start: cannot open ${dir} for writing`);
  });

  it("exits 1 when PostgreSQL is unreachable, without printing the password", async () => {
    const run = await runBot([], { DATABASE_URL: "postgresql://bot:s3cret@127.0.0.1:1/cs" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("cannot start: cannot migrate postgresql://bot:***@127.0.0.1:1/cs");
    expect(run.stderr).not.toContain("s3cret");
  });

  it("exits 1 when another process holds the SQLite database locked", async () => {
    const file = path.join(dir, "locked.db");
    const holder = new Database(file);
    holder.pragma("journal_mode = WAL");
    holder.exec("BEGIN EXCLUSIVE");
    try {
      const run = await runBot([], { DATABASE_URL: `file:${file}` });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("database is locked");
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
  });

  it("exits 2 and names the variable when the configuration is invalid", async () => {
    const run = await runBot([], { DATABASE_URL: "mysql://nope", TEAM_TIME_ZONE: "Mars/Olympus" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("DATABASE_URL: must be file:PATH (SQLite) or postgresql://");
    expect(run.stderr).toContain("TEAM_TIME_ZONE: not an IANA time zone");
  });
});
