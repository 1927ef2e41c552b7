import { parseChineseNumeral } from "./numbers.ts";
import { alternation, vocabulary } from "./vocab.ts";

/**
 * Dates said in chat, resolved against when the message was sent, in the sender's own UTC offset
 * (spec: Conventions / Dates). The date part of an ISO timestamp with an offset already is the
 * sender's calendar day, so no time-zone arithmetic is needed: days are counted on a UTC calendar.
 * Weeks run Monday to Sunday. Every pattern is a bounded regular expression without nested
 * quantifiers, run once over the text.
 */

export interface DateMention {
  date: string;
  start: number;
  end: number;
}

interface Day {
  /** Milliseconds at UTC midnight of the calendar day. */
  ms: number;
  /** The sender writes from the Americas (a UTC offset of -03:00 or further west): 3/4/2026 is month first. */
  americas?: boolean;
}

const DAY_MS = 86_400_000;

function dayOf(year: number, month: number, day: number): Day | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCMonth() !== month - 1) return undefined;
  return { ms };
}

function addDays(day: Day, n: number): Day {
  return { ms: day.ms + n * DAY_MS };
}

/** 0 = Monday … 6 = Sunday. */
function weekdayIndex(day: Day): number {
  return (new Date(day.ms).getUTCDay() + 6) % 7;
}

function parts(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day.ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function formatDay(day: Day): string {
  const d = new Date(day.ms);
  const year = d.getUTCFullYear();
  // toISOString is several times slower; it stays for what it writes differently (years past 9999, invalid dates).
  if (!(year >= 0 && year <= 9999)) return d.toISOString().slice(0, 10);
  return `${String(year).padStart(4, "0")}-${twoDigits(d.getUTCMonth() + 1)}-${twoDigits(d.getUTCDate())}`;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function lastDayOfMonth(year: number, month: number): Day {
  return { ms: Date.UTC(year, month, 0) };
}

/** The sender's calendar day: the date written in `sentAt` (its offset is the sender's). */
export function sentDay(sentAt: string): Day {
  const year = Number(sentAt.slice(0, 4));
  const month = Number(sentAt.slice(5, 7));
  const day = Number(sentAt.slice(8, 10));
  return { ms: Date.UTC(year, month - 1, day) };
}

const ZH_WEEKDAYS: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6 };
const EN_WEEKDAYS: Record<string, number> = {
  monday: 0, tuesday: 1, wednesday: 2, thursday: 3, friday: 4, saturday: 5, sunday: 6,
  mon: 0, tue: 1, tues: 1, wed: 2, weds: 2, thu: 3, thur: 3, thurs: 3, fri: 4, sat: 5, sun: 6,
};
const EN_MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const EN_SMALL_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, a: 1,
};

function smallNumber(s: string): number | undefined {
  if (/^\d{1,3}$/.test(s)) return Number(s);
  return EN_SMALL_NUMBERS[s] ?? parseChineseNumeral(s);
}

type WeekChoice = "this" | "next" | "coming";

/** That weekday in the current week, in next week, or the first one after today. */
function weekday(today: Day, target: number, choice: WeekChoice): Day {
  const monday = addDays(today, -weekdayIndex(today));
  if (choice === "this") return addDays(monday, target);
  if (choice === "next") return addDays(monday, 7 + target);
  const ahead = (target - weekdayIndex(today) + 7) % 7;
  return addDays(today, ahead === 0 ? 7 : ahead);
}

function addWorkingDays(today: Day, n: number): Day {
  let day = today;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (weekdayIndex(day) < 5) left--;
  }
  return day;
}

/** A day of the month said alone: this month, or next month once it is past. */
function nextDayOfMonth(today: Day, d: number): Day | undefined {
  const { year, month, day } = parts(today);
  if (d >= day) return dayOf(year, month, d);
  return month === 12 ? dayOf(year + 1, 1, d) : dayOf(year, month + 1, d);
}

/** A month/day with no year: this year, unless that is long past (said in December about January). */
function monthDay(today: Day, month: number, day: number): Day | undefined {
  const { year } = parts(today);
  const candidate = dayOf(year, month, day);
  if (!candidate) return undefined;
  return candidate.ms < today.ms - 60 * DAY_MS ? dayOf(year + 1, month, day) : candidate;
}

