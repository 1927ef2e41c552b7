import type { OutgoingMessage, Reply } from "../../src/chat/port.ts";

const ICON: Record<Reply["tone"], string> = { info: "ℹ️", success: "✅", warning: "⚠️", error: "❌", alert: "🚨" };

/** Columns a string takes in a terminal: Chinese and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch) ? 2 : 1;
  return width;
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => prefix + line)
    .join("\n");
}

/** The neutral reply model as terminal text: a title line, labelled fields, then the buttons as hints. */
export function renderReply(message: Pick<OutgoingMessage, "target" | "reply">): string {
  const { target, reply } = message;
  const to = target.userId && !target.channelId ? ` → @${target.userId}` : "";
  const lines = [`[bot${to}] ${ICON[reply.tone]} ${reply.title}`];
  const width = Math.max(0, ...reply.fields.map((f) => displayWidth(f.label)));
  for (const field of reply.fields) {
    const [first = "", ...rest] = field.value.split("\n");
    lines.push(`  ${field.label}${" ".repeat(width - displayWidth(field.label))} : ${first}`);
    for (const line of rest) lines.push(`  ${" ".repeat(width)}   ${line}`);
  }
  if (reply.text) lines.push(indent(reply.text, "  "));
  if (reply.buttons.length > 0) lines.push(`  ${reply.buttons.map((b) => `[${b.label}]`).join(" ")}`);
  if (reply.footer) lines.push(indent(reply.footer, "  "));
  return lines.join("\n");
}
