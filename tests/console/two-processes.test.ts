import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runBot } from "../support/spawn-bot.ts";

const LINES = [
  "客户张伟来电，要200箱A4纸，明天送到苏州工业园区星湖街88号，货到付款",
  "Acme Corp says 12 of the 50 monitors arrived cracked, order SO-4471, they want a refund",
  "请问A4复印纸现在什么价？200箱以上有优惠吗？",
  "客户说再不处理就去12315投诉，订单SO20260301-17，已经第三次了",
  "谢谢，辛苦了",
  "/cs list",
];

describe("two bot processes on one SQLite file", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "cs-bot-two-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("both start, and every message of both is stored and handled once, with codes that never collide", async () => {
    const env = { DATABASE_URL: `file:${path.join(dir, "shared.db")}` };
    expect((await runBot([], env)).code).toBe(0);
    const script = (who: string) => [`/as ${who}`, ...Array.from({ length: 5 }, () => LINES).flat()];
    const runs = await Promise.all([runBot(script("alice"), env, 120_000), runBot(script("bob"), env, 120_000)]);
    for (const run of runs) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(/没有保存|not saved|could not handle/);
    }

    const db = new Database(path.join(dir, "shared.db"), { readonly: true });
    try {
      const statuses = db.prepare(`SELECT status, count(*) AS n FROM "InboundMessage" GROUP BY status`).all();
      expect(statuses).toEqual([{ status: "processed", n: 60 }]);
      const codes = (db.prepare(`SELECT code FROM "Record"`).all() as { code: string }[]).map((r) => r.code);
      expect(codes).toHaveLength(40);
      for (const prefix of ["ORD", "CMP", "ESC", "INQ"]) {
        const numbers = codes.filter((c) => c.startsWith(prefix)).map((c) => Number(c.slice(4))).sort((a, b) => a - b);
        expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      }
    } finally {
      db.close();
    }
  });
});
