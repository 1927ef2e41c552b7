import type { Currency, OrderItem } from "../schema.ts";
import { CueMatcher, longestHits, type CueHit } from "./cues.ts";
import type { Money } from "./money.ts";
import { clauseAround, isDigitAt, isLetterAt, isOneOfAt } from "./normalize.ts";
import { CHINESE_DIGITS, type NumberToken } from "./numbers.ts";
import type { Scan } from "./scan.ts";
import { zhUnitStarts, type UnitHit, type UnitKind } from "./units.ts";
import { alternation, vocabulary } from "./vocab.ts";

/**
 * Ordered items: a quantity with its unit, the product named next to it and the per-unit price
 * (spec: items). Only a per-unit price counts; a deposit or a total gives none.
 */

const { units, items: itemsVocab } = vocabulary;
// Words that hold an order word and name a thing (洗发水, 加湿器, 沙发) hide it as the longer match.
const leadWords = new CueMatcher<boolean>([
  ...itemsVocab.leadWords.map((w) => [w, true] as const),
  ...itemsVocab.wordsHoldingLeads.map((w) => [w, false] as const),
]);

function leadHits(lower: string): CueHit<boolean>[] {
  return longestHits(leadWords.findAll(lower)).filter((h) => h.tag);
}
/** Last characters of Chinese order words (要, 订, 购 …): a number right after one is the order's count. */
const leadEnds = new Set(itemsVocab.leadWords.filter((w) => /[\u3400-\u9fff]$/.test(w)).map((w) => w[w.length - 1]!));
const priceLabels = labelList([...itemsVocab.priceLabels].map((l) => l.toLowerCase()).sort((a, b) => b.length - a.length));
const notPriceLabels = labelList(itemsVocab.notPriceLabels.map((l) => l.toLowerCase()));
const perUnitWords = itemsVocab.perUnitWords.map((w) => w.toLowerCase());
const productStops = itemsVocab.productStops.map((w) => w.toLowerCase());
/** One alternation of literal words: a single linear pass removes them all. */
const notProduct = new RegExp(alternation(itemsVocab.notProduct), "g");
const notProductAlone = new Set(itemsVocab.notProductAlone.map((w) => w.toLowerCase()));
const leadingFillers = new RegExp(`^(?:(?:${alternation(itemsVocab.leadingFillers)})\\s?)+`, "i");
const packSpecFollowers = itemsVocab.packSpecFollowers.map((w) => w.toLowerCase());
const englishUnits = new Set([...units.enCount, ...units.enMeasure]);
/** English units by kind, for units glued to their number ("5000pcs", "200kg"), which the cue matcher reads only as words. */
const gluedUnitKinds = new Map<string, UnitKind>([
  // Glued lengths and small volumes ("1.0mm", "350ml", "140cm") describe the product; masses, areas and bulk volumes
  // are ordered ("120㎡" folds to "120m2").
  ...["kg", "kgs", "lb", "lbs", "ton", "tons", "tonne", "tonnes", "mt", "cbm", "m2", "m3", "sqm", "sqft"].map((u) => [u, "enMeasure"] as const),
  ...units.enCount.map((u) => [u.toLowerCase(), "enCount"] as const),
]);
const MAX_GLUED_UNIT = 10;

/** The English unit glued to the number ending at `end` ("5000pcs"), when the letters there are one. */
function gluedUnit(lower: string, end: number): UnitHit | undefined {
  let j = end;
  while (j - end <= MAX_GLUED_UNIT && isLetterAt(lower, j)) j++;
  // "120m2", "30m3": an area's or volume's unit ends in its power.
  if (j > end && (lower[j] === "2" || lower[j] === "3") && gluedUnitKinds.has(lower.slice(end, j + 1))) j++;
  if (j === end || j - end > MAX_GLUED_UNIT || isDigitAt(lower, j)) return undefined;
  const unit = lower.slice(end, j);
  const kind = gluedUnitKinds.get(unit);
  return kind ? { end: j, kind, unit } : undefined;
}
const zhClassifiers = new Set([...units.zhCount, ...units.zhMeasure].filter((u) => u.length === 1));

/** Words after a bare English number that make it a time, a share or a price per unit ("at 0.62 each"), not a quantity. */
const NOT_AFTER_BARE = new Set(itemsVocab.notCountedAfter.map((w) => w.toLowerCase()));

