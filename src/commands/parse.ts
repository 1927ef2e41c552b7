import { CommandSchema, verbOf, type Command, type Verb } from "./grammar.ts";

export type ParseResult =
  | { ok: true; command: Command }
  | { ok: false; verb?: Verb; word?: string; problem: string };

const PREFIX = /^\/cs(?:\s+|$)/i;

/**
 * The text of a command, or null when the message is not one. Only the speaker's own command
 * syntax counts: `/cs` at the very start, or a message addressed to the bot. A customer's message
 * pasted in that merely contains `/cs done …` is ordinary text.
 */
export function commandText(text: string, addressedToBot: boolean): string | null {
  const trimmed = text.normalize("NFKC").trim();
  if (PREFIX.test(trimmed)) return trimmed.replace(PREFIX, "");
  return addressedToBot ? trimmed : null;
}

/** `field=value field2=a value with spaces` → pairs; a value runs until the next `name=`. */
function assignments(rest: string): { field: string; value: string }[] {
  const parts = rest.split(/\s+(?=[\p{L}\w.]+\s*[=＝])/u);
  return parts
    .map((part) => /^([\p{L}\w.]+)\s*[=＝]\s*(.*)$/su.exec(part.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ field: m[1]!, value: m[2]!.trim() }));
}

export function parseCommand(body: string): ParseResult {
  const [word = "help", ...words] = body.split(/\s+/).filter(Boolean);
  const verb = verbOf(word);
  if (!verb) return { ok: false, word, problem: "unknown_command" };
  const [first, second] = words;
  const rest = (n: number) => words.slice(n).join(" ");
  const raw: Record<string, unknown> = { verb };
  switch (verb) {
    case "show":
    case "confirm":
      raw.code = first;
      break;
    case "done":
      Object.assign(raw, { code: first, note: rest(1) || undefined });
      break;
    case "cancel":
      Object.assign(raw, { code: first, reason: rest(1) || undefined });
      break;
    case "assign":
      Object.assign(raw, { code: first, person: second });
      break;
    case "note":
      Object.assign(raw, { code: first, text: rest(1) });
      break;
    case "edit": {
      const changes = assignments(rest(1));
      Object.assign(raw, { code: first, changes });
      if (rest(1) && changes.length === 0) return { ok: false, verb, problem: "bad_assignment" };
      break;
    }
    case "role":
      Object.assign(raw, { person: first, role: second?.toLowerCase() });
      break;
    case "help":
    case "list":
      break;
  }
  const parsed = CommandSchema.safeParse(raw);
  if (parsed.success) return { ok: true, command: parsed.data };
  const issue = parsed.error.issues[0]!;
  const missing = issue.code === "invalid_type" && issue.input === undefined;
  const field = String(issue.path[0] ?? "");
  return { ok: false, verb, problem: missing ? `missing_${field}` : issue.message };
}

/**
 * The words of a command in the speaker's own language: the verb, record codes, mentions, field
 * names and roles are the command's syntax, the same for everyone.
 */
export function commandProse(body: string): string {
  const [word = ""] = body.trim().split(/\s+/, 1);
  return (verbOf(word) ? body.trim().slice(word.length) : body)
    .replace(/#?\b(ORD|CMP|ESC|INQ)-?\d+\b/gi, " ")
    .replace(/<@[^>]+>|@\S+/g, " ")
    .replace(/[\p{L}\w.]+\s*[=＝]/gu, " ")
    .replace(/\b(agent|supervisor|admin)\b/gi, " ");
}
