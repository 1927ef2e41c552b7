import { readFileSync } from "node:fs";
import type { ExtractionInput } from "../schema.ts";

const PROMPTS_DIR = new URL("../../../prompts/", import.meta.url);
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const DAY_MS = 86_400_000;

export interface ExtractionPrompts {
  system: string;
  userTemplate: string;
}

let cached: ExtractionPrompts | undefined;

/** The prompt files, read from disk on first use only: they are part of the release, not config. */
export function loadPrompts(): ExtractionPrompts {
  cached ??= {
    system: readFileSync(new URL("extract.system.md", PROMPTS_DIR), "utf8"),
    userTemplate: readFileSync(new URL("extract.user.md", PROMPTS_DIR), "utf8"),
  };
  return cached;
}

/**
 * The text as a JSON string literal with `<`, `>` and `&` escaped, so the customer cannot write a
 * closing `</customer_message>` tag: whatever they type stays inside one quoted value.
 */
export function quoteMessage(text: string): string {
  return JSON.stringify(text).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function describeWeek(monday: Date): string {
  return Array.from({ length: 7 }, (_, i) => {
    const day = new Date(monday.getTime() + i * DAY_MS);
    return `${WEEKDAYS[day.getUTCDay()]!.slice(0, 3)} ${isoDay(day)}`;
  }).join(", ");
}

/**
 * The calendar facts a model needs for relative dates. They are computed on the sender's own calendar
 * day (the date part of `sentAt`, which is already in the sender's offset), so no time zone maths.
 */
export function calendarFor(sentAt: string): Record<"localDate" | "weekday" | "thisWeek" | "nextWeek" | "monthEnd", string> {
  const localDate = sentAt.slice(0, 10);
  const day = new Date(`${localDate}T00:00:00Z`);
  const daysSinceMonday = (day.getUTCDay() + 6) % 7;
  const monday = new Date(day.getTime() - daysSinceMonday * DAY_MS);
  const monthEnd = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0));
  return {
    localDate,
    weekday: WEEKDAYS[day.getUTCDay()]!,
    thisWeek: describeWeek(monday),
    nextWeek: describeWeek(new Date(monday.getTime() + 7 * DAY_MS)),
    monthEnd: isoDay(monthEnd),
  };
}

/** Fills `{{name}}` placeholders in one pass, so text inserted for one is never read as another. */
function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`prompt template has no value for {{${name}}}`);
    return value;
  });
}

export function renderUserMessage(template: string, input: ExtractionInput): string {
  return fillTemplate(template, { ...calendarFor(input.sentAt), sentAt: input.sentAt, message: quoteMessage(input.text) });
}