interface Rule {
  regex: RegExp;
  resolve: (m: RegExpExecArray, today: Day) => Day | undefined;
}

const ZH_NUM = "[0-9一二两三四五六七八九十]{1,3}";
const EN_WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)";
/** Words the weekday rule takes into its match ("next Fri", "by Friday", "deliver Fri"). */
const WEEKDAY_LEADS = "this|next|coming|last|by|on|before|until|till|due|deliver|ship|arrive|arriving";
const WEEKDAY_LEAD = new RegExp(`^(?:${WEEKDAY_LEADS})\\s`);
/** A month's name or its abbreviation, and nothing longer: "12 Marine Pde" is no 12 March. */
const EN_MONTH =
  "(jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)(?:(?<=jan)uary|(?<=feb)ruary|(?<=mar)ch|(?<=apr)il|(?<=jun)e|(?<=jul)y|(?<=aug)ust|(?<=sept)ember|(?<=sep)tember|(?<=oct)ober|(?<=nov)ember|(?<=dec)ember)?";

const EVERY_WEEK_LIST = /每(?:周|星期|礼拜)[一二三四五六日天1-7](?:[、和/]\s?(?:周|星期|礼拜)?[一二三四五六日天1-7])*[、和/]\s?$/;

function zhWeekChoice(prefix: string | undefined): WeekChoice {
  if (!prefix) return "coming";
  if (prefix.startsWith("下")) return "next";
  return "this";
}

