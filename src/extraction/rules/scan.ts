import type { Currency } from "../schema.ts";
import { primeSharedCues, type CueHit } from "./cues.ts";
import { findDates, type DateMention } from "./dates.ts";
import { findCurrencyMarks, findMoney, pricedPerBlock, type Money } from "./money.ts";
import { normalizeText } from "./normalize.ts";
import { scanNumbers, type NumberToken } from "./numbers.ts";
import { findUnits, type UnitHit } from "./units.ts";

/** What every field reader needs, computed once per message. */
export interface Scan {
  text: string;
  lower: string;
  /** The text as written before traditional Chinese was folded; only when the fold changed something. */
  unfolded?: string;
  sentAt: string;
  numbers: NumberToken[];
  money: Money[];
  currencyMarks: CueHit<{ currency: Currency; side: "prefix" | "suffix" }>[];
  dates: DateMention[];
  /** Unit words by where they start (see units.ts). */
  units: ReadonlyMap<number, UnitHit>;
  /** The message is mostly Chinese: amounts without a currency are then CNY. */
  chinese: boolean;
  /** The message prices its goods per 块 ("每块498元"): there 块 counts pieces, not yuan. */
  perBlock: boolean;
}

function mostlyChinese(text: string): boolean {
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x3400 && code <= 0x9fff) cjk++;
    else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
  }
  return cjk * 2 >= latin;
}

export function scanMessage(raw: string, sentAt: string): Scan {
  const { text, lower, unfolded } = normalizeText(raw);
  // The whole-message cue matchers scan this text once, together.
  primeSharedCues(lower);
  const numbers = scanNumbers(text);
  const currencyMarks = findCurrencyMarks(lower);
  const perBlock = pricedPerBlock(lower);
  const dates = findDates(lower, sentAt);
  return {
    text,
    lower,
    ...(unfolded === undefined ? {} : { unfolded }),
    sentAt,
    numbers,
    money: findMoney(lower, numbers, currencyMarks, perBlock),
    currencyMarks,
    dates,
    units: findUnits(lower, dates),
    chinese: mostlyChinese(text),
    perBlock,
  };
}
