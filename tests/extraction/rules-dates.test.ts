import { describe, expect, it } from "vitest";
import { findDates } from "../../src/extraction/rules/dates.ts";
import { normalizeText } from "../../src/extraction/rules/normalize.ts";

const first = (text: string, sentAt: string) => findDates(normalizeText(text).lower, sentAt)[0]?.date;

// Calendar anchors: 2026-03-04 is a Wednesday, 2026-03-08 a Sunday.
const WEDNESDAY = "2026-03-04T10:00:00+08:00";
const SUNDAY = "2026-03-08T21:00:00+08:00";

describe("relative days", () => {
  it.each([
    ["今天下午送", "2026-03-04"],
    ["today please", "2026-03-04"],
    ["明天送到", "2026-03-05"],
    ["tomorrow", "2026-03-05"],
    ["后天到货", "2026-03-06"],
    ["大后天", "2026-03-07"],
    ["3天内送到", "2026-03-07"],
    ["三天内", "2026-03-07"],
    ["in 3 days", "2026-03-07"],
  ])("%s → %s", (text, date) => {
    expect(first(text, WEDNESDAY)).toBe(date);
  });
});

describe("weeks run Monday to Sunday", () => {
  it("本周X and this X are days of the current week, 下周X and next X of the next", () => {
    expect(first("本周五前送到", WEDNESDAY)).toBe("2026-03-06");
    expect(first("this Friday", WEDNESDAY)).toBe("2026-03-06");
    expect(first("Thursday this week", WEDNESDAY)).toBe("2026-03-05");
    expect(first("下周一上午", WEDNESDAY)).toBe("2026-03-09");
    expect(first("next Monday", WEDNESDAY)).toBe("2026-03-09");
    expect(first("Friday next week", WEDNESDAY)).toBe("2026-03-13");
    expect(first("下周三", WEDNESDAY)).toBe("2026-03-11");
  });

  it("reads the 下 of 一下 ('a moment') as no next week: 备注一下周六 is this Saturday", () => {
    expect(first("帮我备注一下周六下午送货", WEDNESDAY)).toBe("2026-03-07");
    expect(first("麻烦确认一下周五能到吗", WEDNESDAY)).toBe("2026-03-06");
    expect(first("确认下周五能到吗", WEDNESDAY)).toBe("2026-03-13");
  });

  it("周五前 and by Friday are the coming Friday", () => {
    expect(first("周五前", WEDNESDAY)).toBe("2026-03-06");
    expect(first("by Friday", WEDNESDAY)).toBe("2026-03-06");
  });

  it("on a Sunday, 本周X is still this (ending) week and 下周X the week starting tomorrow", () => {
    expect(first("本周三", SUNDAY)).toBe("2026-03-04");
    expect(first("下周三", SUNDAY)).toBe("2026-03-11");
    expect(first("next Tuesday", SUNDAY)).toBe("2026-03-10");
    expect(first("周五前", SUNDAY)).toBe("2026-03-13");
  });

  it("gives no date for a vague period or a past weekday", () => {
    expect(first("下周内送到", WEDNESDAY)).toBeUndefined();
    expect(first("上周三到的货", WEDNESDAY)).toBeUndefined();
    expect(first("last Friday", WEDNESDAY)).toBeUndefined();
  });
});

