import type { Db, Tx } from "./db/client.ts";
import type { InboundMessage, Person } from "./generated/sqlite/client.ts";
import type { ChatTarget, IncomingMessage, Lang, Platform, ReplyInput } from "./chat/port.ts";
import type { Extractor, ExtractionResult } from "./extraction/schema.ts";
import type { Clock } from "./clock.ts";
import { isoInZone } from "./clock.ts";
import type { Logger } from "./logger.ts";
import type { Identity } from "./people/people.ts";
import { Ingest } from "./ingest/ingest.ts";
import { detectLang } from "./i18n/lang.ts";
import { commandProse, commandText, parseCommand } from "./commands/parse.ts";
import { parseErrorReply, runCommand } from "./commands/run.ts";
import { createRecords, type NewRecord } from "./records/create.ts";
import { GroupCommit } from "./db/group-commit.ts";
import { recordCreatedReply } from "./records/present.ts";
import { markPinged, pingRecipients, supervisorPings, type PingRecipients } from "./escalations/ping.ts";
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

/** Another process finished the message while this one worked on it: its outcome stands. */
class AlreadyHandled extends Error {}

/** The last write of handling messages; it only lands on messages still waiting to be handled. */
async function markHandled(
  tx: Tx | Db,
  ids: number[],
  data: { status: "processed" | "ignored" | "failed"; processedAt: Date; error?: string | null },
) {
  const { count } = await tx.inboundMessage.updateMany({ where: { id: { in: ids }, status: "received" }, data });
  if (count !== ids.length) throw new AlreadyHandled();
}

/** A record waiting for the next group commit, with what its reply needs. */
interface PendingRecord extends NewRecord {
  lang: Lang;
  spoken: Lang | null;
  reply: (r: ReplyInput, recordId?: number) => OutboxEntry;
  /** Set when the message was longer than the extractor reads. */
  readChars?: number;
}

/**
 * Replies that answer nothing in particular (pings, digests) use the language a person last wrote
 * in: it is updated for those whose last known language differs, one statement per language.
 */
async function rememberLanguages(tx: Tx, spoken: { person: Person; spoken: Lang | null }[]) {
  const changed = new Map<Lang, Set<number>>();
  for (const { person, spoken: lang } of spoken) {
    if (lang && person.locale !== lang) changed.set(lang, (changed.get(lang) ?? new Set()).add(person.id));
  }
  for (const [locale, ids] of changed) await tx.person.updateMany({ where: { id: { in: [...ids] } }, data: { locale } });
}

/**
 * The core: a message in, stored first, then a command run or a record extracted and stored, and
 * the replies queued in the outbox in the same transaction. Adapters call `handle`; nothing here
 * knows which platform a message came from.
 */
