import type { Db } from "../db/client.ts";
import type { InboundMessage, Person } from "../generated/sqlite/client.ts";
import type { IncomingMessage, Platform } from "../chat/port.ts";
import { identifyOutside, type Identity } from "../people/people.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { localDay } from "../clock.ts";

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

  async store(incoming: IncomingMessage, now: Date): Promise<StoredMessage> {
    const channelId = await this.channelId(incoming);
    const sender = await this.sender(incoming.platform, incoming.sender, now);
    try {
      const message = await this.db.inboundMessage.create({
        data: {
          platform: incoming.platform,
          channelId,
          externalId: incoming.messageId,
          threadExternalId: incoming.threadId,
          eventId: incoming.eventId,
          senderId: sender.id,
          senderExternalId: incoming.sender.id,
          text: storableText(incoming.text),
          sentAt: incoming.sentAt,
          localDay: localDay(incoming.sentAt, this.options.timeZone),
          receivedAt: now,
          // Handling starts with this delivery; a later claim (after a crash) counts the next attempt.
          attempts: 1,
        },
      });
      return { message, sender, duplicate: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const message = await this.db.inboundMessage.findUniqueOrThrow({
        where: { channelId_externalId: { channelId, externalId: incoming.messageId } },
      });
      return { message, sender, duplicate: true };
    }
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

  /** The sender as stored now: role and language can change between two messages. */
  private async sender(platform: Platform, who: { id: string; name?: string }, now: Date): Promise<Person> {
    const key = `${platform}:${who.id}`;
    const id = this.personIds.get(key);
    const cached = id === undefined ? null : await this.db.person.findUnique({ where: { id } });
    if (cached) return cached;
    const person = await identifyOutside(this.db, { platform, externalId: who.id, name: who.name }, this.options.admins, now);
    this.personIds.set(key, person.id);
    return person;
  }
}
