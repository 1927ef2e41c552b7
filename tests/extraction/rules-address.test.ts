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
