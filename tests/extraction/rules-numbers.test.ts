import { describe, expect, it } from "vitest";
import { parseChineseNumeral, scanNumbers } from "../../src/extraction/rules/numbers.ts";
import { normalizeText } from "../../src/extraction/rules/normalize.ts";

const values = (text: string) => scanNumbers(normalizeText(text).text).map((n) => n.value);

describe("Chinese numerals", () => {
  it.each([
    ["二百", 200],
    ["两千", 2000],
    ["一万五", 15000],
    ["一万五千", 15000],
    ["两千五", 2500],
    ["三十", 30],
    ["十五", 15],
    ["二十五", 25],
    ["一百零五", 105],
    ["六百", 600],
    ["三", 3],
  ])("%s = %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it("rejects what is not a numeral", () => {
    expect(parseChineseNumeral("")).toBeUndefined();
    expect(parseChineseNumeral("二百箱")).toBeUndefined();
  });
});

describe("scanNumbers", () => {
  it("reads separators, decimals and multipliers", () => {
    expect(values("1,200 ft")).toEqual([1200]);
    expect(values("20,000 pcs")).toEqual([20000]);
    expect(values("单价18.5")).toEqual([18.5]);
    expect(values("1.2万瓶")).toEqual([12000]);
    expect(values("5w个")).toEqual([50000]);
    expect(values("3k个")).toEqual([3000]);
    expect(values("1.5k units")).toEqual([1500]);
    expect(values("损失 40 万")).toEqual([400000]);
    expect(values("二百个，两千箱")).toEqual([200, 2000]);
    expect(values("十一箱，六十五一袋")).toEqual([11, 65, 1]);
  });

  it("folds full-width digits and punctuation first", () => {
    expect(values("１２０箱，单价３８．５")).toEqual([120, 38.5]);
  });

  it("does not read 3kg as 3000 nor 1,1,1 as one number", () => {
    expect(values("3kg")).toEqual([3]);
    expect(values("1,1,1")).toEqual([1, 1, 1]);
  });

  it("marks digits glued to a name and skips ordinals", () => {
    const tokens = scanNumbers("M8 HSG-80 第一批 5 箱");
    expect(tokens.filter((t) => !t.glued).map((t) => t.value)).toEqual([5]);
    expect(tokens.find((t) => t.value === 8)?.glued).toBe(true);
  });
});
