import type { Db, Tx } from "./db/client.ts";
import type { InboundMessage, Person } from "./generated/sqlite/client.ts";
import type { ChatTarget, IncomingMessage, Lang, ReplyInput } from "./chat/port.ts";
import type { Extractor, ExtractionResult } from "./extraction/schema.ts";
import type { Clock } from "./clock.ts";
import { isoInZone } from "./clock.ts";
import type { Logger } from "./logger.ts";
import type { Identity } from "./people/people.ts";
import { Ingest } from "./ingest/ingest.ts";
import { detectLang } from "./i18n/lang.ts";
import { commandProse, commandText, parseCommand } from "./commands/parse.ts";
import { parseErrorReply, runCommand } from "./commands/run.ts";
import { createRecord } from "./records/create.ts";
import { recordCreatedReply } from "./records/present.ts";
import { supervisorPings } from "./escalations/ping.ts";
import { enqueue, type OutboxEntry } from "./outbox/outbox.ts";

export interface BotOptions {
  timeZone: string;
  admins: readonly Identity[];
  /** Longer messages are stored whole but only this much is read by the extractor. */
  maxExtractChars?: number;
  /** A delivery of a message still unhandled after this long is treated as the only surviving copy. */
  staleAfterMs?: number;
}

const DEFAULT_MAX_EXTRACT_CHARS = 20_000;
const DEFAULT_STALE_AFTER_MS = 60_000;

const tr = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

/** Replies that answer nothing in particular (pings, digests) use the language a person last wrote in. */
async function rememberLanguage(tx: Tx, person: Person, spoken: Lang | null) {
  if (spoken && person.locale !== spoken) await tx.person.update({ where: { id: person.id }, data: { locale: spoken } });
}

/**
 * The core: a message in, stored first, then a command run or a record extracted and stored, and
 * the replies queued in the outbox in the same transaction. Adapters call `handle`; nothing here
 * knows which platform a message came from.
 */
export class Bot {
  private readonly ingest: Ingest;

  constructor(
    private readonly db: Db,
    private readonly extractor: Extractor,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: BotOptions,
    private readonly onQueued: () => void = () => undefined,
  ) {
    this.ingest = new Ingest(db, { admins: options.admins, timeZone: options.timeZone });
  }

  async handle(incoming: IncomingMessage): Promise<void> {
    const now = this.clock.now();
    const stored = await this.ingest.store(incoming, now);
    if (stored.duplicate) {
      const stale = now.getTime() - stored.message.receivedAt.getTime() > (this.options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS);
      if (stored.message.status !== "received" || !stale) {
        this.logger.debug({ messageId: incoming.messageId, eventId: incoming.eventId }, "duplicate delivery ignored");
        return;
      }
      this.logger.warn({ inboundId: stored.message.id }, "redelivered message was never handled; handling it now");
    }
    await this.process(stored.message, stored.sender, incoming.addressedToBot, incoming.threadId);
  }

  /** Messages stored but never handled (the process stopped in between) are handled at start. */
  async recoverUnhandled(): Promise<number> {
    const pending = await this.db.inboundMessage.findMany({
      where: { status: "received" },
      include: { sender: true },
      orderBy: { id: "asc" },
    });
    for (const message of pending) {
      if (!message.sender) continue;
      this.logger.info({ inboundId: message.id }, "handling a message stored before a restart");
      await this.process(message, message.sender, false, message.threadExternalId ?? undefined);
    }
    return pending.length;
  }

  private async process(message: InboundMessage, sender: Person, addressedToBot: boolean, threadId?: string): Promise<void> {
    const replyTo: ChatTarget = {
      platform: message.platform,
      channelId: await this.channelExternalId(message.channelId),
      threadId: threadId ?? message.externalId,
    };
    const body = commandText(message.text, addressedToBot);
    const spoken = detectLang(body !== null ? commandProse(body) : message.text);
    const lang = spoken ?? (sender.locale as Lang | null) ?? "en";
    const reply = (r: ReplyInput, recordId?: number): OutboxEntry => ({ dedupeKey: `reply:${message.id}`, target: replyTo, reply: r, recordId });
    try {
      if (message.text.trim() === "") {
        await this.finish(message, "ignored", [reply({ lang, tone: "info", title: tr(lang, "收到空消息，没有记录任何内容", "That message was empty; nothing was recorded") })]);
        return;
      }
      if (body !== null) {
        await this.runCommand(message, sender, body, lang, spoken, reply);
        return;
      }
      await this.extractAndStore(message, sender, lang, spoken, reply);
    } catch (error) {
      this.logger.error({ err: error, inboundId: message.id }, "message handling failed; the message is kept");
      await this.finish(message, "failed", [
        reply({
          lang,
          tone: "error",
          title: tr(lang, "这条消息暂时没能处理", "I could not handle that message just now"),
          text: tr(lang, `原文已保存（#${message.id}），请稍后重试或联系管理员。`, `The text is saved (#${message.id}); please try again later or tell an admin.`),
        }),
      ], String((error as Error)?.message ?? error)).catch((e: unknown) => this.logger.error({ err: e }, "could not record the failure"));
    }
  }

