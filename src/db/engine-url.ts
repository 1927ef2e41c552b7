import path from "node:path";

export type DbEngine = "sqlite" | "postgres";

/** The embedded default: a SQLite file under ./data/. */
export const DEFAULT_DATABASE_URL = "file:./data/cs-bot.db";

export function engineOf(url: string): DbEngine {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/** `file:./data/x.db` → an absolute path (SQLite's own URL form is relative to the working directory). */
export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/i, "");
  return file === ":memory:" ? file : path.resolve(file);
}

/** The password never reaches a log line. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, "//$1:***@");
}
