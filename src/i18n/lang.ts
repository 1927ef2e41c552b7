import type { Lang } from "../chat/port.ts";

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{3,}/;

/** Chinese when the text has Chinese characters, English when it has English words, else no signal. */
export function detectLang(text: string): Lang | null {
  if (HAN.test(text)) return "zh";
  return LATIN_WORD.test(text) ? "en" : null;
}
