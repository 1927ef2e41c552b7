import { z } from "zod";

/**
 * The one small port between the platforms and the domain. An adapter turns its platform's events
 * into `IncomingMessage`s and renders `OutgoingMessage`s (a neutral reply model) back; nothing in
 * src/ knows which platform it talks to.
 */
export const PlatformSchema = z.enum(["console", "slack", "feishu"]);
export type Platform = z.infer<typeof PlatformSchema>;

export const LangSchema = z.enum(["zh", "en"]);
export type Lang = z.infer<typeof LangSchema>;

export interface IncomingMessage {
  platform: Platform;
  channel: { id: string; name?: string; isDirect: boolean };
  /** The platform's identity of the message (Slack channel+ts is channel.id + this ts, Feishu message_id, console sequence). */
  messageId: string;
  /** The thread the message belongs to, when it is a reply (Slack thread_ts, Feishu root_id). */
  threadId?: string;
  eventId?: string;
  sender: { id: string; name?: string };
  /** The text as typed; mentions of people written `<@ID>` with the platform's user id. */
  text: string;
  sentAt: Date;
  /** The bot was mentioned or written to directly, so the text is a command even without `/cs`. */
  addressedToBot: boolean;
}

export const ChatTargetSchema = z.object({
  platform: PlatformSchema,
  /** A channel, or a person's direct chat when `userId` is set without a channel. */
  channelId: z.string().optional(),
  threadId: z.string().optional(),
  userId: z.string().optional(),
  /** Visible only to this user (Slack ephemeral); platforms without it send normally. */
  ephemeralTo: z.string().optional(),
});
export type ChatTarget = z.infer<typeof ChatTargetSchema>;

export const ReplySchema = z.object({
  lang: LangSchema,
  tone: z.enum(["info", "success", "warning", "error", "alert"]),
  title: z.string(),
  text: z.string().optional(),
  fields: z.array(z.object({ label: z.string(), value: z.string() })).default([]),
  /** Actions a platform with buttons shows; `value` is what comes back when one is pressed. */
  buttons: z
    .array(
      z.object({
        action: z.string(),
        label: z.string(),
        value: z.string(),
        style: z.enum(["primary", "danger"]).optional(),
      }),
    )
    .default([]),
  /** People to notify by a platform mention. */
  mentions: z.array(z.object({ userId: z.string(), name: z.string() })).default([]),
  footer: z.string().optional(),
});
export type Reply = z.infer<typeof ReplySchema>;
export type ReplyInput = z.input<typeof ReplySchema>;

export interface OutgoingMessage {
  outboxId: number;
  /** Stable across resends of the same outbox row: platforms with an idempotency key get it. */
  idempotencyKey: string;
  target: ChatTarget;
  reply: Reply;
}

export interface SendResult {
  /** The platform's id of the sent message, kept so a card can be updated in place later. */
  externalId?: string;
}

/** Thrown by an adapter for a failure worth retrying later (rate limit, 5xx, network). */
export class TransientSendError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export type MessageSink = (message: IncomingMessage) => Promise<void>;

export interface ChatAdapter {
  readonly platform: Platform;
  /** Starts delivering messages to the sink; resolves when the adapter's input has ended. */
  start(sink: MessageSink): Promise<void>;
  send(message: OutgoingMessage): Promise<SendResult>;
  stop(): Promise<void>;
}
