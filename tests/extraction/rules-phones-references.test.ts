import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/extraction/rules/normalize.ts";
import { findPhone } from "../../src/extraction/rules/phones.ts";
import { findOrderRef } from "../../src/extraction/rules/references.ts";
import { scanMessage } from "../../src/extraction/rules/scan.ts";

const phone = (text: string) => {
  const scan = scanMessage(text, "2026-06-10T10:00:00+08:00");
  return findPhone(scan.text, scan.units);
};
const ref = (text: string) => {
  const { text: t, lower } = normalizeText(text);
  return findOrderRef(t, lower);
};

describe("phones", () => {
  it.each([
    ["电话 13812345678", "13812345678"],
    ["+86 138-1234-5678", "13812345678"],
    ["0086 13812345678", "13812345678"],
    ["021-5888 1234", "02158881234"],
    ["0571-8823 6610", "057188236610"],
    ["186 1234 9876，款到发货", "18612349876"],
    ["139-0512-7788 订购", "13905127788"],
    ["手机：１３９１７２６３５４８", "13917263548"],
    ["call (617) 555-0123 today", "6175550123"],
    ["+1 415-555-0199", "4155550199"],
    ["+86 21 5888 1234", "02158881234"],
    ["13917263548 200箱", "13917263548"],
    ["陳生要兩百個飯盒，電話 9123 4567", "91234567"],
    ["Tel: 6123 4567, ask for Mr Lim", "61234567"],
    ["再唔處理我就去消委會投訴！—— 黃太 9123 4567", "91234567"],
    ["聯絡人 陳小姐 (03)322-1234", "033221234"],
    ["Regards, Suresh Patil, 98200 11223", "9820011223"],
    ["Contact: Mette Berg, +45 3145 6789.", "31456789"],
    ["Ring Anna på +46 70 123 45 67", "0701234567"],
    ["Call our Zurich office +41 44 668 18 00", "0446681800"],
    ["Call Marco in Rome on +39 06 6982 1234", "0669821234"],
    ["Ring Jo on +44 (0)20 7946 0958", "02079460958"],
  ])("%s → %s", (text, digits) => {
    expect(phone(text)).toBe(digits);
  });

  it("does not take references, dates, amounts or waybills for phones", () => {
    expect(phone("运单号SF1402938475")).toBeUndefined();
    expect(phone("Waybill 5532147790 (DHL)")).toBeUndefined();
    expect(phone("合同号HT-2026-0112，2026-01-05 交货")).toBeUndefined();
    expect(phone("20,000 pcs at 1,450 CNY")).toBeUndefined();
    expect(phone("order 55-1209")).toBeUndefined();
    // Eight digits are a Hong Kong or Singapore line only after a phone label.
    expect(phone("订单 91234567 已发货")).toBeUndefined();
    // Written in two groups of four they are a phone, but not two years, nor the groups of a waybill or a bill of lading.
    expect(phone("我们 2025 2026 两年都在你们这订")).toBeUndefined();
    expect(phone("YT 6623 0198 4471 这票说好周二到")).toBeUndefined();
    expect(phone("尺寸 2400 3600 mm 的板")).toBeUndefined();
    // Any unit of the units vocabulary after them makes them a count.
    expect(phone("please send 2500 3000 pallets of each")).toBeUndefined();
    expect(phone("两款各 5000 8000 罐")).toBeUndefined();
    // The singular English counts are everyday words too.
    expect(phone("Mrs Wong 9123 4567 can take delivery after 2pm")).toBe("91234567");
    expect(phone("Contact Mr Chan 9123 4567 set up time with him")).toBe("91234567");
    expect(phone("Qty 5000 8000 for the two SKUs")).toBeUndefined();
    expect(phone("the brackets on BOL 7781-0045 never arrived")).toBeUndefined();
  });

  it("does not read the digit groups that end a grouped carrier or container number as a phone", () => {
    expect(phone("UPS says 1Z 4F8 V29 03 1184 2207 is lost")).toBeUndefined();
    expect(phone("Tracking 1Z 88W 4E1 03 5512 7720 hasn't moved")).toBeUndefined();
    expect(phone("parcel 1Z 7A1 E55 02 2384 9912, call me")).toBeUndefined();
    expect(phone("box MSKU 4F2 1234 5678 at the port")).toBeUndefined();
    // A phone after a code, and a phone after a word, are still phones.
    expect(phone("parcel 1Z7A1E55022384, call 138 1234 5678")).toBe("13812345678");
    expect(phone("call Room B2, 021 5888 1234")).toBe("02158881234");
    expect(phone("call me 617 555 0123")).toBe("6175550123");
  });
});

