import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConsoleAdapter } from "../../adapters/console/index.ts";
import { renderReply } from "../../adapters/console/render.ts";
import type { IncomingMessage } from "../../src/chat/port.ts";

async function converse(lines: string[], sink: (m: IncomingMessage) => Promise<void>) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (d: Buffer) => (printed += d.toString()));
  const switched: [string, string | undefined][] = [];
  const adapter = new ConsoleAdapter({
    input,
    output,
    initialUser: "agent",
    switchUser: async (name, role) => {
      switched.push([name, role]);
    },
  });
  input.end(lines.map((l) => `${l}\n`).join(""));
  await adapter.start(sink);
  return { printed, switched };
}

describe("console adapter", () => {
  it("turns lines into messages from the current speaker, with unique ids and mentions of the bot as commands", async () => {
    const seen: IncomingMessage[] = [];
    const { switched } = await converse(["hello", "/as lisa supervisor", "@bot list", "/quit", "never read"], async (m) => {
      seen.push(m);
    });
    expect(seen.map((m) => [m.sender.id, m.text, m.addressedToBot])).toEqual([
      ["agent", "hello", false],
      ["lisa", "list", true],
    ]);
    expect(new Set(seen.map((m) => m.messageId)).size).toBe(2);
    expect(switched).toEqual([["lisa", "supervisor"]]);
  });

  it("tells the speaker to send again when the bot could not take the line, and carries on", async () => {
    let calls = 0;
    const { printed } = await converse(["first", "second"], async () => {
      calls += 1;
      if (calls === 1) throw new Error("SQLITE_BUSY: database is locked");
    });
    expect(calls).toBe(2);
    expect(printed).toContain("[bot] ❌ 这条消息没有保存，请重发 / That message was not saved; please send it again. (SQLITE_BUSY: database is locked)");
    expect(printed).toContain("agent> second");
  });

  it("renders a reply with aligned labels, multi-line values, buttons and direct-message targets", () => {
    const text = renderReply({
      target: { platform: "console", userId: "lisa" },
      reply: {
        lang: "zh",
        tone: "alert",
        title: "升级事件 ESC-0001",
        fields: [
          { label: "客户", value: "亿滋" },
          { label: "升级原因", value: "媒体曝光\n监管投诉" },
        ],
        buttons: [
          { action: "acknowledge", label: "已知悉", value: "ESC-0001" },
          { action: "resolve", label: "已解决", value: "ESC-0001" },
        ],
        mentions: [],
      },
    });
    expect(text).toBe(
      ["[bot → @lisa] 🚨 升级事件 ESC-0001", "  客户     : 亿滋", "  升级原因 : 媒体曝光", "             监管投诉", "  [已知悉] [已解决]"].join("\n"),
    );
  });
});
