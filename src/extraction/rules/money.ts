import type { Currency } from "../schema.ts";
import { CueMatcher, type CueHit } from "./cues.ts";
import type { NumberToken } from "./numbers.ts";
import { vocabulary } from "./vocab.ts";

/**
 * Money in chat: an amount with the currency written next to it (¥38, 38元, USD 0.21, $3.40,
 * 2.10 USD, 1,240 GBP, 40 万), and the amount a complaint claims (spec: claimAmount, large_loss).
 */

export interface Money {
  value: number;
  currency?: Currency;
  start: number;
  end: number;
}

type CurrencyMark = { currency: Currency; side: "prefix" | "suffix" };

const currencyEntries = Object.entries(vocabulary.currencies.currencies) as [Currency, { prefixes: string[]; suffixes: string[]; largeLoss: number }][];

const currencyMarks = new CueMatcher<CurrencyMark>(
  currencyEntries.flatMap(([currency, spec]) => [
    ...spec.prefixes.map((cue) => [cue, { currency, side: "prefix" }] as const),
    ...spec.suffixes.map((cue) => [cue, { currency, side: "suffix" }] as const),
  ]),
);

const claimCues = new CueMatcher<true>(vocabulary.currencies.claimCues.map((cue) => [cue, true] as const));

/** How far (in characters of spaces) a currency mark may stand from its amount: "USD 0.21", "350 元". */
const MARK_GAP = 1;

export function findCurrencyMarks(lower: string): CueHit<CurrencyMark>[] {
  return currencyMarks.findAll(lower);
}

/**
 * Every number with a currency mark right before or after it. A number written with 万 (40 万) in a
 * Chinese message is money only when a currency or claim word is near, which the caller decides.
 */
export function findMoney(lower: string, numbers: NumberToken[], marks: CueHit<CurrencyMark>[]): Money[] {
  const found: Money[] = [];
  let m = 0;
  for (const n of numbers) {
    if (n.glued) continue;
    while (m < marks.length && marks[m]!.end < n.start - MARK_GAP - 1) m++;
    let currency: Currency | undefined;
    let start = n.start;
    let end = n.end;
    for (let k = m; k < marks.length && marks[k]!.start <= n.end + MARK_GAP; k++) {
      const mark = marks[k]!;
      const before = mark.tag.side === "prefix" && mark.end <= n.start && n.start - mark.end <= MARK_GAP && isBlank(lower, mark.end, n.start);
      const after = mark.tag.side === "suffix" && mark.start >= n.end && mark.start - n.end <= MARK_GAP && isBlank(lower, n.end, mark.start);
      // "凹了一块" is a piece, not one yuan: 块 after a Chinese numeral is a classifier.
      const piece = after && n.chinese && mark.cue === "块";
      if ((before || after) && !piece) {
        currency = mark.tag.currency;
        start = Math.min(start, mark.start);
        end = Math.max(end, mark.end);
        break;
      }
    }
    if (currency) found.push({ value: n.value, currency, start, end });
  }
  return found;
}

function isBlank(lower: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (lower[i] !== " ") return false;
  return true;
}

/** The currency a text states anywhere, for an amount written without one. */
export function statedCurrency(marks: CueHit<CurrencyMark>[]): Currency | undefined {
  return marks[0]?.tag.currency;
}

/** True when `value` in `currency` is a large loss: about 100,000 CNY or 15,000 USD/EUR or more. */
export function isLargeLoss(value: number, currency: Currency): boolean {
  const spec = vocabulary.currencies.currencies[currency];
  return value >= spec.largeLoss;
}

/** Plenty for a real message; keeps a text full of amounts linear. */
const MAX_CANDIDATES = 32;

/** Within a clause of a claim word (损失, 赔偿, 价值, worth, refund …), how far an amount may be. */
const CLAIM_REACH = 14;

/**
 * The amount a complaint or escalation claims: money near a claim word, or a bare number written
 * with 万 after one ("损失 26 万"). The amount closest to a claim word wins; with no claim word, the
 * only amount of money in the text.
 */
export function findClaim(lower: string, money: Money[], numbers: NumberToken[], defaultCurrency: Currency): Money | undefined {
  const cues = claimCues.findAll(lower);
  // A complaint naming a single sum of money names what is at stake ("dropped our $120,000 shipment").
  if (cues.length === 0) return money.length === 1 ? money[0] : undefined;
  const wan = numbers
    .filter((n) => !n.glued && /万|w$/.test(lower.slice(n.start, n.end)) && !money.some((m) => m.start <= n.start && m.end >= n.end))
    .map((n): Money => ({ value: n.value, currency: defaultCurrency, start: n.start, end: n.end }));
  let best: { money: Money; distance: number } | undefined;
  for (const candidate of [...money, ...wan].slice(0, MAX_CANDIDATES)) {
    for (const cue of cues.slice(0, MAX_CANDIDATES)) {
      const distance = candidate.start >= cue.end ? candidate.start - cue.end : cue.start >= candidate.end ? cue.start - candidate.end : 0;
      const gap = lower.slice(Math.min(cue.end, candidate.end), Math.max(cue.start, candidate.start));
      if (distance > CLAIM_REACH || /[。.!?！？;；\n]/.test(gap)) continue;
      if (!best || distance < best.distance) best = { money: candidate, distance };
    }
  }
  return best?.money;
}
