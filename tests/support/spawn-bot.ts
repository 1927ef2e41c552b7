import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

export interface BotRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bot as `npm start` does, with the given lines on standard input (not a terminal). */
export function runBot(lines: string[] | null, env: Record<string, string>, timeoutMs = 45_000): Promise<BotRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["src/main.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "warn", ...env },
      stdio: ["pipe", "pipe", "pipe"],
      // Its own process group, so a timeout kills tsx's node child as well.
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      process.kill(-child.pid!, "SIGKILL");
      reject(new Error(`bot did not exit within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (lines) child.stdin.end(lines.map((l) => `${l}\n`).join(""));
  });
}
