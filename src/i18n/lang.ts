import type { Lang } from "../chat/port.ts";

const HAN = /\p{Script=Han}/u;

/** Chinese when the text has Chinese characters; otherwise the person's last language, else English. */
export function detectLang(text: string, fallback?: Lang | null): Lang {
  if (HAN.test(text)) return "zh";
  if (/[A-Za-z]{3,}/.test(text.replace(/\/cs\b|[A-Z]{3}-\d+/g, ""))) return "en";
  return fallback ?? "en";
}