  private async runCommand(
    message: InboundMessage,
    sender: Person,
    body: string,
    lang: Lang,
    spoken: Lang | null,
    reply: (r: ReplyInput) => OutboxEntry,
  ) {
    const parsed = parseCommand(body);
    const now = this.clock.now();
    await this.db.$transaction(async (tx) => {
      const answer = parsed.ok
        ? await runCommand({ tx, actor: sender, lang, now, message, platform: message.platform, timeZone: this.options.timeZone }, parsed.command)
        : parseErrorReply(parsed, lang);
      await enqueue(tx, [reply(answer)], now);
      await tx.inboundMessage.update({ where: { id: message.id }, data: { status: "processed", processedAt: now, attempts: { increment: 1 } } });
      await rememberLanguage(tx, sender, spoken);
    });
    this.onQueued();
  }

  private async extractAndStore(
    message: InboundMessage,
    sender: Person,
    lang: Lang,
    spoken: Lang | null,
    reply: (r: ReplyInput, recordId?: number) => OutboxEntry,
  ) {
    const max = this.options.maxExtractChars ?? DEFAULT_MAX_EXTRACT_CHARS;
    const truncated = message.text.length > max;
    const result: ExtractionResult = await this.extractor.extract({
      text: truncated ? message.text.slice(0, max) : message.text,
      sentAt: isoInZone(message.sentAt, sender.timeZone ?? this.options.timeZone),
    });
    const kind = result.extraction.kind;
    const now = this.clock.now();
    if (kind === "other") {
      await this.finish(message, "processed", []);
      return;
    }
    await this.db.$transaction(async (tx) => {
      const record = await createRecord(tx, { message, author: sender, result, kind, now });
      const answer = recordCreatedReply(record.view, lang);
      if (truncated) {
        answer.text = `${tr(lang, `消息很长，只识别了前 ${max} 个字符；全文已保存。`, `The message is long: only its first ${max} characters were read; all of it is saved.`)}\n${answer.text ?? ""}`;
      }
      const entries = [reply(answer, record.id)];
      if (record.escalation) {
        const escalated = { ...record, escalation: record.escalation, messageText: message.text };
        entries.push(...(await supervisorPings(tx, escalated, message.platform, lang, now)));
      }
      await enqueue(tx, entries, now);
      await tx.inboundMessage.update({ where: { id: message.id }, data: { status: "processed", processedAt: now, attempts: { increment: 1 } } });
      await rememberLanguage(tx, sender, spoken);
    });
    this.onQueued();
  }

  private async finish(message: InboundMessage, status: "processed" | "ignored" | "failed", entries: OutboxEntry[], error?: string) {
    const now = this.clock.now();
    const done = { status, processedAt: now, error: error?.slice(0, 2000) ?? null, attempts: { increment: 1 } };
    if (entries.length === 0) {
      await this.db.inboundMessage.update({ where: { id: message.id }, data: done });
      return;
    }
    await this.db.$transaction(async (tx) => {
      await enqueue(tx, entries, now);
      await tx.inboundMessage.update({ where: { id: message.id }, data: done });
    });
    this.onQueued();
  }

  private channelCache = new Map<number, string>();

  private async channelExternalId(channelId: number): Promise<string> {
    let id = this.channelCache.get(channelId);
    if (!id) {
      id = (await this.db.channel.findUniqueOrThrow({ where: { id: channelId } })).externalId;
      this.channelCache.set(channelId, id);
    }
    return id;
  }
}
