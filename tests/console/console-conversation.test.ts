import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBot } from "../support/spawn-bot.ts";

const dir = mkdtempSync(path.join(tmpdir(), "cs-bot-console-"));
const env = { DATABASE_URL: `file:${path.join(dir, "bot.db")}`, ADMINS: "console:root" };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the console chat, as `printf … | npm start`", () => {
  it("holds a scripted conversation end to end and exits 0", async () => {
    const run = await runBot(
      [
        "客户张伟来电，要200箱A4纸，明天送到苏州工业园区星湖街88号，货到付款",
        "谢谢",
        "/cs list",
        "/as lisa",
        "/cs done ORD-0001",
        "/as lisa supervisor",
        "/cs done ORD-0001 已送达",
        "/cs show ORD-0001",
        "/cs frobnicate",
      ],
      env,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("agent> 客户张伟来电");
    expect(out).toMatch(/已记录订单 ORD-0001，请核对/);
    expect(out).toMatch(/客户\s*: 张伟/);
    expect(out).toMatch(/货品\s*: A4纸 × 200箱/);
    expect(out).toMatch(/送货地址\s*: 苏州工业园区星湖街88号/);
    expect(out).toMatch(/付款方式\s*: 货到付款/);
    expect(out).toContain("[确认] [修改] [不是工单] [升级]");
    expect(out).toContain("你的未完成记录（1）");
    expect(out).toContain("ORD-0001 belongs to agent; only they or a supervisor can do that");
    expect(out).toContain("(now speaking as lisa, supervisor)");
    expect(out).toContain("ORD-0001 已办结");
    expect(out).toMatch(/状态\s*: 已解决/);
    expect(out).toContain('Unknown command "frobnicate"');
    // "谢谢" is stored but answered by nothing: the line after it is the next prompt echo.
    expect(out).toMatch(/agent> 谢谢\nagent> \/cs list/);
  });

  it("keeps everything across a restart and continues the code sequence", async () => {
    const run = await runBot(["Order from Kowloon Trading: 5,000 pcs PP woven bags @ USD 0.21/pc, TT in advance.", "/as lisa", "/cs show ORD-0001"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Order ORD-0002 recorded — please check");
    expect(run.stdout).toMatch(/Customer\s*: 张伟/);
  });
});
