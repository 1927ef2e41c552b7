import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

async function evalCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/eval.ts", ...args], { cwd: ROOT, env: { ...process.env, OPENAI_API_KEY: "" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const CASES = [
  {
    id: "t-1",
    text: "客户王总来电：要500箱矿泉水，单价24元/箱，后天送到昆山开发区前进东路168号仓库，月结",
    sentAt: "2026-01-05T09:20:00+08:00",
    lang: "zh",
    expected: {
      kind: "order",
      customer: "王总",
      items: [{ product: "矿泉水", quantity: 500, unit: "箱", unitPrice: 24 }],
      deliveryDate: "2026-01-07",
      deliveryAddress: "昆山开发区前进东路168号仓库",
      paymentTerms: "credit",
    },
  },
  {
    id: "t-2",
    text: "Why was I overcharged a pound!?",
    sentAt: "2026-04-25T09:40:00+01:00",
    lang: "en",
    expected: { kind: "complaint", category: "billing", severity: "low" },
  },
  { id: "t-3", text: "五一快乐！", sentAt: "2026-04-30T18:30:00+08:00", lang: "zh", expected: { kind: "other" } },
];

const workDirs: string[] = [];

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "eval-cli-"));
  workDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of workDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("npm run eval", () => {
  it("scores a file, prints the report and writes predictions with --out", async () => {
    const dir = workDir();
    const file = join(dir, "cases.jsonl");
    const out = join(dir, "pred.jsonl");
    writeFileSync(file, `${CASES.map((c) => JSON.stringify(c)).join("\n")}\n`);
    const result = await evalCli([file, "--extractor", "rules", "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("3 cases");
    expect(result.stdout).toContain("kind accuracy  100.0%");
    expect(result.stdout).toMatch(/paymentTerms\s+1\s+0\s+0\s+1\.000/);
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["t-1", "t-2", "t-3"]);
    expect(lines[0].output).toMatchObject({ kind: "order", customer: "王总", paymentTerms: "credit", deliveryDate: "2026-01-07" });
    expect(lines[0].output).not.toHaveProperty("currency");
    expect(lines[2].output).toStrictEqual({ kind: "other" });
  }, 60_000);

  it("rejects a malformed line with its number and exit code 2", async () => {
    const dir = workDir();
    const file = join(dir, "bad.jsonl");
    writeFileSync(file, `${JSON.stringify(CASES[0])}\n{"id": "t-2", "text": "x"\n`);
    const result = await evalCli([file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("line 2");
    expect(result.stdout).toBe("");
  }, 60_000);

  it("rejects an unknown extractor with exit code 2", async () => {
    const result = await evalCli(["whatever.jsonl", "--extractor", "magic"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown extractor magic");
  }, 60_000);
});