describe("months and absolute dates", () => {
  it("月底 is the last day of the month, 下月5号 the 5th of next month", () => {
    expect(first("月底前送过去", "2026-02-10T09:00:00+08:00")).toBe("2026-02-28");
    expect(first("by end of this month", "2026-03-05T11:00:00+08:00")).toBe("2026-03-31");
    expect(first("下月5号前到", "2026-06-15T11:00:00+08:00")).toBe("2026-07-05");
    expect(first("下月底", "2026-01-15T11:00:00+08:00")).toBe("2026-02-28");
  });

  it("N月底 is the last day of month N; a price before 月底 names no month", () => {
    expect(first("出口单：净水机六十台，11月底前装船", "2026-10-28T15:00:00+08:00")).toBe("2026-11-30");
    expect(first("复合肥 500 MT，5月底前 ship", "2026-04-14T15:30:00+08:00")).toBe("2026-05-31");
    expect(first("十二月底前送到", "2026-10-28T15:00:00+08:00")).toBe("2026-12-31");
    expect(first("丝带 30卷@4.5 月底前 送", "2026-03-10T15:00:00+08:00")).toBe("2026-03-31");
  });

  it("reads a day ahead before today said in passing, and 当天 after a date as that day", () => {
    expect(first("今早鲜丰下单：娃娃菜8吨，后天凌晨到江桥市场", "2026-01-21T07:50:00+08:00")).toBe("2026-01-23");
    expect(first("今晚爆单了 明天早上8点能派两辆车来拉货吗", "2026-05-10T23:05:00+08:00")).toBe("2026-05-11");
    expect(first("5月16日婚礼当天早上8点前送到酒店", "2026-05-06T15:20:00+08:00")).toBe("2026-05-16");
    expect(first("今天下午送到", "2026-05-06T15:20:00+08:00")).toBe("2026-05-06");
    expect(first("A4纸20箱，今晚能送过来吗？明天一早开会要用", "2026-06-10T10:00:00+08:00")).toBe("2026-06-10");
    expect(first("Need 10 boxes of gloves today, tomorrow the clinic opens at 8", "2026-06-10T10:00:00+08:00")).toBe("2026-06-10");
  });

  it("reads no date from a weekday listed after an every-week one, and reads 首送 as a delivery word", () => {
    expect(first("叶菜类从8月起每周二、周五送，下月4号首送", "2026-07-30T10:20:00+08:00")).toBe("2026-08-04");
    expect(first("原来是每周二，周四送一次就行", "2026-06-10T10:00:00+08:00")).toBe("2026-06-11");
    expect(first("明天先送样品，大货下周五送到，一共300件", "2026-06-10T10:00:00+08:00")).toBe("2026-06-19");
  });

  it("reads a fraction in halves or quarters before 的 as a size, a day of the month before 的 as a date, and no price before 月底 as a month", () => {
    expect(first("6/15的下午送到仓库", "2026-06-10T10:00:00+08:00")).toBe("2026-06-15");
    expect(first("4/4的小提琴再给我发六把", "2026-06-10T10:00:00+08:00")).toBeUndefined();
    expect(first("单价8 月底前送到", "2026-06-10T10:00:00+08:00")).toBe("2026-06-30");
  });

  it("reads a day of the month in Chinese numerals before a deadline or delivery word, and no front desk as a date", () => {
    expect(first("十五号前到", "2026-08-04T10:05:00+08:00")).toBe("2026-08-15");
    expect(first("二十号送到仓库", "2026-08-04T10:05:00+08:00")).toBe("2026-08-20");
    expect(first("送到三号前台", "2026-08-04T10:05:00+08:00")).toBeUndefined();
  });

  it("prefers the date a delivery word follows, past a time of day and 前", () => {
    expect(first("这周日晚上用，周六下午前送到宴会厅", "2026-06-23T16:00:00+08:00")).toBe("2026-06-27");
  });

  it("crosses into the next year", () => {
    expect(first("下月5号前", "2026-12-28T11:00:00+08:00")).toBe("2027-01-05");
    expect(first("deliver on January 4", "2026-12-31T09:00:00+00:00")).toBe("2027-01-04");
    expect(first("明天", "2026-12-31T18:00:00+08:00")).toBe("2027-01-01");
  });

  it.each([
    ["3月5号", "2026-03-05"],
    ["2月10日前交货", "2026-02-10"],
    ["3/5", "2026-03-05"],
    ["by 5/15", "2026-05-15"],
    ["April 8", "2026-04-08"],
    ["by April 8th", "2026-04-08"],
    ["2026-05-06", "2026-05-06"],
  ])("%s → %s", (text, date) => {
    expect(first(text, "2026-02-01T09:00:00+08:00")).toBe(date);
  });
});

