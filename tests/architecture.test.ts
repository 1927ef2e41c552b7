import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src", import.meta.url));
const PLATFORM_SDK = /from\s+["'](@slack\/|@larksuiteoapi\/)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("architecture", () => {
  it("keeps platform SDKs and adapters out of the domain", () => {
    const offenders = sourceFiles(SRC).filter((file) => {
      if (file === path.join(SRC, "main.ts")) return false; // the composition root wires the adapters
      const text = readFileSync(file, "utf8");
      return PLATFORM_SDK.test(text) || /from\s+["'](\.\.\/)+adapters\//.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
