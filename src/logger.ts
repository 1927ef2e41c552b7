import pino, { type Logger } from "pino";

export type { Logger };

/** JSON lines on standard error, so the console chat on standard output stays readable. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: "cs-bot" } }, pino.destination({ dest: 2, sync: true }));
}

export const silentLogger: Logger = pino({ level: "silent" });