describe("order references", () => {
  it.each([
    ["订单号 SO20260105-08 的货", "SO20260105-08"],
    ["订单SO20260105-08的货", "SO20260105-08"],
    ["合同号HT-2026-0112，宏达机械", "HT-2026-0112"],
    ["Please confirm PO4500123871: 1,200 ft", "PO4500123871"],
    ["运单 SF2604291888", "SF2604291888"],
    ["Waybill 5532147790 (DHL)", "5532147790"],
    ["container MSKU1234565 丢了两箱", "MSKU1234565"],
    ["where shipment 1Z84X20Y0349912006 is", "1Z84X20Y0349912006"],
    ["on order 55-1209 and", "55-1209"],
    ["Order #558120.", "558120"],
    ["工单号 T-20260505-031", "T-20260505-031"],
    ["you charged me $94 for fuel on rental RA-730219", "RA-730219"],
    ["a VAT invoice for the March rental (agreement CR-22091)?", "CR-22091"],
    ["ticket #4411 still open", "4411"],
    ["ＰＯ７７８１ 的货", "PO7781"],
    ["订舱 BKG2611-0042 两个40尺柜", "BKG2611-0042"],
    ["my order ID 774120 never came", "774120"],
    ["raised incident INC0042187 yesterday", "INC0042187"],
    ["帮我查查4PX0030012345678CN现在在哪", "4PX0030012345678CN"],
    ["昨天那单 KX-2611-08 还没到", "KX-2611-08"],
  ])("%s → %s", (text, expected) => {
    expect(ref(text)).toBe(expected);
  });

  it("gives a reference written in groups as written (the scorer folds spaces, not dashes)", () => {
    expect(ref("container CMAU 308812-6 sits at the port")).toBe("CMAU 308812-6");
    expect(ref("运单 YTO 8830 1192 4471 一直不动")).toBe("YTO 8830 1192 4471");
    expect(ref("tracking 1Z 4F7 W20 39 1866 5201 says delivered")).toBe("1Z 4F7 W20 39 1866 5201");
    expect(ref("USPS tracking 9405 5112 0620 3318 7724 91 still")).toBe("9405 5112 0620 3318 7724 91");
    expect(ref("DHL waybill 4471 2290 31 not moving")).toBe("4471 2290 31");
    expect(ref("order ABC DEF GHI please")).toBeUndefined();
  });

  it("skips invoice, lot, quotation, account and model numbers", () => {
    expect(ref("发票号 INV-2026-0012 开错了")).toBeUndefined();
    expect(ref("lot L-230415 has a defect")).toBeUndefined();
    expect(ref("报价单 QT-88123")).toBeUndefined();
    expect(ref("account 88123456 overdue")).toBeUndefined();
    expect(ref("型号 BP-2231 共 300套")).toBeUndefined();
    expect(ref("液压油缸 HSG-80 共40台")).toBeUndefined();
  });

  it("reads the order a change, a cancellation or an invoice is against", () => {
    expect(ref("帮忙改一下GK-2231-05：数量改成三百")).toBe("GK-2231-05");
    expect(ref("取消 MX-77120，客户不要了")).toBe("MX-77120");
    expect(ref("Please raise the invoice against 4410-TR-02 today")).toBe("4410-TR-02");
    expect(ref("取消 3 箱，改成 5 箱")).toBeUndefined();
    expect(ref("取消 2026-06-12 的配送")).toBeUndefined();
  });

  it("does not read a quantity after 'order' as a reference", () => {
    expect(ref("order 1200 units of bolts")).toBeUndefined();
    expect(ref("Our order of 36000 pcs has to leave Friday")).toBeUndefined();
    expect(ref("订单 15000 件，月底交")).toBeUndefined();
    expect(ref("订单金额 125000 元")).toBeUndefined();
  });

  it("gives an unknown carrier's code with a long grouped waybill, and Cantonese 張單 labels", () => {
    expect(ref("想问下 DB 3301 2290 7781 这票几号到")).toBe("DB 3301 2290 7781");
    expect(ref("Tracking KX 4410 2026 0099 12 shows no movement")).toBe("KX 4410 2026 0099 12");
    expect(ref("呢張單 LT-55821 幾時到")).toBe("LT-55821");
    expect(ref("Call HK 9123 4870 before noon")).toBeUndefined();
  });

  it("reads postal item and marketplace order numbers by their shape, and a carrier's name apart from its number", () => {
    expect(ref("waybill on the label says DX558102347GB. where's my parcel")).toBe("DX558102347GB");
    expect(ref("IV20260601CN 这张发票金额不对")).toBeUndefined();
    expect(ref("退款请打到 621-4567890-1234567")).toBeUndefined();
    expect(ref("EMS 单号 EA123456789CN 一直没更新")).toBe("EA123456789CN");
    expect(ref("404-9063352-8933925 this is my order no.")).toBe("404-9063352-8933925");
    expect(ref("USPS 9400 1118 9922 3344 5566 77. Could you start a claim")).toBe("9400 1118 9922 3344 5566 77");
    expect(ref("韵达单号 4318 6620 1957 3，查了说已签收")).toBe("4318 6620 1957 3");
  });

  it("reads a department's PO number and a pickup booking's number", () => {
    expect(ref("郑医生问 VET-PO-2608-03 那批疫苗今天几点能到")).toBe("VET-PO-2608-03");
    expect(ref("帮我把那个上门取件单PK0124-3371取消掉吧")).toBe("PK0124-3371");
    expect(ref("型号 HT-A5000 还有货吗")).toBeUndefined();
  });

  it("reads a record locator after a confirmation or locator label, capitals alone only when marked by # or :", () => {
    expect(ref("Conf #: QWERTZ, seat 12A")).toBe("QWERTZ");
    expect(ref("record locator: HJKTPL")).toBe("HJKTPL");
    expect(ref("my confirmation number is KX9PLQ")).toBe("KX9PLQ");
    expect(ref("Please send the confirmation TODAY")).toBeUndefined();
    expect(ref("reservation number 448812 for two nights")).toBe("448812");
  });

  it("reads capitals alone after a label that names nothing but a record locator", () => {
    expect(ref("got off the phone w/ rep, Locator IRRLCD, she said I was rescheduled")).toBe("IRRLCD");
    expect(ref("record number is BPDFPP.")).toBe("BPDFPP");
    expect(ref("my PNR STILL shows the old flight")).toBeUndefined();
    expect(ref("the locator NEVER loads")).toBeUndefined();
  });

  it("reads a purchase number as an order's when no quantity or date could be it, and a bill's as no reference", () => {
    expect(ref("wanna change an article of purchase 00004587345")).toBe("00004587345");
    expect(ref("i lost my bill #12588, will you send it to me")).toBeUndefined();
    expect(ref("we purchase 2000 units every month")).toBeUndefined();
    expect(ref("I'd like to purchase 15000 of these")).toBeUndefined();
    expect(ref("purchase 20260612 delivery please")).toBeUndefined();
    expect(ref("I am trying to check purchase 732201349959 status")).toBe("732201349959");
  });
});
