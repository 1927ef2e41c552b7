import type { ChatAdapter, IncomingMessage, OutgoingMessage, SendResult } from "../../src/chat/port.ts";
import { createApp, type App } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/logger.ts";
import type { Extractor } from "../../src/extraction/schema.ts";
import type { DbEngine } from "../../src/db/engine-url.ts";
import { freshDatabase, type TestDatabase } from "./databases.ts";

/** An adapter that records what the bot sends instead of printing it. */
export class RecordingAdapter implements ChatAdapter {
  readonly platform = "console" as const;
  readonly sent: OutgoingMessage[] = [];
  failNext = 0;

  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(message: OutgoingMessage): Promise<SendResult> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error("platform unavailable");
    }
    this.sent.push(message);
    return { externalId: `out-${message.outboxId}` };
  }
}

export interface TestBot {
  app: App;
  /** The test database's URL, for a second process on the same database. */
  url: string;
  adapter: RecordingAdapter;
  db: App["database"]["db"];
  /** Sends a message as `user` and returns the replies it caused. */
  say(user: string, text: string, extra?: Partial<IncomingMessage>): Promise<OutgoingMessage[]>;
  deliver(message: IncomingMessage): Promise<OutgoingMessage[]>;
  message(user: string, text: string, extra?: Partial<IncomingMessage>): IncomingMessage;
  close(): Promise<void>;
}

let sequence = 0;

export async function startTestBot(
  engine: DbEngine,
  options: { extractor?: Extractor; env?: Record<string, string>; now?: () => Date } = {},
): Promise<TestBot> {
  const database: TestDatabase = await freshDatabase(engine);
  const adapter = new RecordingAdapter();
  const config = loadConfig({ DATABASE_URL: database.url, ADMINS: "console:root", ...options.env });
  const app = await createApp({
    config,
    logger: silentLogger,
    adapters: [adapter],
    extractor: options.extractor,
    clock: options.now ? { now: options.now } : undefined,
  });
  const message = (user: string, text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({
    platform: "console",
    channel: { id: "intake", name: "intake", isDirect: false },
    messageId: `m-${++sequence}`,
    sender: { id: user, name: user },
    text,
    sentAt: new Date(),
    addressedToBot: false,
    ...extra,
  });
  const deliver = async (incoming: IncomingMessage) => {
    const before = adapter.sent.length;
    await app.bot.handle(incoming);
    await app.dispatcher.flush();
    return adapter.sent.slice(before);
  };
  return {
    app,
    url: database.url,
    adapter,
    db: app.database.db,
    message,
    deliver,
    say: (user, text, extra) => deliver(message(user, text, extra)),
    async close() {
      await app.stop();
      await database.drop();
    },
  };
}