describe("the sender's own UTC offset", () => {
  it("counts from the calendar day written in sentAt, not the UTC day", () => {
    // 20:00 at -08:00 is already the next day in UTC; 明天 is still the day after the sender's day.
    expect(first("明天", "2026-03-01T20:00:00-08:00")).toBe("2026-03-02");
    expect(first("tomorrow", "2026-12-31T23:30:00-05:00")).toBe("2027-01-01");
    expect(first("by Friday", "2026-01-12T10:00:00-05:00")).toBe("2026-01-16");
    // 07:00 at +10:00 is the previous day in UTC.
    expect(first("today", "2026-06-09T07:00:00+10:00")).toBe("2026-06-09");
    expect(first("next Monday", "2026-02-06T23:59:00-08:00")).toBe("2026-02-09");
  });
});

describe("chat spellings, abbreviations and month ends", () => {
  it.each([
    ["can you bring 2 crates tmrw morning", "2026-03-05"],
    ["tmr afternoon ok?", "2026-03-05"],
    ["need it 2moro pls", "2026-03-05"],
    ["听日送到观塘", "2026-03-05"],
    ["聽日送去荃灣", "2026-03-05"],
    ["Please ship Fri.", "2026-03-06"],
    ["Drop them off Thu.", "2026-03-05"],
    ["arriving Mon. at the dock", "2026-03-09"],
    ["deliver Sat", "2026-03-07"],
    ["by Thu please", "2026-03-05"],
    ["EOM works for us", "2026-03-31"],
    ["end of month is fine", "2026-03-31"],
    ["月末交货", "2026-03-31"],
    ["这个月底之前送来", "2026-03-31"],
    ["这批货月底前交货", "2026-03-31"],
    ["1800 cartons, by end of April 装柜", "2026-04-30"],
    ["ship by the end of June", "2026-06-30"],
    ["ship by end of August 2027", "2027-08-31"],
    ["set up by 3 pm on Saturday, March 14", "2026-03-14"],
    ["婚期3月22，所以3月18号前寄到", "2026-03-18"],
  ])("%s → %s", (text, date) => {
    expect(first(text, WEDNESDAY)).toBe(date);
  });

  it("gives no date for a vague period or a bare abbreviation that is a word", () => {
    expect(first("下个月初安排", WEDNESDAY)).toBeUndefined();
    expect(first("下周内送到", WEDNESDAY)).toBeUndefined();
    expect(first("we sat down with the team", WEDNESDAY)).toBeUndefined();
  });

  it("reads no date from an inch fraction", () => {
    expect(first('20 x hose 3/4" x 48"', WEDNESDAY)).toBeUndefined();
    expect(first("bolts 5/8 in long", WEDNESDAY)).toBeUndefined();
  });

  it("puts a deadline before the date a document was written", () => {
    expect(first("Further to your quotation dated 3 March, please deliver the doors no later than 27 March.", "2026-03-09T10:05:00+01:00")).toBe("2026-03-27");
    expect(first("合同签订于3月2日，最迟3月20日到货", WEDNESDAY)).toBe("2026-03-20");
  });

  it("puts a delivery date before a payment period or a bare weekday said in passing", () => {
    expect(first("收货后10天内付清，月底前交货", "2026-04-20T10:00:00+08:00")).toBe("2026-04-30");
    expect(first("Deposit paid today. Delivery by the end of the month.", "2026-06-09T10:00:00+01:00")).toBe("2026-06-30");
    // Sent on a Sunday: 下周一 is the next day (weeks run Monday to Sunday), not pushed aside by 周日 said in passing.
    expect(first("周日还在加班，下周一送到仓库", SUNDAY)).toBe("2026-03-09");
    expect(first("下周一", SUNDAY)).toBe("2026-03-09");
  });

  it("puts the day the goods must be there before the day of the event they are for", () => {
    // 2026-03-04 is a Wednesday: the gig is on Saturday the 7th, the kit is needed by Friday the 6th.
    expect(first("Can we book 16 moving heads for Saturday's gig? Need them at the venue by Friday 2pm", "2026-03-04T10:00:00+00:00")).toBe("2026-03-06");
    expect(first("周六晚会租灯：光束灯24台，周五下午进场装台", WEDNESDAY)).toBe("2026-03-06");
  });

  it("puts no deadline for something else before the delivery date", () => {
    expect(first("Please confirm by Monday, deliver on the 25th", "2026-11-17T10:00:00+00:00")).toBe("2026-11-25");
    expect(first("Quote by Friday; delivered Dec 20", "2026-11-17T10:00:00+00:00")).toBe("2026-12-20");
    expect(first("the invoice is due friday; deliver on the 25th", "2026-11-17T10:00:00+00:00")).toBe("2026-11-25");
  });

  it("reads a month only from its name or abbreviation, not from a longer word", () => {
    expect(first("Delivery to 12 Marine Pde, Coolangatta", WEDNESDAY)).toBeUndefined();
    expect(first("Deliver 30 boxes to 12 Mary St on Friday", WEDNESDAY)).toBe("2026-03-06");
    expect(first("deliver on 12 March", WEDNESDAY)).toBe("2026-03-12");
    expect(first("ship Sept 14", WEDNESDAY)).toBe("2026-09-14");
  });

  it("counts days from now, and reads 'Saturday the 20th' as the 20th", () => {
    expect(first("Delivery 2 days from now to the inn", WEDNESDAY)).toBe("2026-03-06");
    expect(first("three working days from today", WEDNESDAY)).toBe("2026-03-09");
    expect(first("Setup Saturday the 21st at the barn", WEDNESDAY)).toBe("2026-03-21");
    expect(first("deliver 3 days from tomorrow", WEDNESDAY)).toBe("2026-03-08");
    expect(findDates(normalizeText("deliver 3 days from tomorrow").lower, WEDNESDAY)).toHaveLength(1);
    // The words that place a date come from vocab/dates.json: a payment word must be whole ("payable" is one, "pay" inside it is not).
    expect(first("Need 20 chairs delivered Friday payable on receipt, quote sent Monday", WEDNESDAY)).toBe("2026-03-06");
    expect(first("Payment by Friday, delivery pushed to next Monday", WEDNESDAY)).toBe("2026-03-09");
  });

  it("reads the end of a month in the year it falls in, and no month from the verb may", () => {
    expect(first("by end of February", "2027-12-10T09:00:00+08:00")).toBe("2028-02-29");
    expect(first("prices at the end of may be different on holidays", WEDNESDAY)).toBeUndefined();
  });

  it("reads a weekday said beside a written date as that date, and no day from a percentage", () => {
    expect(first("Install date Friday 13 March. 30% deposit today", WEDNESDAY)).toBe("2026-03-13");
    expect(first("周五 3月13日送到", WEDNESDAY)).toBe("2026-03-13");
    expect(first("see you in March. 5 boxes then", WEDNESDAY)).toBeUndefined();
    expect(first("deliver Mar. 12 please", WEDNESDAY)).toBe("2026-03-12");
    expect(first("see you in June. 5 boxes then", WEDNESDAY)).toBeUndefined();
    // Only a weekday merges, and only right beside the date: a payment date after a comma stays its own.
    expect(first("Deliver 50 chairs Friday, 30 June balance due", WEDNESDAY)).toBe("2026-03-06");
    expect(first("Please deliver 50 chairs tomorrow 20 June", WEDNESDAY)).toBe("2026-03-05");
  });

  it("puts the new date of a change before the old one", () => {
    expect(first("SO-3310 交期从3月20日提前到后天，数量不变", WEDNESDAY)).toBe("2026-03-06");
    expect(first("原定3月10日的那批，推迟到3月16日送", WEDNESDAY)).toBe("2026-03-16");
    expect(first("Please move the delivery from Friday to next Monday", "2026-03-04T10:00:00+00:00")).toBe("2026-03-09");
    // A range with no change in it keeps its own order.
    expect(first("We're closed from Dec 24 to Jan 2, deliver on the 20th", "2026-12-10T10:00:00+00:00")).not.toBe("2027-01-02");
  });

  it("reads the Nth of next month as that day of the next month, not of this one", () => {
    expect(first("starting the 1st of next month", "2026-11-17T10:00:00+00:00")).toBe("2026-12-01");
    expect(first("on the 25th of next month", "2026-11-17T10:00:00+00:00")).toBe("2026-12-25");
    expect(first("the 3rd of next month", "2026-12-10T10:00:00+00:00")).toBe("2027-01-03");
    // A day next month lacks is that month's last day.
    expect(first("ship on the 31st of next month", "2026-01-10T10:00:00+00:00")).toBe("2026-02-28");
  });
});
