import type { Tx } from "../db/client.ts";
import type { Platform, ReplyInput } from "../chat/port.ts";
import type { OutboxEntry } from "../outbox/outbox.ts";
import type { Escalation } from "../generated/sqlite/client.ts";
import { recordFields, type RecordView } from "../records/present.ts";

/** Who hears of a new escalation on a platform: its supervisors (admins when it has none) and its supervisors channels. */
export interface PingRecipients {
  people: { personId: number; externalId: string; locale: string | null }[];
  channels: { id: number; externalId: string }[];
}

export async function pingRecipients(tx: Tx, platform: Platform): Promise<PingRecipients> {
  // One query at a time: a transaction is one connection.
  const supervisors = await tx.personIdentity.findMany({
    where: { platform, person: { role: { in: ["supervisor", "admin"] } } },
    include: { person: true },
  });
  const channels = await tx.channel.findMany({ where: { platform, role: "supervisors" }, select: { id: true, externalId: true } });
  const onlySupervisors = supervisors.filter((s) => s.person.role === "supervisor");
  const people = (onlySupervisors.length > 0 ? onlySupervisors : supervisors).map((identity) => ({
    personId: identity.personId,
    externalId: identity.externalId,
    locale: identity.person.locale,
  }));
  return { people, channels };
}

/**
 * The first ping of a new escalation: a direct message to each recipient in their own language,
 * and a post in each supervisors channel. Re-pings and the escalation ladder build on the
 * Escalation row's ping fields, which `markPinged` sets once the pings are queued.
 */
export function supervisorPings(
  recipients: PingRecipients,
  escalated: { id: number; view: RecordView; escalation: Escalation; messageText: string },
  platform: Platform,
  lang: "zh" | "en",
): OutboxEntry[] {
  const { escalation, view } = escalated;
  const entries: OutboxEntry[] = recipients.people.map((person) => ({
    dedupeKey: `escalation:${escalation.id}:ping:1:person:${person.personId}`,
    target: { platform, userId: person.externalId },
    reply: pingReply(view, escalated.messageText, (person.locale as "zh" | "en" | null) ?? lang),
    recordId: escalated.id,
  }));
  for (const channel of recipients.channels) {
    entries.push({
      dedupeKey: `escalation:${escalation.id}:ping:1:channel:${channel.id}`,
      target: { platform, channelId: channel.externalId },
      reply: pingReply(view, escalated.messageText, lang),
      recordId: escalated.id,
    });
  }
  return entries;
}

export async function markPinged(tx: Tx, escalationIds: number[], now: Date): Promise<void> {
  if (escalationIds.length === 0) return;
  await tx.escalation.updateMany({ where: { id: { in: escalationIds } }, data: { pingCount: { increment: 1 }, lastPingAt: now } });
}

function pingReply(record: RecordView, messageText: string, lang: "zh" | "en"): ReplyInput {
  const { fields } = recordFields(record, lang);
  return {
    lang,
    tone: "alert",
    title: lang === "zh" ? `升级事件 ${record.code}，请尽快处理` : `Escalation ${record.code} needs a supervisor`,
    text: messageText.slice(0, 500),
    fields,
    buttons: [
      { action: "acknowledge", label: lang === "zh" ? "已知悉" : "Acknowledge", value: record.code, style: "primary" },
      { action: "resolve", label: lang === "zh" ? "已解决" : "Resolve", value: record.code },
    ],
  };
}
