import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { createApp } from "./app.ts";
import { selectAdapters } from "../adapters/index.ts";

/**
 * Starts the bot: configuration, database (migrated), the adapters the configuration asks for.
 * Exits 0 when every adapter's input has ended (a piped console conversation) or on SIGINT/SIGTERM,
 * after the work in flight and the outbox are done; non-zero when it cannot start.
 */
/** How often messages left unhandled by a stopped process are looked for. */
const RECOVERY_INTERVAL_MS = 60_000;

async function main(): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      createLogger("error").fatal(error.message);
      return 2;
    }
    throw error;
  }
  const { adapters, bind } = selectAdapters(config);
  // Log lines in the middle of a terminal chat drown it; there, only problems are logged unless asked.
  const consoleOnly = adapters.every((a) => a.platform === "console");
  const logger = createLogger(consoleOnly && !process.env.LOG_LEVEL ? "warn" : config.LOG_LEVEL);
  let app;
  try {
    app = await createApp({ config, logger, adapters });
  } catch (error) {
    logger.fatal({ err: error }, `cannot start: ${(error as Error).message}`);
    return 1;
  }
  bind(app);
  const recover = async () => {
    try {
      const recovered = await app.bot.recoverUnhandled();
      if (recovered > 0) logger.info({ recovered }, "handled messages a stopped process had left");
    } catch (error) {
      logger.error({ err: error }, "recovering unhandled messages failed");
    }
  };
  await recover();
  setInterval(() => void recover(), RECOVERY_INTERVAL_MS).unref();
  app.dispatcher.start();

  const stopAll = async () => {
    await Promise.all(adapters.map((a) => a.stop()));
  };
  process.once("SIGINT", () => void stopAll());
  process.once("SIGTERM", () => void stopAll());

  await Promise.all(adapters.map((a) => a.start((message) => app.bot.handle(message))));
  await app.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    createLogger("fatal").fatal({ err: error }, "crashed");
    process.exit(1);
  },
);
