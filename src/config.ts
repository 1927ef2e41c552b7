import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db/engine-url.ts";

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

/** `console:alice, slack:U0123` → [{platform, externalId}] */
const IdentityListSchema = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const entries = (value ?? "").split(/[,\s]+/).filter(Boolean);
    const identities: { platform: "console" | "slack" | "feishu"; externalId: string }[] = [];
    for (const entry of entries) {
      const match = /^(console|slack|feishu):(.+)$/.exec(entry);
      if (!match) {
        ctx.addIssue({ code: "custom", message: `"${entry}" is not PLATFORM:ID (platform console, slack or feishu)` });
        return z.NEVER;
      }
      identities.push({ platform: match[1] as "console" | "slack" | "feishu", externalId: match[2]! });
    }
    return identities;
  });

const TimeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: "not an IANA time zone (e.g. Asia/Shanghai)" },
);

/** Every environment variable the bot reads. The README's configuration table mirrors this. */
export const ConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/i.test(u), "must be file:PATH (SQLite) or postgresql://…"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TEAM_TIME_ZONE: TimeZoneSchema.default("Asia/Shanghai"),
  ADMINS: IdentityListSchema,
  EXTRACTOR: z.enum(["rules", "llm", "hybrid"]).optional(),
  OPENAI_BASE_URL: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  CONSOLE_USER: z.string().min(1).default("agent"),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
