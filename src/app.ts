import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";
import { systemClock, type Clock } from "./clock.ts";
import { openDatabase, type Database } from "./db/client.ts";
import { redactUrl } from "./db/engine-url.ts";
import { Bot } from "./bot.ts";
import { OutboxDispatcher } from "./outbox/dispatcher.ts";
import { ensureAdmins, identifyOutside, setRole, type Role } from "./people/people.ts";
import { createExtractor } from "./extraction/index.ts";
import type { ChatAdapter, Platform } from "./chat/port.ts";
import type { Extractor } from "./extraction/schema.ts";

export interface App {
  database: Database;
  bot: Bot;
  dispatcher: OutboxDispatcher;
  /** The console's `/as NAME role`: a trusted terminal setting a person's role (audited). */
  switchConsoleUser(name: string, role?: Role): Promise<void>;
  stop(): Promise<void>;
}

export interface AppDeps {
  config: Config;
  logger: Logger;
  adapters: ChatAdapter[];
  clock?: Clock;
  extractor?: Extractor;
}

/** The composition root of the domain: database, extractor, bot and outbox, wired to the given adapters. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const database = await openDatabase(config.DATABASE_URL);
  logger.info({ db: redactUrl(config.DATABASE_URL), engine: database.engine, migrations: database.appliedMigrations }, "database ready");
  await ensureAdmins(database.db, config.ADMINS, clock.now());
  const extractor = deps.extractor ?? createExtractor({ env: process.env, logger });
  const adapters = new Map<Platform, ChatAdapter>(deps.adapters.map((a) => [a.platform, a]));
  const dispatcher = new OutboxDispatcher(database.db, adapters, clock, logger, { maxAttempts: config.OUTBOX_MAX_ATTEMPTS });
  const bot = new Bot(database.db, extractor, clock, logger, { timeZone: config.TEAM_TIME_ZONE, admins: config.ADMINS }, () => dispatcher.kick());
  return {
    database,
    bot,
    dispatcher,
    async switchConsoleUser(name, role) {
      const now = clock.now();
      const person = await identifyOutside(database.db, { platform: "console", externalId: name, name }, config.ADMINS, now);
      if (role) await database.db.$transaction((tx) => setRole(tx, person, role, null, now));
    },
    async stop() {
      await dispatcher.stop();
      await dispatcher.flush();
      await database.close();
    },
  };
}
