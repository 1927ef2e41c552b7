import type { Db } from "../db/client.ts";
import type { InboundMessage, Person } from "../generated/sqlite/client.ts";
import type { IncomingMessage } from "../chat/port.ts";
import { identify, type Identity } from "../people/people.ts";
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
 * Stores the message before anything else happens to it, keyed by its platform identity, so that
 * whatever fails later the customer's words are kept, and a redelivery stores nothing new.
 */
export async function storeInbound(
  db: Db,
  incoming: IncomingMessage,
  options: { admins: readonly Identity[]; timeZone: string; now: Date },
): Promise<StoredMessage> {
  const write = () =>
    db.$transaction(async (tx) => {
      const channel = await tx.channel.upsert({
        where: { platform_externalId: { platform: incoming.platform, externalId: incoming.channel.id } },
        create: {
          platform: incoming.platform,
          externalId: incoming.channel.id,
          name: incoming.channel.name,
          isDirect: incoming.channel.isDirect,
        },
        update: {},
      });
      const existing = await tx.inboundMessage.findUnique({
        where: { channelId_externalId: { channelId: channel.id, externalId: incoming.messageId } },
        include: { sender: true },
      });
      const sender = await identify(
        tx,
        { platform: incoming.platform, externalId: incoming.sender.id, name: incoming.sender.name },
        options.admins,
        options.now,
      );
      if (existing) return { message: existing, sender, duplicate: true };
      const message = await tx.inboundMessage.create({
        data: {
          platform: incoming.platform,
          channelId: channel.id,
          externalId: incoming.messageId,
          threadExternalId: incoming.threadId,
          eventId: incoming.eventId,
          senderId: sender.id,
          senderExternalId: incoming.sender.id,
          text: storableText(incoming.text),
          sentAt: incoming.sentAt,
          localDay: localDay(incoming.sentAt, options.timeZone),
          receivedAt: options.now,
        },
      });
      return { message, sender, duplicate: false };
    });
  try {
    return await write();
  } catch (error) {
    // Two deliveries of one message racing: the loser finds the winner's row on a second look.
    if (isUniqueViolation(error)) return write();
    throw error;
  }
}