/** A marker right before a count: " x 60", "× 60", "qty: 50", "quantity 50", "数量：50". */
const COUNT_MARKER_BEFORE = /(?:[\s(][x×*]|^[x×*]|\bqty\.?|\bquantity|数量)\s?[:：=]?\s?$/;

/** A change of quantity: "由8吨改成12吨", "from 50 to 80": the first number is the old one. */
const CHANGE_AFTER = /^\s?(?:改成|改为|变成|调整为|调整到|改到|加到|增加到|增至|减少到|减到|减至|调到|调成|->|→|to|changed to|increased to|reduced to)\s?[\d一二两三四五六七八九十百千万]/;

/** "200l drums", "20 kg bags", "6ft tubes": a pack size or length between "N x" and the thing counted. */
const PACK_SIZE_AFTER_X = /^\d{1,4}(?:\.\d{1,2})?\s?(?:l|ml|kg|g|lb|oz|litre|liter|ft|m|m2|m3|cm|mm)\s[a-z]/;

/** Words that join one item of a list to the next. */
const JOINERS = ["还有", "以及", "另外", "加上", "同埋", "和", "跟", "及", "、", "\\band\\b", "\\+", "&"];
const LIST_JOINER = new RegExp(JOINERS.join("|"));
/** A joining word left at the end of a name cut at the next item; 加 joins items only there ("厢货加3个师傅"). */
const TRAILING_JOINER = new RegExp(`(?:\\s?(?:${[...JOINERS, "加"].join("|")}))+$`, "i");

/** "共一百二十件", "合计 120", "120 in total": a total after per-item counts. */
const TOTAL_BEFORE = /(?:共|一共|总共|合计|共计|总计|total(?:\sof)?|in\sall)\s?[:：]?\s?$/;
/** "每箱24瓶": what a container holds ("每个200件" is a count for each, not a pack). */
const PER_PACK_BEFORE = /每\s?[箱盒包袋桶托扎捆板提罐]\s?$/;
/** "各40件", "每款40件", "40 each": a count for every one of several items. */
const EACH_BEFORE = /(?:各|每款|每样|每种|每色|每个颜色|each\sof)\s?$/;
const EACH_AFTER = /^\s?(?:each|apiece|of each)\b/;

interface Quantity {
  value: number;
  start: number;
  end: number;
  unit?: string;
  rank: number;
  english: boolean;
  clause: { start: number; end: number };
}

/**
 * Written out field by field: V8 gave the object spread's copies a longer life than they have (they
 * were promoted out of the young generation), which made every scavenge slower.
 */
function withClause(q: Omit<Quantity, "clause">, clause: Quantity["clause"]): Quantity {
  return { value: q.value, start: q.start, end: q.end, unit: q.unit, rank: q.rank, english: q.english, clause };
}

/** More candidates than any real order lists; keeps a text made of numbers linear. */
const MAX_QUANTITIES = 16;
const MAX_PRICE_NUMBERS = 200;

/** Ranks: a count unit (箱, pcs) beats a measure (吨, kg), which beats "3 x …", "N of …" or a bare number. */
const RANK = { zhCount: 4, enCount: 4, zhMeasure: 3, enMeasure: 3, times: 2, bare: 1 } as const;

function skipSpaces(lower: string, i: number): number {
  let j = i;
  while (isOneOfAt(lower, j, " ") && j - i < 2) j++;
  return j;
}

function overlaps(a: { start: number; end: number }, spans: { start: number; end: number }[]): boolean {
  for (const s of spans) if (s.start < a.end && a.start < s.end) return true;
  return false;
}

function followedByPackSpec(lower: string, end: number): boolean {
  const at = skipSpaces(lower, end);
  return packSpecFollowers.some((f) => lower.startsWith(f, at) && !(f === "x" && isLetterAt(lower, at + 1)));
}

/** "to 12", "No. 5", "suite 300": a number that is part of an address. */
function addressLikeBefore(lower: string, start: number): boolean {
  return /(?:\bto|\bat|\bno\.?|#|\bsuite|\bunit|\bfloor)\s$/.test(lower.slice(Math.max(0, start - 7), start));
}

/** Words after "x3" that end an item rather than name a model ("KMC X11 chains"). */
const ITEM_ENDERS = new Set([...NOT_AFTER_BARE, "please", "pls", "plz", "thanks", "thx", "thank", "by", "asap"]);

/**
 * "纸杯再要一千二，": a Chinese numeral right after an order word and before a pause is the count, unit or not, and
 * beside counts with units an item of its own ("浴巾 六百条；洗发水要一万五，"). "还要三，四天" is a span of days.
 */
function spokenCount(text: string, lower: string, n: { start: number; end: number }): boolean {
  if (!leadEnds.has(text[n.start - 1] ?? "") || !/^[\s，,。；;]|^$/.test(lower.slice(n.end, n.end + 1))) return false;
  return !CHINESE_DIGITS.has(lower[n.end + 1] ?? "");
}

/** "KMC X11 chains": an English word after an "x"-number makes it a model name, unless that word is a unit or ends the item. */
function modelNameAfter(lower: string, end: number, unitHits: Map<number, unknown>): boolean {
  const at = skipSpaces(lower, end);
  if (!isLetterAt(lower, at) || unitHits.has(at)) return false;
  const word = /^[a-z]+/.exec(lower.slice(at, at + 12))?.[0] ?? "";
  return !ITEM_ENDERS.has(word);
}

function readQuantity(scan: Scan, n: NumberToken, unitHits: Map<number, UnitHit>): Omit<Quantity, "clause"> | undefined {
  const { lower, text } = scan;
  // "蓝牙耳机 x3": a count right after its "x" marker, glued to it.
  const afterX = n.glued && !n.chinese && isOneOfAt(lower, n.start - 1, "x") && /[\s(\u3400-\u9fff]/.test(lower[n.start - 2] ?? "");
  if (afterX && !isLetterAt(lower, n.end) && !isOneOfAt(lower, n.end, "%/.-×*") && !modelNameAfter(lower, n.end, unitHits)) {
    return { value: n.value, start: n.start, end: n.end, rank: RANK.times, english: false };
  }
  // "4x Shimano chainsets", "6× 折叠桌": a count glued to its "x".
  if (!n.glued && !n.chinese && isOneOfAt(lower, n.end, "x×") && lower[n.end + 1] === " " && /[a-z\u3400-\u9fff]/.test(lower[n.end + 2] ?? "")) {
    return { value: n.value, start: n.start, end: n.end + 2, rank: RANK.times, english: true };
  }
  // "@ 1.10 ea": a number after "@" is a price.
  if (/@\s?$/.test(lower.slice(Math.max(0, n.start - 2), n.start))) return undefined;
  if (n.glued || isOneOfAt(lower, n.end, "%/.-")) return undefined;
  // "0.3g*20粒", "60×40": a count inside a pack or size spec, not the ordered quantity.
  if (isOneOfAt(lower, n.start - 1, "*×") && /[0-9a-z\u3400-\u9fff]/.test(lower[n.start - 2] ?? "")) return undefined;
  // 12:30 is a time on either side of the colon.
  if (isOneOfAt(lower, n.end, ":") || (isOneOfAt(lower, n.start - 1, ":") && isDigitAt(lower, n.start - 2))) return undefined;
  if (isLetterAt(lower, n.end) && !unitHits.has(n.end)) return undefined;
  let at = skipSpaces(lower, n.end);
  // "3 more boxes", "2 extra pallets": the unit follows the adjective.
  const extra = isLetterAt(lower, at) ? /^(more|extra|additional|further)\s/.exec(lower.slice(at, at + 12)) : null;
  if (extra && unitHits.has(at + extra[0].length)) at += extra[0].length;
  const unit = unitHits.get(at);
  if (unit) {
    if (followedByPackSpec(lower, unit.end)) return undefined;
    return { value: n.value, start: n.start, end: unit.end, unit: (scan.unfolded ?? text).slice(at, unit.end), rank: RANK[unit.kind], english: unit.kind.startsWith("en") };
  }
  if (n.chinese && n.value >= 2 && spokenCount(text, lower, n)) return { value: n.value, start: n.start, end: n.end, rank: RANK.zhCount, english: false };
  if (n.chinese) return undefined;
  // "NS-02 x 60", "qty 50", "数量：50": the count comes after its marker, the product before it.
  if (COUNT_MARKER_BEFORE.test(lower.slice(Math.max(0, n.start - 10), n.start)) && !/^\s?[x×*]\s?\d/.test(lower.slice(n.end, n.end + 3))) {
    return { value: n.value, start: n.start, end: n.end, rank: RANK.times, english: isLetterAt(lower, skipSpaces(lower, n.end)) };
  }
  // What is left needs "x", "×", "*" or an English word after the number.
  if (!isLetterAt(lower, at) && !isOneOfAt(lower, at, "×*")) return undefined;
  const rest = lower.slice(at, at + 24);
  const times = /^(x|×|\*)\s/.exec(rest);
  // "- 20 x 折叠桌": a Chinese name after the "x" counts like an English one; so does a pack size ("4 x 200l drums").
  const next = at + (times?.[0].length ?? 0);
  if (times && (isLetterAt(lower, next) || /[\u3400-\u9fff]/.test(lower[next] ?? "") || PACK_SIZE_AFTER_X.test(lower.slice(next, next + 16)))) {
    return { value: n.value, start: n.start, end: at + times[0].length, rank: RANK.times, english: true };
  }
  // "100 in total" after per-item counts: the total is a count.
  if (/^(?:in total|total)\b/.test(rest)) return { value: n.value, start: n.start, end: at, rank: RANK.times, english: true };
  const word = /^[a-z][a-z-]{0,20}/.exec(rest)?.[0];
  // "(200 series)": a number in brackets describes the item; "HDMI 2.1 cables": a fraction without a unit counts nothing.
  const describes = isOneOfAt(lower, n.start - 1, "(") || !Number.isInteger(n.value);
  if (word && at > n.end && !NOT_AFTER_BARE.has(word) && !addressLikeBefore(lower, n.start) && !describes) {
    const ofThe = /^of\s(the\s)?/.exec(rest);
    if (ofThe) return { value: n.value, start: n.start, end: at + ofThe[0].length, rank: RANK.times, english: true };
    return { value: n.value, start: n.start, end: at, rank: RANK.bare, english: true };
  }
  if (lower.startsWith("of ", at)) {
    return { value: n.value, start: n.start, end: at + 3, rank: RANK.times, english: true };
  }
  return undefined;
}

/** JavaScript's \s, and the words that may stand between a label and its amount ("单价是", "价格还是 38"). */
const FILLER_CHARS = new Set([..."\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff:：是按为约都也就还仍"].map((c) => c.charCodeAt(0)));
const FILLER_PAIRS = ["还是", "仍然"];
const MAX_FILLERS = 4;
/** How far before an amount its label is looked for. */
const LABEL_WINDOW = 12;

function startsWithPair(lower: string, at: number): boolean {
  for (const w of FILLER_PAIRS) if (lower.startsWith(w, at)) return true;
  return false;
}

/**
 * Where a label before `start` must end: before the longest run of at most MAX_FILLERS filler words
 * that ends at `start` within the window (a pair counts as one word, so its characters can go further).
 */
function labelEnd(lower: string, windowStart: number, start: number): number {
  // Fewest words that make up the last k characters, for k - 1 and k - 2.
  let shorter = 0;
  let shorter2 = Infinity;
  let longest = 0;
  for (let k = 1; k <= MAX_FILLERS * 2 && start - k >= windowStart; k++) {
    const at = start - k;
    const single = FILLER_CHARS.has(lower.charCodeAt(at)) ? shorter + 1 : Infinity;
    const pair = startsWithPair(lower, at) ? shorter2 + 1 : Infinity;
    const words = Math.min(single, pair);
    if (words <= MAX_FILLERS) longest = k;
    // Two lengths in a row that no filler words make up: no longer one can be made up either.
    if (words === Infinity && shorter === Infinity) break;
    shorter2 = shorter;
    shorter = words;
  }
  return start - longest;
}

interface LabelList {
  labels: string[];
  /** Last code units of the labels: a label can end only before one of them (none with an empty label). */
  lastCodes?: Set<number>;
}

function labelList(labels: string[]): LabelList {
  if (labels.some((l) => l.length === 0)) return { labels };
  return { labels, lastCodes: new Set(labels.map((l) => l.charCodeAt(l.length - 1))) };
}

function labelBefore(lower: string, windowStart: number, end: number, { labels, lastCodes }: LabelList): boolean {
  if (lastCodes && !lastCodes.has(lower.charCodeAt(end - 1))) return false;
  for (const l of labels) {
    const at = end - l.length;
    // An English label is a whole word: "at 12" labels a price, "Sat 10am" does not.
    if (at >= windowStart && lower.startsWith(l, at) && !(isLetterAt(lower, at) && isLetterAt(lower, at - 1))) return true;
  }
  return false;
}

const BLOCK = "块".charCodeAt(0);
const ZH_CLASSIFIER_CODES = new Set([...zhClassifiers].map((c) => c.charCodeAt(0)));
const ZH_UNIT_START_CODES = new Set([...zhUnitStarts].map((c) => c.charCodeAt(0)));

/** "一箱" / "每吨" right before a number: the number is a per-unit price. */
function perUnitBefore(lower: string, start: number): boolean {
  let j = start;
  while (j > 0 && lower.startsWith(" ", j - 1) && start - j < 2) j--;
  const unit = lower.charCodeAt(j - 1);
  return j >= 2 && (ZH_CLASSIFIER_CODES.has(unit) || unit === BLOCK) && (lower.startsWith("一", j - 2) || lower.startsWith("每", j - 2));
}

/** "/箱" after an amount marks a per-unit price; after a bare number ("12/case") it is a pack size. */
function perUnitAfter(lower: string, end: number, isMoney: boolean): boolean {
  const at = skipSpaces(lower, end);
  if (lower.startsWith("/", at) && !isDigitAt(lower, at + 1)) {
    if (isMoney) return true;
    // "0.65/条", "1.1万/吨", "26/箱": a decimal, a 万/k amount or a Chinese unit after "/" is a price;
    // "12/case" (a bare count per English unit) is a pack size.
    const token = lower.slice(Math.max(0, end - 8), end);
    const unitAfter = skipSpaces(lower, at + 1);
    return /\.\d+$|[万千kw]$/.test(token) || ZH_CLASSIFIER_CODES.has(lower.charCodeAt(unitAfter)) || ZH_UNIT_START_CODES.has(lower.charCodeAt(unitAfter));
  }
  if (lower.startsWith("一", at) && (ZH_CLASSIFIER_CODES.has(lower.charCodeAt(at + 1)) || lower.charCodeAt(at + 1) === BLOCK)) return true;
  for (const w of perUnitWords) if (w !== "/" && lower.startsWith(w, at) && !isLetterAt(lower, at + w.length)) return true;
  // "$41 a carton": a/an before a unit word.
  if (!lower.startsWith("a", at)) return false;
  const article = /^an? ([a-z]{1,12})\b/.exec(lower.slice(at, at + 16));
  return article !== null && englishUnits.has(article[1]!);
}

interface Price {
  value: number;
  start: number;
  end: number;
  currency?: Currency;
}

/*
 * Plain loops rather than some/find with an arrow function: these run for every number of a message,
 * and each arrow that captures the loop's variables is an allocation.
 */

function startsQuantity(quantities: Quantity[], start: number): boolean {
  for (const q of quantities) if (q.start === start) return true;
  return false;
}

function inQuantityClause(quantities: Quantity[], at: number): boolean {
  for (const q of quantities) if (at >= q.end && at <= q.clause.end) return true;
  return false;
}

function moneyAround(money: Money[], n: NumberToken): Money | undefined {
  for (const m of money) if (m.start <= n.start && m.end >= n.end) return m;
  return undefined;
}

/**
 * "洗发水30ml 四千瓶 0.65": a decimal right after a Chinese count with its unit, standing alone, is the price of
 * one. One read with a unit ("3.5mm") is a measure and never reaches here; a dimension word after it ("3.5 厚")
 * makes it a size too.
 */
function decimalAfterCount(lower: string, quantities: Quantity[], n: NumberToken): boolean {
  if (n.chinese || !lower.slice(n.start, n.end).includes(".")) return false;
  if (!/^(?:\s|$|[,，;；。])/.test(lower.slice(n.end, n.end + 1))) return false;
  if (/^\s?[厚宽长高深]/.test(lower.slice(n.end, n.end + 2))) return false;
  for (const q of quantities) if (!q.english && q.unit !== undefined && /^\s{1,2}$/.test(lower.slice(q.end, n.start))) return true;
  return false;
}

/** `measured`: every number read with a unit, kept or not: "4.2米" after "一辆" is a size, never a price. */
function findPrices(scan: Scan, quantities: Quantity[], measured: Quantity[]): Price[] {
  const { lower, numbers, money } = scan;
  const prices: Price[] = [];
  // Prices stand near their items: start at the first item's clause, and look at a bounded number.
  const from = quantities[0]?.clause.start ?? 0;
  let looked = 0;
  let lastMoney: Money | undefined;
  for (const n of numbers) {
    if (n.start < from) continue;
    if (++looked > MAX_PRICE_NUMBERS) break;
    if ((n.glued && !moneyAround(money, n)) || lower.startsWith("%", n.end)) continue;
    if (startsQuantity(quantities, n.start) || startsQuantity(measured, n.start)) continue;
    const m = moneyAround(money, n);
    // "7块2" is one amount of two numbers: read it once.
    if (m !== undefined && m === lastMoney) continue;
    lastMoney = m;
    const start = m?.start ?? n.start;
    const end = m?.end ?? n.end;
    const windowStart = Math.max(0, start - LABEL_WINDOW);
    const labelAt = labelEnd(lower, windowStart, start);
    if (labelBefore(lower, windowStart, labelAt, notPriceLabels)) continue;
    // "at 18 Mill St" is an address: after "at" only an amount with its currency is a price ("80卷@12" is one).
    const priceLabel = labelBefore(lower, windowStart, labelAt, priceLabels) && (m !== undefined || !/\bat\s{0,2}$/.test(lower.slice(windowStart, start)));
    const labelled = priceLabel || perUnitBefore(lower, start);
    const inItemClause = m !== undefined && inQuantityClause(quantities, start);
    if (labelled || perUnitAfter(lower, end, m !== undefined) || inItemClause || decimalAfterCount(lower, quantities, n)) {
      prices.push({ value: m?.value ?? n.value, start, end, currency: m?.currency });
    }
  }
  return prices;
}

function moneyEndsAt(money: Money[], at: number): boolean {
  for (const m of money) if (m.end === at) return true;
  return false;
}

/**
 * "一箱 360" and "32一箱": a 一 + classifier next to a number is a per-unit marker, not a quantity of one.
 */
function isPerUnitMarker(scan: Scan, n: NumberToken, unitHits: Map<number, { kind: UnitKind }>): boolean {
  if (!n.chinese || n.value !== 1) return false;
  const afterUnit = skipSpaces(scan.lower, n.end + 1);
  // A measure after it sizes the item ("一辆4.2米厢货"); a count after it packs it ("一箱24瓶").
  const sized = /^\d+(?:\.\d+)?\s?/.exec(scan.lower.slice(afterUnit, afterUnit + 12));
  const sizeKind = sized ? unitHits.get(afterUnit + sized[0].length)?.kind : undefined;
  if (sizeKind === "zhMeasure" || sizeKind === "enMeasure") return false;
  // "一毛五一个", "两块一个": an amount in Chinese numerals or money words before it is the price.
  const prev = scan.text[n.start - 1] ?? "";
  const amountBefore = CHINESE_DIGITS.has(prev) || prev === "毛" || prev === "块" || prev === "元" || prev === "角";
  // "HK$420 一块": one space may stand between the amount and its unit.
  const spaced = prev === " " ? n.start - 1 : n.start;
  // "对开门冰箱 KA92 一台": digits glued to a model's letters are its name, no amount ("RMB2680一台" is money, read below).
  const modelBefore = scan.numbers.some((m) => m.end === spaced && m.glued);
  const amountDigitsBefore = isDigitAt(scan.text, spaced - 1) && !modelBefore;
  return amountDigitsBefore || isDigitAt(scan.text, afterUnit) || moneyEndsAt(scan.money, spaced) || amountBefore;
}

function cutAtStops(s: string): string {
  const lower = s.toLowerCase();
  let cut = s.length;
  for (const stop of productStops) {
    const i = lower.indexOf(stop);
    if (i >= 0 && i < cut) cut = i;
  }
  return s.slice(0, cut);
}

function cleanProduct(s: string): string {
  // Quotes, brackets, dashes and the bullets and emoji of a list ("◆ SBS防水卷材", "✅ 纸箱") are no part of a name;
  // a closing bracket is when its name ends in the bracketed grade ("鲍鱼(8头)").
  let out = s.replace(/^[\s"'“”‘’「」【】()\-–—~·.•\p{So}]+|[\s"'“”‘’「」【】()\-–—~·.•\p{So}]+$/gu, "");
  if (/\([^()]*\)\s*$/.test(s) && out.includes("(")) out += ")";
  // "(急) 纸箱", "【加急】A4纸": a tag whose opening bracket fell before the name is cut with its closing one.
  out = out.replace(/^[^(（【[]{1,8}[)）】\]]\s*(?=\S)/u, "");
  out = out.replace(/(?:^|\s)(?:[x×*]|qty\.?|quantity)\s?[:：]?$/i, "").replace(/数量\s?[:：]?$/, "").trim();
  // "折叠椅 FC-09": a model code after a Chinese name is not part of the core product name.
  const model = /^([\u3400-\u9fff]{2,})\s[A-Za-z]{1,4}-?\d[A-Za-z0-9-]{0,10}$/u.exec(out);
  if (model) out = model[1]!;
  out = out.replace(/^(of\s)?(the\s)?((more|extra|additional)\s)?/i, "").replace(/^的\s?/, "").trim();
  // A filler is not a lead word: 个 ends 那个 and also counts ("每个三千五"), so it is cut only from a name, and a
  // name of fillers alone ("这个200箱") is none.
  const unfilled = out.replace(leadingFillers, "").trim();
  return unfilled === "" || looksLikeProduct(unfilled) ? unfilled : out;
}

/** True when a candidate is more than filler words (上次, 本周, the same …), refs or numbers. */
function looksLikeProduct(s: string): boolean {
  if (notProductAlone.has(s.trim().toLowerCase())) return false;
  const rest = s
    .toLowerCase()
    .replace(notProduct, "")
    .replace(/[\s\d.,:;/#\-()]+/g, "");
  return rest.length >= 2;
}

function afterLastDe(s: string): string {
  const i = s.lastIndexOf("的");
  if (i < 0) return s;
  const tail = s.slice(i + 1).trim();
  return looksLikeProduct(tail) ? tail : s;
}

/** The text from `from` to `to` with dates blanked out: "下周五要 三千套" names no product "下周五". */
function blankDates(scan: Scan, from: number, to: number): string {
  let out = scan.text.slice(from, to);
  for (const d of scan.dates) {
    if (d.end <= from || d.start >= to) continue;
    const s = Math.max(d.start, from) - from;
    const e = Math.min(d.end, to) - from;
    out = out.slice(0, s) + " ".repeat(e - s) + out.slice(e);
  }
  return out;
}

/** The text between the last order word and the quantity, or before that word when nothing is between. */
function productBefore(scan: Scan, clauseStart: number, q: Quantity, erase: string[], end = q.start): string | undefined {
  // "台布从120条改为150条": the count it is changed from is no part of the name.
  let segment = blankDates(scan, clauseStart, end)
    .replace(/(?:由|从)\s?[\d〇零一二两三四五六七八九十百千万.,]+\s?[^\s\d]{0,3}\s?$/u, "")
    .replace(/(?:由|从|各|每款|每样|每种|from|each of)\s?$/i, "");
  for (const e of erase) if (e) segment = segment.split(e).join(" ");
  const lowerSegment = segment.toLowerCase();
  const hits = leadHits(lowerSegment);
  const bounds = [0, ...hits.flatMap((h) => [h.start, h.end]), segment.length];
  for (let k = bounds.length - 2; k >= 0; k -= 2) {
    const piece = cleanProduct(afterLastDe(segment.slice(bounds[k]!, bounds[k + 1]!)));
    if (looksLikeProduct(piece) && !/\d{5,}/.test(piece)) return piece;
  }
  return undefined;
}

/** Further than this after its count no product name runs; the bound keeps a clause of counts linear. */
const MAX_PRODUCT_AFTER = 120;

/**
 * The name after a count runs to the end of its clause, or to the next count with a unit or after a joining word
 * ("80 lb clams + 30 lb scallops"); a bare number inside the name ("25k pcs 0603 10k resistors") does not end it.
 */
function productAfter(scan: Scan, q: Quantity, clauseEnd: number, next?: Quantity): string | undefined {
  const listedNext = next && next.start > q.end && (next.unit !== undefined || LIST_JOINER.test(scan.lower.slice(q.end, next.start)));
  const end = Math.min(clauseEnd, listedNext ? next.start : Infinity, q.end + MAX_PRODUCT_AFTER);
  let piece = cleanProduct(cutAtStops(blankDates(scan, q.end, end)).replace(/\s{2,}.*$/s, ""));
  // "80 lb clams + 30 lb scallops", "一辆厢货加3个师傅": the word joining the next item is not part of this one's name.
  if (listedNext) piece = piece.replace(TRAILING_JOINER, "").trim();
  return looksLikeProduct(piece) ? piece : undefined;
}

/** A neighbouring clause naming the product alone ("五层牛皮纸箱 60x40x40，一万个"). */
function productNearby(scan: Scan, clause: { start: number; end: number }, quantities: Quantity[]): string | undefined {
  const { text } = scan;
  const neighbours: { start: number; end: number }[] = [];
  if (clause.start > 1) neighbours.push(clauseAround(text, clause.start - 2));
  if (clause.end + 1 < text.length) neighbours.push(clauseAround(text, clause.end + 1));
  for (const n of neighbours) {
    if (quantities.some((q) => q.start >= n.start && q.start < n.end)) continue;
    const raw = text.slice(n.start, n.end);
    const hits = leadHits(raw.toLowerCase());
    const tail = hits.length > 0 ? raw.slice(hits[hits.length - 1]!.end) : raw;
    const piece = cleanProduct(afterLastDe(cutAtStops(tail)));
    if (looksLikeProduct(piece)) return piece;
  }
  return undefined;
}

/** "由8吨改成12吨": a quantity changed into a later one is not the order's quantity. */
function isOldQuantity(scan: Scan, q: Quantity, all: Quantity[]): boolean {
  return CHANGE_AFTER.test(scan.lower.slice(q.end, q.end + 16)) && all.some((o) => o.start > q.end && o.start - q.end <= 16);
}

/** "kg avocados at A$6.90/kg and …": a name, then a word joining the next item ("42码 和 43码" names nothing). */
function namedBeforeJoiner(between: string): boolean {
  const join = LIST_JOINER.exec(between);
  return join !== null && /[a-z]{3}|[\u3400-\u9fff]{2}/.test(between.slice(0, join.index));
}

/** "60只 每只168", "200斤 18块一斤": a per-unit price in the quantity's own unit follows it before `until`. */
function pricedPerOwnUnit(lower: string, q: Quantity, until: number): boolean {
  if (q.unit === undefined || !/^[\u3400-\u9fff]+$/.test(q.unit)) return false;
  const between = lower.slice(q.end, Math.min(until, q.end + 24));
  return between.includes(`每${q.unit}`) || between.includes(`/${q.unit}`) || between.includes(`一${q.unit}`);
}

/**
 * "全棉府绸40支 白色 3千米", "茶饼357克 三百饼", "鲍鱼(8头) 600只": a number glued to the product name, or in brackets
 * right after it, with another unit, followed in the same clause by the real count in a different unit, is part of
 * the spec.
 */
function isSpecCount(scan: Scan, q: Quantity, all: Quantity[]): boolean {
  const bracketed = isOneOfAt(scan.text, q.start - 1, "(（") && isOneOfAt(scan.text, q.end, ")）");
  const prev = scan.text[bracketed ? q.start - 2 : q.start - 1];
  if (prev === undefined || !/[\u3400-\u9fff]/.test(prev) || leadEnds.has(prev)) return false;
  return all.some(
    (o) =>
      o !== q && o.start > q.end && o.start < q.clause.end && o.unit !== undefined && o.unit !== q.unit && o.rank >= RANK.zhMeasure &&
      // "面粉三十包 还有黄油十箱": a second item joined by a conjunction, not the real count of the first; "龙虾60只 每只168
      // 青口200斤": a count priced per its own unit right after it is what is ordered.
      !LIST_JOINER.test(scan.lower.slice(q.end, o.start)) &&
      !pricedPerOwnUnit(scan.lower, q, o.start) &&
      // "路由器一台 吸顶AP四个": a count in pieces, a space and the next item's own name lists two items.
      !(q.rank === RANK.zhCount && /^\s+[^\s\d]{2,}/.test(scan.lower.slice(q.end, o.start))),
  );
}

/**
 * "S/M/L各40件 共一百二十件", "40 pcs each, 120 in total": per-item counts followed by their total; the total is
 * the quantity ordered, the per-item count only how it splits.
 */
function isPerItemBeforeTotal(scan: Scan, q: Quantity, all: Quantity[]): boolean {
  const { lower } = scan;
  const each = EACH_BEFORE.test(lower.slice(Math.max(0, q.start - 6), q.start)) || EACH_AFTER.test(lower.slice(q.end, q.end + 10));
  if (!each) return false;
  for (const o of all) {
    if (o.start <= q.end || o.start - q.end > 24 || o.value <= q.value) continue;
    if (TOTAL_BEFORE.test(lower.slice(Math.max(0, o.start - 10), o.start)) || /^\s?(?:in total|total)\b/.test(lower.slice(o.end, o.end + 10))) return true;
  }
  return false;
}

/**
 * "- 15 x height-adjustable desk, 140 cm @ USD 264": a measure on a line that already counts its item with "N x"
 * is the item's size, not what is ordered; a bare number right after it is part of its name.
 */
function isSizeOfCountedItem(scan: Scan, q: Quantity, all: Quantity[]): boolean {
  if (q.rank === RANK.zhMeasure) return insideCountedItem(scan.lower, q, all, false);
  // "4x Shimano 105 chainsets": a bare number inside the counted item's name is its model.
  return q.rank === RANK.bare && insideCountedItem(scan.lower, q, all, true);
}

/** Whether `q` stands on the line of an "N x" count before it, within that item when `sameItem` (no comma or "and" between). */
function insideCountedItem(lower: string, q: Quantity, all: Quantity[], sameItem: boolean): boolean {
  for (const o of all) {
    if (o.rank !== RANK.times || o.start >= q.start || q.start - o.end > 60) continue;
    if (!/[x×*]\s?$/.test(lower.slice(o.start, o.end))) continue;
    const between = lower.slice(o.end, q.start);
    if (sameItem ? !/[\n,，;；、]|\band\b/.test(between) : !between.includes("\n")) return true;
  }
  return false;
}

/** How far after a bare count its per-unit price may stand: "2,880 Besser blocks (200 series) at $2.65 per block". */
const PRICE_REACH = 60;

/** A number inside another item's name is no count of its own. */
function insideAnotherName(lower: string, q: Quantity, previous: Quantity | undefined, all: Quantity[]): boolean {
  const between = previous ? lower.slice(previous.end, q.start) : "";
  // "1,200 ft of 12 AWG wire", "40 x hose 1/2\" x 36\"".
  if (previous && /^\s?(?:of\s)?$/.test(between)) return true;
  // "18 tonnes MOT Type 1 sub-base at £28.50/t": a bare number in the name of a measured item.
  if (previous?.unit !== undefined && q.unit === undefined && !/[\n,，;；、]/.test(between) && !LIST_JOINER.test(between)) return true;
  return insideCountedItem(lower, q, all, true);
}

/**
 * An English count without a unit word that is ordered all the same: its item is priced per unit before the next
 * count ("12 LED wall panels (P3.9) at SGD 280 per panel", "4x chainsets @ 189"), or it follows an order word
 * ("need 2,880 Besser blocks"). Such a count stands beside counts with units ("40 bags of cement") instead of
 * giving way to them as a stray number would.
 */
function orderedAsCounted(lower: string, q: Quantity, previous: Quantity | undefined, next: Quantity | undefined, prices: Price[], all: Quantity[]): boolean {
  if (insideAnotherName(lower, q, previous, all)) return false;
  if (q.rank === RANK.bare && (ledByOrderWord(lower, q.start) || opensMessage(lower, q.start))) return true;
  const until = Math.min(next?.start ?? Infinity, q.end + PRICE_REACH);
  return prices.some((p) => p.start >= q.end && p.start < until);
}

function withRank(q: Quantity, rank: number): Quantity {
  const ranked = withClause(q, q.clause);
  ranked.rank = rank;
  return ranked;
}

/** "红酒 12支装 30箱": a pack size (a unit ending in 装) before the count of packs in its clause. */
function isPackSize(q: Quantity, all: Quantity[]): boolean {
  if (q.unit === undefined || !q.unit.endsWith("装")) return false;
  for (const o of all) if (o !== q && o.start > q.end && o.start < q.clause.end) return true;
  return false;
}

const EN_UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const EN_COUNT = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(one|two|three|four|five|six|seven|eight|nine))?(?:\s(hundred|thousand))?\b/g;
const MAX_WORD_COUNTS = 8;
/** A price right after a count and its name: "@ $4.25", "at £9", "$12 each". */
const PRICED_SOON = /^[^,，;；。\n]*?(?:@|\bat\s?[$£€¥]|[$£€¥]\s?\d)/;
const PRICED_REACH = 40;

/**
 * Counts written in English words ("fifty units", "two hundred cartons"). Below a hundred they are marked like
 * Chinese numerals, so they count only with a unit after them ("one of our pickers" orders nothing), unless a price
 * follows in their clause ("forty inner tubes @ $4.25") or an order word comes right before them ("I'd like two
 * lattes"). From a hundred up nobody says them but of goods ("three hundred brioche buns").
 */
function englishCounts(lower: string): NumberToken[] {
  const out: NumberToken[] = [];
  EN_COUNT.lastIndex = 0;
  for (let m = EN_COUNT.exec(lower); m !== null && out.length < MAX_WORD_COUNTS; m = EN_COUNT.exec(lower)) {
    let value = EN_UNITS[m[1]!]! + (m[2] ? EN_UNITS[m[2]]! : 0);
    if (m[3] === "hundred") value *= 100;
    if (m[3] === "thousand") value *= 1000;
    const end = m.index + m[0].length;
    const previous = out[out.length - 1];
    // "two flat whites and one oat cappuccino": a count listed after an ordered one is ordered too.
    const listed = previous !== undefined && !previous.chinese && LISTED_AFTER.test(lower.slice(previous.end, m.index));
    const likeDigits =
      value >= 100 || (value >= 2 && PRICED_SOON.test(lower.slice(end, end + PRICED_REACH))) || orderedHere(lower, m.index, end, true) || listed;
    out.push({ value, start: m.index, end, chinese: !likeDigits, glued: false });
  }
  return out;
}

/**
 * "can I have a Mocha": "a" after an order word, in a message with no other count, is one; so is "a" listed after a
 * count ("2 lattes and a mocha").
 */
function impliedOnes(lower: string, counts: NumberToken[], otherCounts: boolean): NumberToken[] {
  const out: NumberToken[] = [];
  let previous = -1;
  A_COUNT.lastIndex = 0;
  for (let m = A_COUNT.exec(lower); m !== null && out.length < MAX_WORD_COUNTS; m = A_COUNT.exec(lower)) {
    const end = m.index + m[1]!.length;
    while (previous + 1 < counts.length && counts[previous + 1]!.end <= m.index) previous++;
    const listed = previous >= 0 && LISTED_AFTER.test(lower.slice(counts[previous]!.end, m.index));
    if (listed || (!otherCounts && orderedHere(lower, m.index, end))) out.push({ value: 1, start: m.index, end, chinese: false, glued: false });
  }
  return out;
}

/**
 * "I'd like two lattes", "can I have a Mocha", "order me a large pepperoni": a count word, or "a", right after an
 * order word is the count of what follows, as people order at a counter.
 */
function orderedHere(lower: string, start: number, end: number, opening = false): boolean {
  if (!ledByOrderWord(lower, start) && !(opening && opensMessage(lower, start))) return false;
  // "We need two more days", "I need two copies of the packing list": a time, a document or hands, not goods.
  const next = /^\s(?:(?:more|extra|additional)\s)?([a-z]+)/.exec(lower.slice(end, end + 24))?.[1];
  return next !== undefined && !NOT_AFTER_BARE.has(next) && !NOT_ORDERED_SPELLED.has(next);
}

/** An order word ends right before `start`, a space apart: "need 2,880 Besser blocks", "I'd like two lattes". */
function ledByOrderWord(lower: string, start: number): boolean {
  const before = lower.slice(Math.max(0, start - 16), start);
  return before.endsWith(" ") && leadHits(before).some((h) => h.end === before.length - 1);
}

/** Only a greeting, or nothing, stands before `start`: "two lattes, one mocha", "hi, 2 flat whites". */
function opensMessage(lower: string, start: number): boolean {
  return start <= OPENING_REACH && OPENING.test(lower.slice(0, start));
}

const NOT_ORDERED_SPELLED = new Set(itemsVocab.notOrderedCounted.map((w) => w.toLowerCase()));
const OPENING = new RegExp(`^(?:(?:${alternation(itemsVocab.openingWords)})[,!.]?\\s)?$`, "i");
/** The longest greeting and its mark: no need to look further into a long message. */
const OPENING_REACH = Math.max(0, ...itemsVocab.openingWords.map((w) => w.length)) + 2;
/** What stands between an ordered count's item and the next count of a list: the item's words and "and" or a comma. */
const LISTED_AFTER = /^[a-z0-9%' -]{1,40}(?:,\s?|\sand\s|\s&\s|,\sand\s)$/;

/** "a" or "an" before what it counts; not before a time, an amount or "few", "lot", "dozen" (read as dozens). */
const A_COUNT = /\b(an?)\s(?!(?:few|couple|lot|bit|little|dozen|half|quarter|week|day|month|year|moment|minute|second|hour|while|total|pair|set)\b)(?=[a-z])/g;

const DOZEN = /\bdozens?\b/g;
const DOZEN_AFTER = /^\s?dozens?\b/;
const DOZEN_WORDS = /\b(half\s)?an?\s(?=dozen\b)/g;

/**
 * "2 dozen", "two dozen", "a dozen", "half a dozen": counts of twelve, read as the number of pieces, with "dozen"
 * as their counting word so the item's name is read after it.
 */
function inDozens(lower: string, numbers: NumberToken[], unitHits: Map<number, UnitHit>): NumberToken[] {
  if (!lower.includes("dozen")) return numbers;
  DOZEN.lastIndex = 0;
  for (let m = DOZEN.exec(lower); m !== null; m = DOZEN.exec(lower)) unitHits.set(m.index, { end: m.index + m[0].length, kind: "enCount", unit: m[0] });
  const out = numbers.map((n) => (!n.glued && DOZEN_AFTER.test(lower.slice(n.end, n.end + 8)) ? { ...n, value: n.value * 12, chinese: false } : n));
  DOZEN_WORDS.lastIndex = 0;
  for (let m = DOZEN_WORDS.exec(lower); m !== null; m = DOZEN_WORDS.exec(lower)) {
    // "$30 a dozen" prices a dozen; it counts none.
    if (/\d\s?$/.test(lower.slice(Math.max(0, m.index - 3), m.index))) continue;
    out.push({ value: m[1] ? 6 : 12, start: m.index, end: m.index + m[0].length - 1, chinese: false, glued: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

const PER_DOZEN = /^\s?(?:a|per|\/)\s?dozen\b/;

/** The counting word of a dozen, which the quantity (in pieces) leaves behind. */
const DOZEN_UNIT = /^dozens?$/i;

/**
 * Where the text naming an item can begin: its clause, or after the item before it in the same clause and that
 * item's price ("包装纸 80卷@12 丝带 30卷@4.5" names 丝带, not "包装纸 80卷@12 丝带").
 */
function itemStart(previous: Quantity | undefined, q: Quantity, prices: Price[]): number {
  if (!previous || previous.end <= q.clause.start) return q.clause.start;
  let from = previous.end;
  for (const p of prices) if (p.start >= previous.end && p.end <= q.start && p.end > from) from = p.end;
  return from;
}

/** How far before or after a listed price the words naming its item are looked for. */
const LABEL_REACH = 16;
const PER_UNIT_AFTER_PRICE = /^\s?(?:\/\s?[a-z\u3400-\u9fff]+|per\s[a-z]+|an?\s[a-z]+|each|ea)?/;
const LABEL_END = /[,;.，；。、\n]/;

/**
 * The price of the k-th item when the prices are listed after all the items: the one its name labels, right after
 * the price ("$6.20/lb clams, $28/lb scallops") or else right before it ("paper is $5/box, pens $3/box"); failing
 * that, the k-th, as people list prices in the order of the items.
 */
function listedPrice(lower: string, prices: Price[], k: number, product: string | undefined): Price | undefined {
  // Its English words without a plural ending, or the last two characters of a Chinese name.
  const words = (product?.toLowerCase().match(/[a-z]{3,}|[\u3400-\u9fff]{1,2}$/g) ?? []).slice(-4).map((w) => w.replace(/e?s$/, ""));
  if (words.length === 0) return prices[k];
  const labelledBy = (label: (p: Price, j: number) => string) =>
    prices.filter((p, j) => {
      const text = label(p, j);
      return words.some((w) => text.includes(w));
    });
  // After a price its per-unit word names its item too ("$0.38 per brochure"); before one, that word is the last price's.
  const after = labelledBy((p, j) => lower.slice(p.end, Math.min(prices[j + 1]?.start ?? lower.length, p.end + LABEL_REACH + 8)).split(LABEL_END)[0]!);
  if (after.length === 1) return after[0];
  const before = labelledBy((p, j) => {
    const previous = prices[j - 1]?.end ?? 0;
    const lead = lower.slice(previous, p.start).replace(PER_UNIT_AFTER_PRICE, "").slice(-LABEL_REACH);
    return lead.split(LABEL_END).pop()!;
  });
  return before.length === 1 ? before[0] : prices[k];
}

export interface ItemsReading {
  items: OrderItem[];
  currency?: Currency;
  /** Some quantity carries a unit or an "x"/"of": "50 pallets", not "30 today". */
  counted: boolean;
  /** The only count is an "a" after an order word: an item to record, too little to make the message an order. */
  implied: boolean;
}

const LIST_FILLERS = new RegExp(`(?<![a-z])(?:${alternation([...itemsVocab.listFillers, ...itemsVocab.openingWords])})(?![a-z])`, "gi");

/**
 * The message says nothing but its counted, named items, a greeting and thanks: "两杯拿铁", "三杯拿铁，一杯摩卡，谢谢",
 * "2 iced lattes". Said at a counter, a list orders; a stock count or a receipt says more ("仓库还剩两箱A4纸").
 */
export function nothingButItems(scan: Scan, { items, counted }: ItemsReading): boolean {
  if (!counted || items.length === 0 || items.some((i) => !i.product || i.unitPrice != null || countsNoGoods(i.product))) return false;
  const kept = scan.lower.split("");
  const blank = (start: number, end: number) => kept.fill(" ", start, end);
  // Names first: "A4纸" holds a number.
  for (const item of items) {
    const name = item.product!.toLowerCase();
    for (let at = scan.lower.indexOf(name); at >= 0; at = scan.lower.indexOf(name, at + name.length)) blank(at, at + name.length);
  }
  for (const n of [...scan.numbers, ...englishCounts(scan.lower)]) blank(n.start, n.end);
  for (const [start, unit] of scan.units) blank(start, unit.end);
  return !/[\p{L}\p{N}]/u.test(kept.join("").replace(LIST_FILLERS, " "));
}

/**
 * "1 star", "10 mins", "三个问题": a rating, a time or a question counted, no goods; nor is "两个同事在仓库吵起来了": a
 * Chinese name runs to the end of its clause, and there a verb or a particle tells a sentence from a name.
 */
function countsNoGoods(product: string): boolean {
  const name = product.toLowerCase();
  const first = name.split(" ")[0]!;
  return (
    NOT_AFTER_BARE.has(first) ||
    NOT_ORDERED_SPELLED.has(first) ||
    name.length > LONGEST_LISTED_NAME ||
    SENTENCE_PARTICLE.test(name) ||
    NOT_LISTED_GOODS.some((w) => name.endsWith(w)) ||
    TALLY_WORD.test(name)
  );
}

const NOT_LISTED_GOODS = itemsVocab.notListedGoods.map((w) => w.toLowerCase());
const TALLY_WORD = new RegExp(`(?:^|[^a-z])(?:${alternation(itemsVocab.tallyWords)})(?![a-z])`, "i");

const LONGEST_LISTED_NAME = 24;
const SENTENCE_PARTICLE = /[了在吗呢吧着过得是有]/;

/**
 * The items of an order. `erase` lists strings already read as other fields (customer, reference)
 * that must not end up inside a product name; `addresses`, where the delivery address stands, each time the
 * message gives it.
 */
export function findItems(scan: Scan, erase: string[], addresses: { start: number; end: number }[] = []): ItemsReading {
  const { lower, text } = scan;
  const unitHits = new Map(scan.units);
  // 块 is money as often as pieces; it is a unit only where the message prices per 块, or after a count in Chinese
  // numerals where the price is given apart ("模具钢 十二块，单价2350").
  const pricedApart = !scan.perBlock && lower.includes("单价");
  if (scan.perBlock || pricedApart) {
    for (let at = lower.indexOf("块"); at >= 0; at = lower.indexOf("块", at + 1)) {
      // "单价二十块" is the price itself.
      if (pricedApart && (!CHINESE_DIGITS.has(lower[at - 1] ?? "") || /(?:单价|价格|价钱|@)\s?[\u3400-\u9fff]{1,4}$/.test(lower.slice(Math.max(0, at - 8), at)))) continue;
      if (!unitHits.has(at)) unitHits.set(at, { end: at + 1, kind: "zhCount", unit: "块" });
    }
  }
  const blocked = [...scan.dates];
  let quantities: Quantity[] = [];
  const packContents: Quantity[] = [];
  const spelled = englishCounts(lower);
  // "an iced latte with 2% milk": a percentage counts nothing.
  const notPercent = (n: NumberToken) => !isOneOfAt(lower, skipSpaces(lower, n.end), "%");
  const otherCounts = spelled.some((n) => !n.chinese) || scan.numbers.some(notPercent);
  const counts = [...spelled, ...scan.numbers].filter((n) => !n.chinese && notPercent(n)).sort((a, b) => a.start - b.start);
  const implied = impliedOnes(lower, counts, otherCounts);
  const words = [...spelled, ...implied];
  const numbers = inDozens(lower, words.length > 0 ? [...scan.numbers, ...words].sort((a, b) => a.start - b.start) : scan.numbers, unitHits);
  // Both lists run in text order: one pass over the amounts finds the one a number may stand in.
  let moneyAt = 0;
  for (const n of numbers) {
    if (quantities.length >= MAX_QUANTITIES) break;
    while (moneyAt < scan.money.length && scan.money[moneyAt]!.end <= n.start) moneyAt++;
    const money = scan.money[moneyAt];
    if (money !== undefined && money.start < n.end) continue;
    if (overlaps(n, blocked) || isPerUnitMarker(scan, n, unitHits)) continue;
    if (!n.glued && !n.chinese && isLetterAt(lower, n.end) && !unitHits.has(n.end)) {
      const glued = gluedUnit(lower, n.end);
      if (glued) unitHits.set(n.end, glued);
    }
    const q = readQuantity(scan, n, unitHits);
    if (!q) continue;
    const before = lower.slice(Math.max(0, n.start - 6), n.start);
    if (/(从|from\s?)$/.test(before)) continue;
    // "Deliver to The Salt Line, 1 Dock Sq": a number without a unit inside the delivery address counts nothing.
    if (q.unit === undefined && overlaps(q, addresses)) continue;
    // "10箱（每箱24瓶）", "印五盒（每盒100张）": what one pack holds is neither ordered nor a price.
    const packContent = q.unit !== undefined && quantities.length > 0 && PER_PACK_BEFORE.test(before);
    (packContent ? packContents : quantities).push(withClause(q, clauseAround(text, q.start)));
  }
  const measured = [...quantities.filter((q) => q.unit !== undefined), ...packContents];
  // Old and per-item counts give way to the new value or the total; the product is named before them.
  const replaced: Quantity[] = [];
  quantities = quantities.filter((q) => {
    if (isSpecCount(scan, q, quantities) || isSizeOfCountedItem(scan, q, quantities) || isPackSize(q, quantities)) return false;
    if (!isOldQuantity(scan, q, quantities) && !isPerItemBeforeTotal(scan, q, quantities)) return true;
    replaced.push(q);
    return false;
  });
  if (quantities.some((q) => q.rank < RANK.zhMeasure && q.english)) {
    // An ordered count keeps its place beside the best-ranked ones: a count with a unit, or else an "N x" one.
    const rank = quantities.some((q) => q.rank >= RANK.zhMeasure) ? RANK.enCount : RANK.times;
    // Read against every candidate count; the prices are read again once the counts are settled, since a number
    // that stops being a count may then be a price.
    const attested = findPrices(scan, quantities, measured);
    const ordered = quantities.map((q, k) => q.english && orderedAsCounted(lower, q, quantities[k - 1], quantities[k + 1], attested, quantities));
    // A count listed with an ordered one is ordered too: before it ("500 brochures and 1,000 business cards … $0.38
    // per brochure"), or after it or after a counted one ("400 x 6ft scaffold tubes and 1,200 couplers").
    const listedBeside = (k: number, j: number) => {
      const [q, other] = [quantities[k]!, quantities[j]!];
      const between = j > k ? lower.slice(q.end, other.start) : lower.slice(other.end, q.start);
      // "two flat whites, one mocha": a comma after an ordered item's words lists the next ("Speedy 30 we showed her, 1
      // piece" names no item before it).
      const joined = LIST_JOINER.test(between) || (j < k && LISTED_AFTER.test(between));
      return q.english && joined && !insideAnotherName(lower, q, quantities[k - 1], quantities);
    };
    for (let k = quantities.length - 2; k >= 0; k--) if (!ordered[k] && ordered[k + 1] && listedBeside(k, k + 1)) ordered[k] = true;
    for (let k = 1; k < quantities.length; k++) {
      if (!ordered[k] && (ordered[k - 1] || quantities[k - 1]!.rank >= RANK.times) && listedBeside(k, k - 1)) ordered[k] = true;
    }
    quantities = quantities.map((q, k) => (q.rank < rank && ordered[k] ? withRank(q, rank) : q));
  }
  const bestRank = Math.max(0, ...quantities.map((q) => q.rank));
  quantities = quantities.filter((q) => q.rank >= Math.min(bestRank, RANK.zhMeasure) || q.rank === bestRank);
  // In one clause a count beats a measure: "数据线 1m 5000条" orders 5000, not 1 metre; but a measure of a named
  // thing is an item of its own ("18 tonnes of potting mix … and 40 rolls of shade cloth"), and so is a measure
  // listed before the count ("30 kg avocados at A$6.90/kg and 15 trays cherry tomatoes").
  quantities = quantities.filter(
    (q) =>
      /^\s?of\s/.test(lower.slice(q.end, q.end + 4)) ||
      !quantities.some(
        (o) =>
          o !== q &&
          o.rank > q.rank &&
          o.start >= q.clause.start &&
          o.start < q.clause.end &&
          !(o.start > q.end && namedBeforeJoiner(lower.slice(q.end, o.start))) &&
          !(o.start < q.start && pricedPerOwnUnit(lower, q, q.clause.end)),
      ),
  );
  const prices = findPrices(scan, quantities, measured);
  // "80 lb clams + 30 lb scallops. $6.20/lb clams, $28/lb scallops": one price per item, all after the last item.
  const last = quantities[quantities.length - 1];
  const listed = last !== undefined && quantities.length > 1 && prices.length === quantities.length && prices.every((p) => p.start >= last.end);
  const items: OrderItem[] = [];
  let currency: Currency | undefined;
  let previousPrice: Price | undefined;
  quantities.forEach((q, k) => {
    const clause = q.clause;
    let end = q.start;
    for (const r of replaced) if (r.start >= clause.start && r.start < end && r.end <= q.start) end = r.start;
    const from = itemStart(quantities[k - 1], q, prices);
    // A Chinese name stands before its count, unless that text already named the item before ("一辆厢货加3个师傅").
    const before = q.english ? undefined : productBefore(scan, from, q, erase, end);
    const product = q.english
      ? (productAfter(scan, q, clause.end, quantities[k + 1]) ?? productBefore(scan, from, q, erase, end))
      : before !== undefined && before !== items[k - 1]?.product
        ? before
        : (productAfter(scan, q, clause.end, quantities[k + 1]) ?? before);
    const nextStart = quantities[k + 1]?.start ?? text.length;
    const price = listed
      ? listedPrice(lower, prices, k, product)
      : (prices.find((p) => p.start >= q.end && p.start < nextStart) ??
        // A price before the count in its clause, but not the previous item's ("30 kg avocados at A$6.90/kg and 15 trays").
        prices.find((p) => p.start >= clause.start && p.start < q.start && p !== previousPrice) ??
        (quantities.length === 1 ? prices[0] : undefined));
    currency ??= price?.currency;
    previousPrice = price;
    const item: OrderItem = { quantity: q.value };
    const name = product ?? (q.english ? undefined : productNearby(scan, clause, quantities));
    if (name) item.product = name;
    if (q.unit && !DOZEN_UNIT.test(q.unit)) item.unit = q.unit;
    // The count is in pieces: a price per dozen is a twelfth of it per piece.
    if (price) item.unitPrice = PER_DOZEN.test(lower.slice(price.end, price.end + 12)) ? Math.round((price.value / 12) * 10_000) / 10_000 : price.value;
    items.push(item);
  });
  // Alone, a spoken count ("这个要二十") may as well be a price: it shows no order by itself.
  const unitGiven = quantities.some((q) => q.unit !== undefined);
  const impliedOnly = quantities.length > 0 && quantities.every((q) => implied.some((n) => n.start === q.start));
  const counted = !impliedOnly && quantities.some((q) => q.rank >= RANK.times && (unitGiven || q.english || !spokenCount(text, lower, q)));
  return { items, currency, counted, implied: impliedOnly };
}
