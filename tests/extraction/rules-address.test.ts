import { describe, expect, it } from "vitest";
import { findAddress } from "../../src/extraction/rules/address.ts";
import { extractWithRules } from "../../src/extraction/rules/index.ts";
import { normalizeText } from "../../src/extraction/rules/normalize.ts";

const address = (s: string) => {
  const { text, lower } = normalizeText(s);
  return findAddress(text, lower)?.value;
};

describe("a Chinese address without a cue", () => {
  it.each([
    ["王先生要沙发一套 4800，下周二送，越秀区东风中路318号2203，货到付款", "越秀区东风中路318号2203"],
    ["补货 纸巾 200箱 单价 35，明天下午 福田区深南大道6008号，月结", "福田区深南大道6008号"],
    ["订 拖把 80把，单价12，后天到 成都市武侯区科华北路99号，款到发货", "成都市武侯区科华北路99号"],
    ["要 檸檬茶 二十箱，聽日送，觀塘區開源道55號地下，貨到付款", "觀塘區開源道55號地下"],
  ])("%s → %s", (text, expected) => {
    expect(address(text)).toBe(normalizeText(expected).text);
  });

  it("needs a district, a road and a house number, standing as its own clause", () => {
    expect(address("订 拖把 80把，单价12，后天送，天河区那边，货到付款")).toBeUndefined();
    expect(address("订 拖把 80把，单价12，后天送，华夏路那边的仓库，货到付款")).toBeUndefined();
    expect(address("我们公司在天河区华夏路30号，想问下价格")).toBeUndefined();
  });

  it("makes an order with a date and an address read as one", () => {
    const r = extractWithRules({
      text: "张先生 13922860417 定了餐桌一张 2680，这周六送，番禺区市桥街环城中路8号，货到付款。能不能顺便把旧桌子拉走？",
      sentAt: "2026-09-08T11:15:00+08:00",
    });
    expect(r.deliveryAddress).toBe("番禺区市桥街环城中路8号");
    expect(r.deliveryDate).toBe("2026-09-12");
  });
});

describe("an address changed on an order", () => {
  it("is the new address, without the words of the change", () => {
    expect(address("能不能帮我把收货地址改成浦东新区张江路100号")).toBe("浦东新区张江路100号");
    const r = extractWithRules({ text: "地址更改为：杭州市西湖区文三路88号", sentAt: "2026-09-08T11:15:00+08:00" });
    expect(r).toMatchObject({ kind: "order", deliveryAddress: "杭州市西湖区文三路88号" });
  });
});

describe("an address after its cue", () => {
  it("is not cut short by a cue word inside it", () => {
    // The 送 of 配送中心 is no second cue.
    expect(address("明天送到萧山区建设一路518号配送中心，账期45天")).toBe("萧山区建设一路518号配送中心");
    expect(address("下月5号前到萧山区建设一路518号配送中心")).toBe("萧山区建设一路518号配送中心");
  });

  it("leaves out the 去 of 送去 and what follows a dash", () => {
    expect(address("下星期三送去葵涌貨櫃碼頭路88號永得利廣場12樓，貨到俾支票")).toBe(normalizeText("葵涌貨櫃碼頭路88號永得利廣場12樓").text);
    expect(address("Ship to Fenwick Electronics, 90 Waverly Pl, Newark NJ 07102 – we need it in 3 days")).toBe("90 Waverly Pl, Newark NJ 07102");
  });
});

describe("an English street address without a cue", () => {
  it.each([
    ["Tomorrow morning if possible, 2218 Elm St, Atlanta GA 30303. We'll pay the driver by card.", "2218 Elm St, Atlanta GA 30303"],
    ["By Friday please – 415 Maple Ave, Suite 200, Evanston IL. Charge it to our account.", "415 Maple Ave, Suite 200, Evanston IL"],
    ["same price as before, $420 each. apt 5B, 1420 N Milwaukee Ave, Chicago. i'll pay when they drop them off", "apt 5B, 1420 N Milwaukee Ave, Chicago"],
  ])("%s → %s", (text, expected) => {
    expect(address(text)).toBe(expected);
  });

  it("needs a house number, a capitalised name and a street word, and stops where the address does", () => {
    expect(address("Need 30 tables by Friday, 415 Maple Grove")).toBeUndefined();
    expect(address("Need 30 tables by Friday, 415 maple ave")).toBeUndefined();
    const r = extractWithRules({ text: "Hi team, 30 Park Lane Hotel needs 40 chairs Friday", sentAt: "2026-05-05T11:15:00-05:00" });
    expect(r).toMatchObject({ kind: "order", items: [{ quantity: 40, product: "chairs" }] });
  });

  it("counts no item from its house number", () => {
    const r = extractWithRules({ text: "Need 30 folding tables by Friday please – 415 Maple Ave, Evanston IL.", sentAt: "2026-05-05T11:15:00-05:00" });
    expect(r.items).toEqual([{ quantity: 30, product: "folding tables" }]);
    expect(r.deliveryAddress).toBe("415 Maple Ave, Evanston IL");
  });
});
