import type { Db } from "../db/client.ts";
import type { InboundMessage, Person, Prisma } from "../generated/sqlite/client.ts";
import type { IncomingMessage, Platform } from "../chat/port.ts";
import { identifyOutside, type Identity } from "../people/people.ts";
import { insertRows } from "../db/insert-rows.ts";
import { localDay } from "../clock.ts";
import { GroupCommit } from "../db/group-commit.ts";
import { isUniqueViolation } from "../db/errors.ts";

type NewMessage = Prisma.InboundMessageCreateManyInput & { senderId: number; channelId: number; externalId: string };

const keyOf = (m: { channelId: number; externalId: string }) => `${m.channelId}:${m.externalId}`;

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
   * cache is safe with several processes; it keeps the hot path to one insert and one read. It holds
   * the lookup itself, so a burst from a new channel or person creates the row once.
   */
  private readonly channelIds = new Map<string, Promise<number>>();
  private readonly personIds = new Map<string, Promise<number>>();

  constructor(
    private readonly db: Db,
    private readonly options: { admins: readonly Identity[]; timeZone: string },
  ) {}

  /** Messages arriving together are inserted together (one statement), their senders read together. */
  private readonly inserts = new GroupCommit<NewMessage, StoredMessage>((batch) => this.insert(batch));

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
      status: "received" as const,
    };
    return this.inserts.submit(row);
  }

  /**
   * A redelivery, or the same message twice in one batch, inserts nothing: the first copy of a
   * platform message is handled, every later one finds the stored row and is a duplicate.
   */
  private async insert(batch: NewMessage[]): Promise<StoredMessage[]> {
    const inserted = await insertRows<InboundMessage>(this.db, "InboundMessage", batch, {
      skipConflictsOn: ["channelId", "externalId"],
      returning: "*",
    });
    const fresh = new Map(inserted.map((m) => [keyOf(m), m]));
    const missing = batch.filter((row) => !fresh.has(keyOf(row)));
    const earlier =
      missing.length === 0
        ? []
        : await this.db.inboundMessage.findMany({ where: { OR: missing.map(({ channelId, externalId }) => ({ channelId, externalId })) } });
    const stored = new Map([...earlier, ...inserted].map((m) => [keyOf(m), m]));
    // The sender as stored now: role and language can change between two messages.
    const people = await this.db.person.findMany({ where: { id: { in: [...new Set(batch.map((m) => m.senderId))] } } });
    const personById = new Map(people.map((p) => [p.id, p]));
    return batch.map((row) => {
      const key = keyOf(row);
      const first = fresh.get(key);
      fresh.delete(key);
      return { message: first ?? stored.get(key)!, sender: personById.get(row.senderId)!, duplicate: first === undefined };
    });
  }

  private channelId(incoming: IncomingMessage): Promise<number> {
    return cached(this.channelIds, `${incoming.platform}:${incoming.channel.id}`, () =>
      createdOnce(async () => {
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
        return channel.id;
      }),
    );
  }

  private senderId(platform: Platform, who: { id: string; name?: string }, now: Date): Promise<number> {
    return cached(this.personIds, `${platform}:${who.id}`, async () =>
      (await identifyOutside(this.db, { platform, externalId: who.id, name: who.name }, this.options.admins, now)).id,
    );
  }
}

/** A failed lookup is forgotten, so the next message tries again. */
function cached(ids: Map<string, Promise<number>>, key: string, load: () => Promise<number>): Promise<number> {
  let id = ids.get(key);
  if (id === undefined) {
    id = load();
    ids.set(key, id);
    id.catch(() => ids.delete(key));
  }
  return id;
}

/**
 * Prisma's upsert on a compound key reads, then inserts: another process can insert between the two.
 * The second attempt finds that row.
 */
async function createdOnce(upsert: () => Promise<number>): Promise<number> {
  try {
    return await upsert();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return upsert();
  }
}