/** Rules in order of precedence: where two overlap, the earlier one wins. */
const RULES: Rule[] = [
  {
    regex: /(20\d{2})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})(?![\d])(?:\s?[日号])?/g,
    resolve: (m) => dayOf(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    regex: /(下个?月|本月|这个?月)(底|末|[0-9一二三四五六七八九十]{1,3})[号日]?/g,
    resolve: (m, today) => {
      const { year, month } = parts(today);
      const next = m[1]!.startsWith("下");
      const y = next && month === 12 ? year + 1 : year;
      const mo = next ? (month % 12) + 1 : month;
      if (m[2] === "底" || m[2] === "末") return lastDayOfMonth(y, mo);
      const d = smallNumber(m[2]!);
      return d === undefined ? undefined : dayOf(y, mo, d);
    },
  },
  {
    // "11月底前装船", "5月底前 ship": the end of the month named, this year unless that is long past.
    regex: /(?<![0-9.])([0-9]{1,2}|十[一二]?|[一二三四五六七八九])月份?(?:底|末|尾)/g,
    resolve: (m, today) => {
      const month = smallNumber(m[1]!);
      if (month === undefined || month < 1 || month > 12) return undefined;
      const { year } = parts(today);
      const end = lastDayOfMonth(year, month);
      return end.ms < today.ms - 60 * DAY_MS ? lastDayOfMonth(year + 1, month) : end;
    },
  },
  {
    regex: /月底|月末|月尾/g,
    resolve: (_m, today) => {
      const { year, month } = parts(today);
      return lastDayOfMonth(year, month);
    },
  },
  {
    regex: /(?<![0-9])([0-9一二三四五六七八九十]{1,3})\s?月\s?([0-9一二三四五六七八九十]{1,3})\s?[号日]?/g,
    resolve: (m, today) => {
      const month = smallNumber(m[1]!);
      const day = smallNumber(m[2]!);
      return month === undefined || day === undefined ? undefined : monthDay(today, month, day);
    },
  },
  {
    // 听日/听朝 are Cantonese (聽日 folded to simplified) for tomorrow, 后日 (後日) for the day after.
    // 后儿个/明儿个 are northern speech.
    regex: /大后天|后天|后日|后儿个|后儿|明天|明日|明早|明晚|明儿个|明儿|听日|听朝|今天|今日|今晚|今早|当天/g,
    resolve: (m, today) =>
      addDays(today, { 大后天: 3, 后天: 2, 后日: 2, 后儿个: 2, 后儿: 2, 明天: 1, 明日: 1, 明早: 1, 明晚: 1, 明儿个: 1, 明儿: 1, 听日: 1, 听朝: 1 }[m[0]] ?? 0),
  },
  {
    regex: new RegExp(`(${ZH_NUM})\\s?个?(工作日|天|日)(?:之内|以内|内|后|之后)`, "g"),
    resolve: (m, today) => {
      const n = smallNumber(m[1]!);
      if (n === undefined) return undefined;
      return m[2] === "工作日" ? addWorkingDays(today, n) : addDays(today, n);
    },
  },
  {
    regex: /(本|这个?|下下个?|下个?|上个?|每)?(?:周|星期|礼拜)([一二三四五六日天1-7])/g,
    resolve: (m, today) => {
      // "备注一下周六送", "看一下下周六": the 下 of 一下 ("a moment") stands before the weekday or its 下 and says nothing
      // of next week; 统一 is a word of its own ("统一下周六送").
      const momentary = m[1]?.startsWith("下") && m.input[m.index - 1] === "一" && m.input[m.index - 2] !== "统";
      const prefix = momentary ? m[1]!.slice(1) || undefined : m[1];
      if (prefix?.startsWith("上") || prefix === "每") return undefined;
      // "每周二、周五送": a weekday listed after an every-week one recurs too.
      if (!prefix && EVERY_WEEK_LIST.test(m.input.slice(Math.max(0, m.index - 16), m.index))) return undefined;
      if (prefix?.startsWith("下下")) return addDays(weekday(today, ZH_WEEKDAYS[m[2]!]!, "next"), 7);
      return weekday(today, ZH_WEEKDAYS[m[2]!]!, zhWeekChoice(prefix));
    },
  },
  {
    // "15号前", "十五号前": Chinese numerals count too, but not a month's number ("三月五号" is read above).
    regex: /(?<![0-9月一二三四五六七八九十第])([0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[号日](?:前(?![台门面排方端厅])|之前|以前)/g,
    resolve: (m, today) => {
      const { year, month, day } = parts(today);
      const d = smallNumber(m[1]!);
      if (d === undefined || d < 1 || d > 31) return undefined;
      if (d >= day) return dayOf(year, month, d);
      return month === 12 ? dayOf(year + 1, 1, d) : dayOf(year, month + 1, d);
    },
  },
  {
    // "15号送到", "20号发货", "在25号": a day of this month (or next, once past) with a delivery word after it.
    regex: /(?<![0-9a-z月路街道巷弄区楼栋幢座室号厦园村镇场厂城院里湾仓库门口线期一二三四五六七八九十第])([0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[号日](?=送|到|发|交|出|上午|下午|早上|晚上|中午|前后|左右|之前|以前|前(?![台门面排方端厅]))/g,
    resolve: (m, today) => {
      const d = smallNumber(m[1]!);
      return d === undefined || d < 1 || d > 31 ? undefined : nextDayOfMonth(today, d);
    },
  },
  {
    regex: /\b(?:the\s)?(\d{1,2})(?:st|nd|rd|th)\sof\s(this|next|the\snext)\smonth\b/g,
    resolve: (m, today) => {
      const { year, month } = parts(today);
      const [y, mo] = m[2] === "this" ? [year, month] : month === 12 ? [year + 1, 1] : [year, month + 1];
      // "the 31st of next month" said in January is February's last day, not a day of January.
      return dayOf(y, mo, Math.min(Number(m[1]), parts(lastDayOfMonth(y, mo)).day));
    },
  },
  {
    // "on the 25th", and "Saturday the 20th", where the day of the month is the more exact of the two.
    regex: /\b(?:by|on|before|until|for|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\s(?:the\s)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s(?:of\s)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/g,
    resolve: (m, today) => nextDayOfMonth(today, Number(m[1])),
  },
  {
    // Chat spellings of tomorrow: tmrw, tmr, tmoro, 2moro, 2morrow, tomoz.
    // "3 days from today" is read by the rule for counted days.
    regex: /\b(?<!days?\sfrom\s)(the day after tomorrow|day after tomorrow|tomorrow|tmrw|tmr|tmoro|tomoz|today|tonight|end of day|eod)\b|(?<![0-9a-z])(2moro|2morrow|2mrw)\b/g,
    resolve: (m, today) => addDays(today, m[2] ? 1 : m[1]!.includes("after") ? 2 : m[1] === "today" || m[1] === "tonight" || m[1] === "end of day" || m[1] === "eod" ? 0 : 1),
  },
  {
    // "in 3 days", "within 2 working days", "2 days from now", "3 days from tomorrow".
    regex: /\b(?:(?:in|within)\s(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s(business\s|working\s)?days?|(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s(business\s|working\s)?days?\sfrom\s(now|today|tomorrow))\b/g,
    resolve: (m, today) => {
      const n = smallNumber(m[1] ?? m[3]!);
      if (n === undefined) return undefined;
      const from = m[5] === "tomorrow" ? addDays(today, 1) : today;
      return (m[2] ?? m[4]) ? addWorkingDays(from, n) : addDays(from, n);
    },
  },
  {
    regex: /\b(?:by\s)?(?:the\s)?end\sof\s(this\s|the\s|next\s)?month\b|\bmonth[- ]end\b|\beom\b/g,
    resolve: (m, today) => {
      const { year, month } = parts(today);
      if (m[1] === "next ") return month === 12 ? lastDayOfMonth(year + 1, 1) : lastDayOfMonth(year, month + 1);
      return lastDayOfMonth(year, month);
    },
  },
  {
    // "by end of August", "the end of Sept 2027": the month's last day, in the year said or the one monthDay picks.
    // "the end of may be" uses the verb.
    regex: new RegExp(`\\b(?:by\\s)?(?:the\\s)?end\\sof\\s${EN_MONTH}\\b(?:,?\\s(20\\d{2})\\b)?(?!\\s(?:be|have|not|need|take|also|well)\\b)`, "g"),
    resolve: (m, today) => {
      const month = EN_MONTHS[m[1]!]!;
      const year = m[2] ? Number(m[2]) : parts(monthDay(today, month, 1)!).year;
      return lastDayOfMonth(year, month);
    },
  },
  {
    // The lookahead, not \\b, ends the match, so that "Deliver Fri." keeps its dot at the end of the text.
    regex: new RegExp(`\\b(${WEEKDAY_LEADS})?\\s?${EN_WEEKDAY}(?:\\.|\\b)(?:\\s(this|next)\\sweek)?(?![a-z])`, "g"),
    resolve: (m, today) => {
      const lead = m[1];
      const trail = m[3];
      if (lead === "last") return undefined;
      // "wed", "sat", "sun" are words too: an abbreviation counts only with a word that makes it a day.
      if (m[2]!.length <= 5 && !m[2]!.endsWith("day") && !lead && !trail && !m[0].endsWith(".")) return undefined;
      const choice: WeekChoice = lead === "next" || trail === "next" ? "next" : lead === "this" || trail === "this" ? "this" : "coming";
      return weekday(today, EN_WEEKDAYS[m[2]!]!, choice);
    },
  },
  {
    // "Mar. 5" abbreviates; "…17 March. 30% deposit" and "in June. 5 boxes" end a sentence; a percentage is no day.
    regex: new RegExp(`\\b${EN_MONTH}(\\.?)\\s(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s?%)`, "g"),
    resolve: (m, today) => (m[2] && !ABBREVIATED_MONTH.test(m[0]) ? undefined : monthDay(today, EN_MONTHS[m[1]!]!, Number(m[3]))),
  },
  {
    regex: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?${EN_MONTH}\\b`, "g"),
    resolve: (m, today) => monthDay(today, EN_MONTHS[m[2]!]!, Number(m[1])),
  },
  {
    regex: /(?<![0-9/.\-])(\d{1,2})([/.])(\d{1,2})\2(20\d{2})(?![0-9])/g,
    resolve: (m, today) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const year = Number(m[4]);
      // Day first in Europe and most of the world, month first in the Americas (UTC offsets below -2).
      const monthFirst = a > 12 ? false : b > 12 ? true : m[2] === "/" && today.americas === true;
      return monthFirst ? dayOf(year, a, b) : dayOf(year, b, a);
    },
  },
  {
    // Not a fraction of an inch or foot (1/2" x 36"), nor a size ("3/4 size violins").
    regex: /(?<![0-9/.\-])(\d{1,2})\/(\d{1,2})(?![0-9/"'”″]|\s?(?:in|inch|ft|size)\b|\s?(?:尺寸|寸))/g,
    resolve: (m, today) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      // "4/4的小提琴", "1/2的管件": a fraction in halves, quarters or eighths before 的 sizes a thing ("6/15的下午" is a date).
      if (a <= b && (b === 2 || b === 4 || b === 8) && m.input[m.index + m[0].length] === "的") return undefined;
      return a <= 12 ? monthDay(today, a, b) : monthDay(today, b, a);
    },
  },
];

/** Enough for any real message; keeps a text made of nothing but dates linear. */
const MAX_MENTIONS_PER_RULE = 16;

/** Every date the lower-cased, NFKC-folded text states: delivery-worded first, payment dates last, otherwise in text order; overlapping mentions keep the first rule's. */
export function findDates(lower: string, sentAt: string): DateMention[] {
  const today: Day = { ms: sentDay(sentAt).ms, americas: /-(0[3-9]|1[0-2]):?\d\d$/.test(sentAt) };
  const found: DateMention[] = [];
  for (const rule of RULES) {
    rule.regex.lastIndex = 0;
    let seen = 0;
    for (let m = rule.regex.exec(lower); m !== null && seen < MAX_MENTIONS_PER_RULE; m = rule.regex.exec(lower)) {
      seen++;
      if (m[0].length === 0) {
        rule.regex.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      const day = rule.resolve(m, today);
      if (day) found.push({ date: formatDay(day), start, end });
    }
  }
  found.sort((a, b) => a.start - b.start);
  // "Tuesday 17 March", "周二 3月17日": a weekday said right beside a written date names the same day; the written
  // date is exact, and the mention spans both. After a comma only a date on that weekday does ("Saturday, October
  // 17"): "Friday, 30 June balance due" dates a payment.
  for (let k = found.length - 2; k >= 0; k--) {
    const [a, b] = [found[k]!, found[k + 1]!];
    const between = lower.slice(a.end, b.start);
    if (!/^,?\s?$/.test(between) || (between.includes(",") && !sameWeekday(a.date, b.date))) continue;
    const aWeekday = WEEKDAY_ONLY.test(lower.slice(a.start, a.end).trim());
    const bWeekday = WEEKDAY_ONLY.test(lower.slice(b.start, b.end).trim());
    const aWritten = /\d/.test(lower.slice(a.start, a.end));
    const bWritten = /\d/.test(lower.slice(b.start, b.end));
    if (aWeekday && bWritten) found.splice(k, 2, { date: b.date, start: a.start, end: b.end });
    else if (aWritten && bWeekday) found.splice(k, 2, { date: a.date, start: a.start, end: b.end });
  }
  // The delivery date is read as the first mention; one that dates a payment ("到货后7天内付清",
  // "deposit paid today") goes after the others, and a bare mention yields to one said with a delivery word.
  if (found.length < 2) return found;
  const rank = found.map((f, i) => mentionRank(lower, f, i > 0));
  const order = found.map((_f, i) => i).sort((a, b) => rank[a]! - rank[b]! || a - b);
  return order.map((i) => found[i]!);
}

function sameWeekday(a: string, b: string): boolean {
  return new Date(`${a}T00:00:00Z`).getUTCDay() === new Date(`${b}T00:00:00Z`).getUTCDay();
}

/** The abbreviations written with a dot: "Mar.", "Sept." ("May." and "June." are whole names ending a sentence). */
const ABBREVIATED_MONTH = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\./;

/** A mention that is only a weekday, with its lead word: "Tuesday", "this fri", "周二", "下礼拜三". */
const WEEKDAY_ONLY = new RegExp(`^(?:(?:${WEEKDAY_LEADS})\\s)?(?:${EN_WEEKDAY}\\.?|(?:这|本|下|下个|上)?(?:周|星期|礼拜|禮拜)[一二三四五六日天1-7])$`);

const D = vocabulary.dates;
/** Words right after a date that make it a delivery date: "下周一送到", "月底前交货", "by Friday, delivered". */
// "周六下午前送到": a time of day and a 前 may both stand between the date and its delivery word.
const DELIVERY_AFTER = new RegExp(
  `^\\s?(?:(?:前|之前|以前|上午|下午|早上|晚上|中午|凌晨|一早|[0-9一二三四五六七八九十]{1,3}\\s?点半?|能|要|务必|必须|一定要?|尽量)\\s?){0,3}(?:${alternation(D.deliveryAfter)})`,
);
/** Words right before a date that make it a delivery date: "Deliver Fri", "交货期 3月5日", "ship by". */
const DELIVERY_BEFORE = new RegExp(
  `(?:(?:${alternation(D.deliveryBefore)})\\s?(?:by|on|before|until|for|date|日期|时间)?|${alternation(D.deadlines)})\\s?[:：]?\\s?$`,
);
/** The goods wanted or sent by a deadline: "need them at the venue by Friday", "send to … by this Thurs". */
const WANTED_BEFORE = /\b(?:need|needs|needed|want|wants|wanted|get|have|send|bring)\b[^?!;。？！；\n]{0,48}$/;
/** Words right before a date that date a document, not a delivery: "your quotation dated 3 March", "合同签订于3月1日". */
const DOCUMENT_BEFORE = new RegExp(`(?:${alternation(D.documentBefore)})\\s?[:：]?\\s?$`);
/** Words around a date that make it a payment date; a payment or a document date ranks last. */
const PAYMENT_AFTER = new RegExp(`^\\s?(?:之内|以内|内)?\\s?(?:${alternation(D.paymentAfter)})(?![a-z])`);
const PAYMENT_BEFORE = new RegExp(`(?:${alternation(D.paymentBefore)})\\s?(?:by|on|of)?\\s?$`);

/** Words right before a date that make it the new date of a change: "交期从10月20日提前到后天", "pushed to Monday". */
const NEW_DATE_BEFORE = new RegExp(`(?:${alternation(D.changedTo)})\\s?$`);
/** "move the delivery from Friday to next Monday": after a change verb, the date after "to" replaces the one after "from". */
const FROM_BEFORE = new RegExp(`\\b(?:${alternation(D.changeVerbs)})\\b[^,.;!?]{0,30}\\bfrom\\s[^,.;!?]{1,24}\\sto\\s$`);

/** Today in Chinese, which a message often says of what already happened ("今早下单", "今晚爆单了"). */
const TODAY = /^(?:今天|今日|今晚|今早)$/;

function mentionRank(lower: string, f: DateMention, afterAnother: boolean): number {
  const said = lower.slice(f.start, f.end);
  // "5月16日婚礼当天早上8点前送到": 当天 after a date is that day, not today.
  if (afterAnother && said === "当天") return 2;
  const after = lower.slice(f.end, f.end + 12);
  const before = lower.slice(Math.max(0, f.start - 16), f.start);
  if (NEW_DATE_BEFORE.test(before) || FROM_BEFORE.test(lower.slice(Math.max(0, f.start - 72), f.start))) return -1;
  if (PAYMENT_AFTER.test(after) || PAYMENT_BEFORE.test(before) || DOCUMENT_BEFORE.test(before)) return 2;
  // The weekday rule takes a lead word into its match ("by Friday", "deliver Fri"): it counts as the text before.
  const lead = WEEKDAY_LEAD.exec(said)?.[0] ?? "";
  if (DELIVERY_AFTER.test(after) || DELIVERY_BEFORE.test(before + lead.trimEnd())) return 0;
  const deadline = lead === "by " || lead === "before " || /\b(?:by|before)\s$/.test(before);
  if (deadline && WANTED_BEFORE.test(lower.slice(Math.max(0, f.start - 64), f.start))) return 0;
  // "今早鲜丰下单：…后天凌晨到", "今晚爆单了…明天早上8点能派车吗": today said in passing yields to a day ahead.
  return TODAY.test(said) ? 1.5 : 1;
}
