import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ChatAdapter, IncomingMessage, MessageSink, OutgoingMessage, SendResult } from "../../src/chat/port.ts";
import { renderReply } from "./render.ts";

export interface ConsoleAdapterOptions {
  input?: Readable;
  output?: Writable;
  /** Who speaks until `/as NAME` switches. */
  initialUser: string;
  /** `/as NAME [role]`: the console is a trusted terminal, so it may hand out roles itself. */
  switchUser: (name: string, role?: "agent" | "supervisor" | "admin") => Promise<void>;
  /** Awaited after each line, so the replies print before the next prompt or the next scripted line. */
  afterEach?: () => Promise<void>;
  now?: () => Date;
}

const CHANNEL = { id: "console", name: "console", isDirect: false };
const BOT_MENTION = /^@(bot|cs)\b[\s,:：，]*/i;
const AS_COMMAND = /^\/as\s+(\S+)(?:\s+(agent|supervisor|admin))?\s*$/i;

/**
 * A chat in the terminal. Each line is a message from the current user; with standard input not a
 * terminal it reads lines until the input ends, so `printf '…' | npm start` is a scripted conversation.
 */
export class ConsoleAdapter implements ChatAdapter {
  readonly platform = "console" as const;
  private user: string;
  private sequence = 0;
  /** Message ids must stay unique across runs against the same database. */
  private readonly runId = Date.now().toString(36);
  private readonly input: Readable;
  private readonly output: Writable;
  private closeInput: (() => void) | undefined;

  constructor(private readonly options: ConsoleAdapterOptions) {
    this.user = options.initialUser;
    this.input = options.input ?? process.stdin;
    this.output = options.output ?? process.stdout;
  }

  private get interactive(): boolean {
    return Boolean((this.input as { isTTY?: boolean }).isTTY);
  }

  private print(text: string): void {
    this.output.write(`${text}\n`);
  }

  async start(sink: MessageSink): Promise<void> {
    // At a terminal readline echoes what is typed and shows the prompt; piped input is echoed by us.
    const rl = this.interactive
      ? createInterface({ input: this.input, output: this.output, terminal: true })
      : createInterface({ input: this.input, terminal: false, crlfDelay: Infinity });
    this.closeInput = () => rl.close();
    const prompt = () => {
      if (this.interactive) {
        rl.setPrompt(`${this.user}> `);
        rl.prompt();
      }
    };
    if (this.interactive) {
      this.print(`cs-bot console — you are "${this.user}". Type a customer's message, or /cs help. /as NAME [supervisor] switches speaker, /quit leaves.`);
    }
    prompt();
    for await (const raw of rl) {
      const line = raw.replace(/\r$/, "");
      if (!this.interactive) this.print(`${this.user}> ${line}`);
      if (/^\/(quit|exit)\s*$/i.test(line.trim())) break;
      const as = AS_COMMAND.exec(line.trim());
      if (as) {
        this.user = as[1]!;
        await this.options.switchUser(this.user, as[2]?.toLowerCase() as "agent" | "supervisor" | "admin" | undefined);
        this.print(`(now speaking as ${this.user}${as[2] ? `, ${as[2].toLowerCase()}` : ""})`);
      } else {
        await this.deliver(sink, line);
      }
      prompt();
    }
    rl.close();
  }

  /**
   * The console has no redelivery: when the bot cannot take a line (the database is down), the
   * person at the keyboard is told to send it again, and the chat goes on.
   */
  private async deliver(sink: MessageSink, line: string): Promise<void> {
    try {
      await sink(this.toIncoming(line));
      await this.options.afterEach?.();
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      this.print(`[bot] ❌ 这条消息没有保存，请重发 / That message was not saved; please send it again. (${reason})`);
    }
  }

  private toIncoming(line: string): IncomingMessage {
    const mention = BOT_MENTION.exec(line.trim());
    this.sequence += 1;
    return {
      platform: "console",
      channel: CHANNEL,
      messageId: `${this.runId}-${this.sequence}`,
      sender: { id: this.user, name: this.user },
      text: mention ? line.trim().slice(mention[0].length) : line,
      sentAt: this.options.now?.() ?? new Date(),
      addressedToBot: Boolean(mention),
    };
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    this.print(renderReply(message));
    return { externalId: `console-out-${message.outboxId}` };
  }

  async stop(): Promise<void> {
    this.closeInput?.();
  }
}
