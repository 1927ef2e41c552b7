import type { Tx } from "../db/client.ts";
import type { Platform, ReplyInput } from "../chat/port.ts";
import type { OutboxEntry } from "../outbox/outbox.ts";
import type { Escalation } from "../generated/sqlite/client.ts";
import { recordFields, type RecordView } from "../records/present.ts";

/**
 * The first ping of a new escalation: a direct message to every supervisor known on the platform,
 * and a post in each supervisors channel there, each in the reader's own language. Re-pings and the
 * escalation ladder build on the Escalation row's ping fields.
 */
export async function supervisorPings(
  tx: Tx,
  escalated: { id: number; view: RecordView; escalation: Escalation; messageText: string },
  platform: Platform,
  lang: "zh" | "en",
  now: Date,
): Promise<OutboxEntry[]> {
  const { escalation, view } = escalated;
  // One query at a time: a transaction is one connection.
  const supervisors = await tx.personIdentity.findMany({
    where: { platform, person: { role: { in: ["supervisor", "admin"] } } },
    include: { person: true },
  });
  const channels = await tx.channel.findMany({ where: { platform, role: "supervisors" } });
  const onlySupervisors = supervisors.filter((s) => s.person.role === "supervisor");
  const recipients = onlySupervisors.length > 0 ? onlySupervisors : supervisors;
  const entries: OutboxEntry[] = recipients.map((identity) => ({
    dedupeKey: `escalation:${escalation.id}:ping:1:person:${identity.personId}`,
    target: { platform, userId: identity.externalId },
    reply: pingReply(view, escalated.messageText, (identity.person.locale as "zh" | "en" | null) ?? lang),
    recordId: escalated.id,
  }));
  for (const channel of channels) {
    entries.push({
      dedupeKey: `escalation:${escalation.id}:ping:1:channel:${channel.id}`,
      target: { platform, channelId: channel.externalId },
      reply: pingReply(view, escalated.messageText, lang),
      recordId: escalated.id,
    });
  }
  if (entries.length > 0) {
    await tx.escalation.update({
      where: { id: escalation.id },
      data: { pingCount: { increment: 1 }, lastPingAt: now },
    });
  }
  return entries;
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
