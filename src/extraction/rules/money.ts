import type { Currency } from "../schema.ts";
import { CueMatcher, type CueHit } from "./cues.ts";
import { isAsciiLetter, SENTENCE_END } from "./normalize.ts";
import type { NumberToken } from "./numbers.ts";
import { zhUnitStarts } from "./units.ts";
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
  { shared: true },
);

/** Currency codes in letters that stand before an amount, which chat may glue to its digits ("RMB2680"). */
const GLUED_CODES: [letters: string, currency: Currency][] = currencyEntries.flatMap(([currency, spec]) =>
  spec.prefixes.filter((p) => /^[a-z]{3}$/.test(p)).map((p) => [p, currency] as [string, Currency]),
);

const claimCues = new CueMatcher<true>(vocabulary.currencies.claimCues.map((cue) => [cue, true] as const), { shared: true });
const CHARGE_CLAIM_CUES = new Set(vocabulary.currencies.chargeClaimCues);

/** "一共720块", "花了300块", "每个35块", "2块一瓶": a sum or a price, whatever else the message counts in 块. */
function priceOrSum(lower: string, start: number, end: number): boolean {
  return PRICE_OR_SUM_BEFORE.test(lower.slice(Math.max(0, start - 4), start)) || PER_ONE_AFTER.test(lower.slice(end, end + 3));
}
const PRICE_OR_SUM_BEFORE = /(?:一共|总共|合计|共计|总价|花了|付了|赔偿?|退了?|收了|转了|便宜了|贵了|少算了|多算了|减|押金|每[\u3400-\u9fff]?|单价|价格|价钱|@)\s?$/;
const PER_ONE_AFTER = /^\s?[一每](?!块)[\u3400-\u9fff]/;

/** How far (in characters of spaces) a currency mark may stand from its amount: "USD 0.21", "350 元". */
const MARK_GAP = 1;

export function findCurrencyMarks(lower: string): CueHit<CurrencyMark>[] {
  return currencyMarks.findAll(lower);
}

/**
 * Every number with a currency mark right before or after it. A number written with 万 (40 万) in a
 * Chinese message is money only when a currency or claim word is near, which the caller decides.
 */
export function findMoney(lower: string, numbers: NumberToken[], marks: CueHit<CurrencyMark>[], perBlock: boolean): Money[] {
  const found: Money[] = [];
  let m = 0;
  for (const n of numbers) {
    if (n.glued) {
      // Digits glued to letters name a model (M8, A4), unless the letters are a currency's code ("RMB2680", "USD120").
      const code = GLUED_CODES.find(([letters]) => lower.endsWith(letters, n.start) && !isAsciiLetter(lower[n.start - letters.length - 1]));
      if (code) found.push({ value: n.value, currency: code[1], start: n.start - code[0].length, end: n.end });
      continue;
    }
    while (m < marks.length && marks[m]!.end < n.start - MARK_GAP - 1) m++;
    let currency: Currency | undefined;
    let value = n.value;
    let start = n.start;
    let end = n.end;
    for (let k = m; k < marks.length && marks[k]!.start <= n.end + MARK_GAP; k++) {
      const mark = marks[k]!;
      const before = mark.tag.side === "prefix" && mark.end <= n.start && n.start - mark.end <= MARK_GAP && isBlank(lower, mark.end, n.start);
      const after = mark.tag.side === "suffix" && mark.start >= n.end && mark.start - n.end <= MARK_GAP && isBlank(lower, n.end, mark.start);
      const dime = after && (mark.cue === "块" || mark.cue === "元") ? dimeAfter(lower, mark.end) : undefined;
      // "凹了一块" is a piece, not one yuan: 块 after a Chinese numeral is a classifier, unless 钱 or a
      // tenth follows it (一块五, 十八块五); so is any 块 in a message that prices things per 块.
      const piece = after && (n.chinese || perBlock) && mark.cue === "块" && dime === undefined && !priceOrSum(lower, n.start, mark.end);
      if ((before || after) && !piece) {
        currency = mark.tag.currency;
        start = Math.min(start, mark.start);
        end = Math.max(end, mark.end);
        if (dime) {
          value = Math.round((n.value + dime.value / 10) * 100) / 100;
          end = dime.end;
        }
        break;
      }
    }
    if (currency) found.push({ value, currency, start, end });
  }
  return found;
}

/** "每块498元", "¥506/块", "HK$420 一块": the message prices its goods per 块, which there counts pieces (solar panels, tiles, screens). */
export function pricedPerBlock(lower: string): boolean {
  return /每块|\/\s?块|\d\s?一块/.test(lower);
}

function dimeValue(c: string): number | undefined {
  return c >= "1" && c <= "9" ? Number(c) : TENTHS[c];
}