export class Bot {
  private readonly ingest: Ingest;
  /** Records of messages arriving together are written together (see GroupCommit). */
  private readonly records = new GroupCommit<PendingRecord>((batch) => this.writeRecords(batch));
  /** Chatter that needs no record is marked handled together too. */
  private readonly handled = new GroupCommit<number>(async (ids) => {
    await markHandled(this.db, ids, { status: "processed", processedAt: this.clock.now() });
    return ids.map(() => undefined);
  });

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
      if (!(await this.claim(stored.message))) return;
      this.logger.warn({ inboundId: stored.message.id }, "redelivered message was never handled; handling it now");
    }
    await this.process(stored.message, stored.sender);
  }

  /** Messages stored but never handled (a process stopped in between); run at start and now and then. */
  async recoverUnhandled(): Promise<number> {
    const staleBefore = new Date(this.clock.now().getTime() - (this.options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS));
    const pending = await this.db.inboundMessage.findMany({
      // A younger one may still be in the hands of a live process.
      where: { status: "received", receivedAt: { lt: staleBefore } },
      include: { sender: true },
      orderBy: { id: "asc" },
    });
    for (const message of pending) {
      if (!message.sender || !(await this.claim(message))) continue;
      this.logger.info({ inboundId: message.id }, "handling a message stored before a restart");
      await this.process(message, message.sender);
    }
    return pending.length;
  }

  /**
   * A message left unhandled may be picked up by a redelivery and by a restarted process at once;
   * only the one whose conditional update lands handles it. A fresh message is its inserter's.
   */
  private async claim(message: InboundMessage): Promise<boolean> {
    const { count } = await this.db.inboundMessage.updateMany({
      where: { id: message.id, status: "received", attempts: message.attempts },
      data: { attempts: { increment: 1 } },
    });
    return count === 1;
  }

  private async process(message: InboundMessage, sender: Person): Promise<void> {
    const replyTo: ChatTarget = {
      platform: message.platform,
      channelId: await this.channelExternalId(message.channelId),
      threadId: message.threadExternalId ?? message.externalId,
    };
    const body = commandText(message.text, message.addressedToBot);
    const spoken = detectLang(body !== null ? commandProse(body) : message.text);
    const lang = spoken ?? (sender.locale as Lang | null) ?? "en";
    const reply = (r: ReplyInput, recordId?: number): OutboxEntry => ({ dedupeKey: `reply:${message.id}`, target: replyTo, reply: r, recordId });
    try {
      if (message.text.trim() === "") {
        await this.finish(message, "ignored", reply({ lang, tone: "info", title: tr(lang, "收到空消息，没有记录任何内容", "That message was empty; nothing was recorded") }));
        return;
      }
      if (body !== null) {
        await this.runCommand(message, sender, body, lang, spoken, reply);
        return;
      }
      await this.extractAndStore(message, sender, lang, spoken, reply);
    } catch (error) {
      await this.recordFailure(message, error, reply({
        lang,
        tone: "error",
        title: tr(lang, "这条消息暂时没能处理", "I could not handle that message just now"),
        text: tr(lang, `原文已保存（#${message.id}），请稍后重试或联系管理员。`, `The text is saved (#${message.id}); please try again later or tell an admin.`),
      }));
    }
  }

  /**
   * Marks the message failed and apologises, unless another process finished it meanwhile (its
   * write made ours fail): then its outcome stands and nothing is said twice.
   */
  private async recordFailure(message: InboundMessage, error: unknown, apology: OutboxEntry): Promise<void> {
    if (!(error instanceof AlreadyHandled)) {
      this.logger.error({ err: error, inboundId: message.id }, "message handling failed; the message is kept");
      try {
        await this.finish(message, "failed", apology, String((error as Error)?.message ?? error));
        return;
      } catch (failure) {
        if (!(failure instanceof AlreadyHandled)) {
          this.logger.error({ err: failure, inboundId: message.id }, "the failure could not be recorded");
          return;
        }
      }
    }
    this.logger.info({ inboundId: message.id }, "another process handled this message first");
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
      await markHandled(tx, [message.id], { status: "processed", processedAt: now });
      await rememberLanguages(tx, [{ person: sender, spoken }]);
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
    if (kind === "other") {
      await this.handled.submit(message.id);
      return;
    }
    await this.records.submit({ message, author: sender, result, kind, lang, spoken, reply, readChars: truncated ? max : undefined });
  }

  /** One transaction for a batch of records: the records, their replies and pings, and the messages marked handled. */
  private async writeRecords(batch: PendingRecord[]): Promise<void[]> {
    const now = this.clock.now();
    await this.db.$transaction(async (tx) => {
      const created = await createRecords(tx, batch, now);
      const entries: OutboxEntry[] = [];
      const recipients = new Map<Platform, PingRecipients>();
      const pinged: number[] = [];
      for (const [i, item] of batch.entries()) {
        const record = created[i]!;
        const answer = recordCreatedReply(record.view, item.lang);
        if (item.readChars) {
          const note = tr(item.lang, `消息很长，只识别了前 ${item.readChars} 个字符；全文已保存。`, `The message is long: only its first ${item.readChars} characters were read; all of it is saved.`);
          answer.text = `${note}\n${answer.text ?? ""}`;
        }
        entries.push(item.reply(answer, record.id));
        if (record.escalation) {
          const platform = item.message.platform;
          if (!recipients.has(platform)) recipients.set(platform, await pingRecipients(tx, platform));
          const escalated = { ...record, escalation: record.escalation, messageText: item.message.text };
          const pings = supervisorPings(recipients.get(platform)!, escalated, platform, item.lang);
          entries.push(...pings);
          if (pings.length > 0) pinged.push(record.escalation.id);
        }
      }
      await enqueue(tx, entries, now);
      await markPinged(tx, pinged, now);
      await markHandled(tx, batch.map((b) => b.message.id), { status: "processed", processedAt: now });
      // The last message of each author in the batch is the language they last wrote in.
      const lastBy = new Map(batch.filter((b) => b.spoken).map((b) => [b.author.id, { person: b.author, spoken: b.spoken }] as const));
      await rememberLanguages(tx, [...lastBy.values()]);
    });
    this.onQueued();
    return batch.map(() => undefined);
  }

  /** Marks the message handled with the given outcome and queues the one reply it gets. */
  private async finish(message: InboundMessage, status: "ignored" | "failed", reply: OutboxEntry, error?: string) {
    const now = this.clock.now();
    const done = { status, processedAt: now, error: error?.slice(0, 2000) ?? null };
    await this.db.$transaction(async (tx) => {
      await markHandled(tx, [message.id], done);
      await enqueue(tx, [reply], now);
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
