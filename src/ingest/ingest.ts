import type { Db } from "../db/client.ts";
import type { InboundMessage, Person, Prisma } from "../generated/sqlite/client.ts";
import type { IncomingMessage, Platform } from "../chat/port.ts";
import { identifyOutside, type Identity } from "../people/people.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { localDay } from "../clock.ts";
import { GroupCommit } from "../db/group-commit.ts";

type NewMessage = Prisma.InboundMessageCreateManyInput & { senderId: number; channelId: number; externalId: string };

export interface StoredMessage {
  message: InboundMessage;
  sender: Person;
  /** The platform delivered this message before (a retry, a redelivery under a new event id). */
  duplicate: boolean;
}

/** PostgreSQL text cannot hold NUL; it is the one character not kept as typed. */
function storableText(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "\uFFFD") : text;
}

/**
 * Stores each message before anything else happens to it, keyed by its platform identity, so that
 * whatever fails later the customer's words are kept, and a redelivery stores nothing new.
 */
export class Ingest {
  /**
   * Row ids of channels and people by platform identity. An id never changes once created, so the
   * cache is safe with several processes; it keeps the hot path to one insert and one read.
   */
  private readonly channelIds = new Map<string, number>();
  private readonly personIds = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly options: { admins: readonly Identity[]; timeZone: string },
  ) {}

  /** Messages arriving together are inserted together (one statement), their senders read together. */
  private readonly inserts = new GroupCommit<NewMessage, { message: InboundMessage; sender: Person }>((batch) => this.insert(batch));

  async store(incoming: IncomingMessage, now: Date): Promise<StoredMessage> {
    const channelId = await this.channelId(incoming);
    const senderId = await this.senderId(incoming.platform, incoming.sender, now);
    const row = {
      platform: incoming.platform,
      channelId,
      externalId: incoming.messageId,
      threadExternalId: incoming.threadId ?? null,
      eventId: incoming.eventId ?? null,
      senderId,
      senderExternalId: incoming.sender.id,
      text: storableText(incoming.text),
      addressedToBot: incoming.addressedToBot,
      sentAt: incoming.sentAt,
      localDay: localDay(incoming.sentAt, this.options.timeZone),
      receivedAt: now,
      // Handling starts with this delivery; a later claim (after a crash) counts the next attempt.
      attempts: 1,
    };
    try {
      return { ...(await this.inserts.submit(row)), duplicate: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const message = await this.db.inboundMessage.findUniqueOrThrow({
        where: { channelId_externalId: { channelId, externalId: incoming.messageId } },
      });
      const sender = await this.db.person.findUniqueOrThrow({ where: { id: senderId } });
      return { message, sender, duplicate: true };
    }
  }

  private async insert(batch: NewMessage[]) {
    const messages = await this.db.inboundMessage.createManyAndReturn({ data: batch });
    // The sender as stored now: role and language can change between two messages.
    const people = await this.db.person.findMany({ where: { id: { in: [...new Set(batch.map((m) => m.senderId))] } } });
    const byKey = new Map(messages.map((m) => [`${m.channelId}:${m.externalId}`, m]));
    const personById = new Map(people.map((p) => [p.id, p]));
    return batch.map((row) => ({ message: byKey.get(`${row.channelId}:${row.externalId}`)!, sender: personById.get(row.senderId)! }));
  }

  private async channelId(incoming: IncomingMessage): Promise<number> {
    const key = `${incoming.platform}:${incoming.channel.id}`;
    let id = this.channelIds.get(key);
    if (id === undefined) {
      const channel = await this.db.channel.upsert({
        where: { platform_externalId: { platform: incoming.platform, externalId: incoming.channel.id } },
        create: {
          platform: incoming.platform,
          externalId: incoming.channel.id,
          name: incoming.channel.name,
          isDirect: incoming.channel.isDirect,
        },
        update: {},
      });
      id = channel.id;
      this.channelIds.set(key, id);
    }
    return id;
  }

  private async senderId(platform: Platform, who: { id: string; name?: string }, now: Date): Promise<number> {
    const key = `${platform}:${who.id}`;
    let id = this.personIds.get(key);
    if (id === undefined) {
      id = (await identifyOutside(this.db, { platform, externalId: who.id, name: who.name }, this.options.admins, now)).id;
      this.personIds.set(key, id);
    }
    return id;
  }
}