const TENTHS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "7块2", "十八块五", "3元5角": one digit of tenths right after 块/元 (and an optional 毛/角). */
function dimeAfter(lower: string, from: number): { value: number; end: number } | undefined {
  // "3 元 5 角": with a space before the digit, 角 or 毛 must follow it.
  const spaced = lower[from] === " ";
  const at = spaced ? from + 1 : from;
  const value = dimeValue(lower[at] ?? "");
  if (value === undefined) return undefined;
  const unitAt = lower[at + 1] === " " ? at + 2 : at + 1;
  if (lower[unitAt] === "毛" || lower[unitAt] === "角") return { value, end: unitAt + 1 };
  if (spaced) return undefined;
  const next = lower[at + 1];
  // "十八块五一吨": 一 before a classifier marks the unit the price is per.
  if (next === "一" && !"一二两三四五六七八九十百千万".includes(lower[at + 2] ?? "一")) return { value, end: at + 1 };
  // "7块20个", "五块五十" and "15元一把" are something else: a unit or classifier after the digit makes it a count.
  if (next !== undefined && (/[0-9.]/.test(next) || "一二两三四五六七八九十百千万天号".includes(next) || zhUnitStarts.has(next))) return undefined;
  return { value, end: at + 1 };
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

/** Longer digit runs without a currency are references and account numbers, not sums. */
const BARE_SUM_MAX = 10_000_000;
/** The longest gap BARE_SUM_GAP is tried on: "加医药费一共" and its spaces. */
const BARE_SUM_REACH = 10;

/**
 * What may stand between a claim word and a bare sum: nothing, a particle ("多收了900", "赔我599"), or a
 * "total" closing a short list of what is claimed ("退款加医药费一共2300"). "退款，单号 202606" or
 * "再不退款我就打12315" name no sum.
 */
const BARE_SUM_GAP = /^[\s:：]*(?:了|我|是|的|约|大约|大概)?[\s:：]*$|^[^\s,，。:：#]{0,6}(?:一共|总共|共计)\s*$/;

/**
 * Nothing that could be a unit follows the number: a sum, not "3天" or "2 boxes". A Chinese particle or adverb may
 * follow it ("多扣了59的增值业务费", "多扣的140给我退回来").
 */
function endsPhrase(lower: string, end: number): boolean {
  const next = lower[end];
  if (next === undefined || /[,，。!?！？;；、)）\n]/.test(next)) return true;
  if (next === " ") return !/[a-z\u3400-\u9fff]/.test(lower[end + 1] ?? "");
  return SUM_THEN.has(next);
}

/** Words that may follow a sum directly in Chinese: a particle or a verb of giving, never a unit or a noun ("1000京豆"). */
const SUM_THEN = new Set([..."的给"]);

/** A claimed amount, and whether a claim word names it or it is merely the only sum in the text. */
export interface Claim extends Money {
  named: boolean;
}

/**
 * The amount a complaint or escalation claims: money near a claim word, a bare number written
 * with 万 after one ("损失 26 万"), or a bare sum right after one ("价值680"). The amount closest to a
 * claim word wins; with no claim word, the only amount of money in the text.
 */
export function findClaim(lower: string, money: Money[], numbers: NumberToken[], defaultCurrency: Currency): Claim | undefined {
  const cues = claimCues.findAll(lower);
  // A complaint naming a single sum of money names what is at stake ("dropped our $120,000 shipment").
  if (cues.length === 0) return money.length === 1 ? { ...money[0]!, named: false } : undefined;
  const wan = numbers
    .filter((n) => !n.glued && /[万千kw]$/.test(lower.slice(n.start, n.end)) && !money.some((m) => m.start <= n.start && m.end >= n.end))
    .map((n): Money => ({ value: n.value, currency: defaultCurrency, start: n.start, end: n.end }));
  // "价值680，要求赔偿", "退款加医药费一共2300": a bare sum right after a claim word, ending its phrase, is in the claim's currency.
  const bare = numbers
    .filter((n) => !n.glued && n.value >= 10 && n.value < BARE_SUM_MAX && endsPhrase(lower, n.end))
    .filter((n) => !money.some((m) => m.start <= n.start && m.end >= n.end))
    .filter((n) => cues.slice(0, MAX_CANDIDATES).some((c) => n.start >= c.end && n.start - c.end <= BARE_SUM_REACH && BARE_SUM_GAP.test(lower.slice(c.end, n.start))))
    .map((n): Money => ({ value: n.value, currency: defaultCurrency, start: n.start, end: n.end }));
  let best: { money: Money; distance: number } | undefined;
  for (const candidate of [...money, ...wan, ...bare].slice(0, MAX_CANDIDATES)) {
    for (const cue of cues.slice(0, MAX_CANDIDATES)) {
      const distance = candidate.start >= cue.end ? candidate.start - cue.end : cue.start >= candidate.end ? cue.start - candidate.end : 0;
      const gap = lower.slice(Math.min(cue.end, candidate.end), Math.max(cue.start, candidate.start));
      if (distance > CLAIM_REACH || SENTENCE_END.test(gap)) continue;
      if (!best || distance < best.distance) best = { money: candidate, distance };
    }
  }
  // "…both for $3,420. Please credit one back.": a charge, refund or claim word too far from the only sum still
  // claims it.
  if (best) return { ...best.money, named: true };
  return money.length === 1 && cues.some((c) => CHARGE_CLAIM_CUES.has(c.cue)) ? { ...money[0]!, named: true } : undefined;
}
