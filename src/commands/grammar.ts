import { z } from "zod";
import type { Lang } from "../chat/port.ts";
import { normaliseCode } from "../records/codes.ts";
import { ROLES } from "../people/people.ts";

/**
 * The chat commands, one grammar for every adapter. A command is `/cs VERB …` (a Slack slash
 * command, or text in Feishu and the console) or anything said to the bot by mentioning it.
 */
export const VERBS = ["help", "list", "show", "confirm", "done", "assign", "note", "edit", "cancel", "role"] as const;
export type Verb = (typeof VERBS)[number];

/** Chinese teams type Chinese verbs as often as English ones. */
const VERB_ALIASES: Record<string, Verb> = {
  帮助: "help",
  列表: "list",
  我的: "list",
  查看: "show",
  确认: "confirm",
  完成: "done",
  办结: "done",
  指派: "assign",
  转给: "assign",
  备注: "note",
  修改: "edit",
  取消: "cancel",
  角色: "role",
};

export function verbOf(word: string): Verb | undefined {
  const lower = word.toLowerCase();
  return (VERBS as readonly string[]).includes(lower) ? (lower as Verb) : VERB_ALIASES[word];
}

export const USAGE: Record<Verb, string> = {
  help: "/cs help",
  list: "/cs list",
  show: "/cs show CODE",
  confirm: "/cs confirm CODE",
  done: "/cs done CODE [note]",
  assign: "/cs assign CODE @person",
  note: "/cs note CODE text",
  edit: "/cs edit CODE field=value [field=value …]",
  cancel: "/cs cancel CODE [reason]",
  role: "/cs role @person agent|supervisor|admin",
};

export const DESCRIPTION: Record<Verb, { zh: string; en: string }> = {
  help: { zh: "显示本帮助", en: "show this help" },
  list: { zh: "我的待办（未完成的记录）", en: "my open items" },
  show: { zh: "查看一条记录", en: "show a record" },
  confirm: { zh: "确认记录无误", en: "confirm a record is right" },
  done: { zh: "办结（可附处理说明）", en: "resolve, with an optional note" },
  assign: { zh: "转给同事", en: "hand a record to someone" },
  note: { zh: "添加备注", en: "add a note" },
  edit: { zh: "更正字段", en: "correct fields" },
  cancel: { zh: "取消记录", en: "cancel a record" },
  role: { zh: "设置角色（仅管理员）", en: "set a role (admins only)" },
};

const Code = z.string().transform((s, ctx) => {
  const code = normaliseCode(s);
  if (!code) {
    ctx.addIssue({ code: "custom", message: "bad_code" });
    return z.NEVER;
  }
  return code;
});
const Mention = z.string().regex(/^(<@[^>]+>|@\S+)$/, "bad_mention");
const Text = z.string().trim().min(1, "missing_text");

export const CommandSchema = z.discriminatedUnion("verb", [
  z.object({ verb: z.literal("help") }),
  z.object({ verb: z.literal("list") }),
  z.object({ verb: z.literal("show"), code: Code }),
  z.object({ verb: z.literal("confirm"), code: Code }),
  z.object({ verb: z.literal("done"), code: Code, note: z.string().trim().optional() }),
  z.object({ verb: z.literal("assign"), code: Code, person: Mention }),
  z.object({ verb: z.literal("note"), code: Code, text: Text }),
  z.object({
    verb: z.literal("edit"),
    code: Code,
    changes: z.array(z.object({ field: z.string().min(1), value: z.string() })).min(1, "missing_changes"),
  }),
  z.object({ verb: z.literal("cancel"), code: Code, reason: z.string().trim().optional() }),
  z.object({ verb: z.literal("role"), person: Mention, role: z.enum(ROLES, { message: "bad_role" }) }),
]);
export type Command = z.infer<typeof CommandSchema>;

export function helpText(lang: Lang): string {
  return VERBS.map((v) => `${USAGE[v]} — ${DESCRIPTION[v][lang]}`).join("\n");
}
