import { describe, expect, it } from "vitest";
import { extractWithRules } from "../../src/extraction/rules/index.ts";

const SENT_AT = "2026-03-04T10:00:00+08:00";
const extract = (text: string, sentAt = SENT_AT) => extractWithRules({ text, sentAt });

describe("money and currencies", () => {
  it.each([
    ["要 200箱 A4纸，单价38元，明天送到", 38, "CNY"],
    ["Please ship 250 units of bolts at $3.40 each", 3.4, "USD"],
    ["Order: 5,000 pcs woven bags @ USD 0.21/pc, TT in advance", 0.21, "USD"],
    ["Please book 1,800 pcs of pots at EUR 4.20 each", 4.2, "EUR"],
    ["We'd like to order 60 cases of oat milk at £14.50 per case", 14.5, "GBP"],
    ["下单：标签 10k 张，0.08 元/张，月结", 0.08, "CNY"],
    ["下单：钢板 50吨 每吨 2850 元，月结", 2850, "CNY"],
  ])("%s → unit price %d %s", (text, price, currency) => {
    const out = extract(text);
    expect(out.kind).toBe("order");
    expect(out.items?.[0]?.unitPrice).toBe(price);
    expect(out.currency).toBe(currency);
  });

  it("does not take a deposit, a total or a pack size for a unit price", () => {
    expect(extract("下单 红烧牛肉面 800箱，定金5000已付，后天到货").items?.[0]?.unitPrice).toBeUndefined();
    expect(extract("Greenleaf wants 60 cases of oat milk (12/case) delivered tomorrow").items?.[0]?.unitPrice).toBeUndefined();
  });

  it("reads claimed amounts with 万 and currencies, and large losses", () => {
    const big = extract("客户说货物全部损坏，损失大概 40 万，说今天不给答复就找律师");
    expect(big.claimAmount).toBe(400000);
    expect(big.escalationReasons).toEqual(expect.arrayContaining(["large_loss", "legal_threat"]));
    const usd = extract("Our lawyer will be in touch. Your carrier destroyed $85,000 worth of lab equipment.");
    expect(usd.claimAmount).toBe(85000);
    expect(usd.currency).toBe("USD");
    expect(usd.escalationReasons).toEqual(expect.arrayContaining(["large_loss", "legal_threat"]));
    const small = extract("快递丢了一件，价值800元，客户要求赔偿");
    expect(small.kind).toBe("complaint");
    expect(small.claimAmount).toBe(800);
    expect(small.escalationReasons).toBeUndefined();
  });

  it("reads a large unit price in an order as a price, not a large loss", () => {
    const zh = extract("确认订单：华东储能订100kWh储能柜2台，单价28.5万元/台，月底前交货，预付30%");
    expect(zh).toMatchObject({ kind: "order", items: [{ quantity: 2, unitPrice: 285000 }], paymentTerms: "deposit" });
    expect(zh.escalationReasons).toBeUndefined();
    const en = extract("Confirmed for Brightline Solar: 3 transformers at USD 42,000 each, ship by March 30, net 60");
    expect(en).toMatchObject({ kind: "order", items: [{ quantity: 3, unitPrice: 42000 }], paymentTerms: "credit" });
    const lost = extract("客户说这批货价值30万，全部泡水了");
    expect(lost).toMatchObject({ kind: "escalation", category: "damage", claimAmount: 300000, escalationReasons: ["large_loss"] });
  });

  it("reads a bare sum right after a claim word, but no count, reference or number dialled", () => {
    expect(extract("快递丢了一箱，里面的茶叶价值1280，要求赔偿").claimAmount).toBe(1280);
    expect(extract("吹风机用了两天就坏了，要求退款加运费一共365").claimAmount).toBe(365);
    expect(extract("吹风机用了两天就坏了，要求退款 订单号 5520031877412").claimAmount).toBeUndefined();
    expect(extract("鞋子开胶了，再不退款我就打12315").claimAmount).toBeUndefined();
    expect(extract("我要求退款，单号 202606").claimAmount).toBeUndefined();
    expect(extract("退款申请 88231 还没处理").claimAmount).toBeUndefined();
    expect(extract("申请退款3天了还没到账").claimAmount).toBeUndefined();
  });
});

describe("negation", () => {
  it("'不是投诉，只是问一下' is no complaint", () => {
    const out = extract("不是投诉，只是问一下订单 SO20260301-17 到哪了");
    expect(out.kind).toBe("inquiry");
    expect(out.topic).toBe("tracking");
  });

  it("a negated problem is no problem", () => {
    expect(extract("This is not a complaint, just wondering what your return policy is?").kind).toBe("inquiry");
    expect(extract("今天下午三点开会，大家别迟到").kind).toBe("other");
    expect(extract("货到了，没有破损，谢谢").kind).toBe("other");
  });
});

describe("kinds and judgement fields", () => {
  it("an order with a question in it is an order", () => {
    const out = extract("客户老周：要 不锈钢板 20张，单价 680，明天能不能送？送到嘉兴秀洲区洪兴路99号，货到付款");
    expect(out).toMatchObject({ kind: "order", customer: "老周", deliveryDate: "2026-03-05", paymentTerms: "cod" });
    expect(out.items?.[0]).toMatchObject({ quantity: 20, unitPrice: 680 });
  });

  it("a thank-you about a solved problem and an agent's status note are other", () => {
    expect(extract("谢谢你们这么快处理好了，辛苦！").kind).toBe("other");
    expect(extract("虽然第一次少发了，联系了店家又马上补了一份，很好").kind).toBe("other");
    expect(extract("Thanks a lot, the replacement arrived and everything works now.").kind).toBe("other");
    expect(extract("已补发，运单 SF7788990011，明天到")).toMatchObject({ kind: "other", orderRef: "SF7788990011" });
  });

  it("a replacement request for faulty goods is a complaint with category and severity", () => {
    const out = extract("收到的20箱玻璃杯有3箱破损，运单号SF1402938475，客户要求补发");
    expect(out).toMatchObject({ kind: "complaint", category: "damage", severity: "medium", orderRef: "SF1402938475" });
  });

  it("every escalation has a category, a severity and a reason", () => {
    const safety = extract("员工在装卸时被货物砸伤脚，已送医院，当班主管请立即到场");
    expect(safety).toMatchObject({ kind: "escalation", category: "safety", severity: "critical", escalationReasons: ["safety"] });
    const regulator = extract("客户说如果明天还收不到货，就去12315投诉我们，订单号 SO20260203-22");
    expect(regulator).toMatchObject({ kind: "escalation", category: "delay", escalationReasons: ["regulator_threat"] });
    const request = extract("This is the third time I'm writing about the missing pallets and nobody has fixed it. I want to speak to your manager.");
    expect(request.kind).toBe("escalation");
    expect(new Set(request.escalationReasons)).toEqual(new Set(["repeat_complaint", "customer_request"]));
  });

  it("an agent asking a supervisor is not a customer request", () => {
    const out = extract("VIP account Orion Semiconductor: wafer shipment SH-2604-01 delayed 4 days, their fab line stops tomorrow. Please escalate to the duty manager now.");
    expect(out.kind).toBe("escalation");
    expect(out.escalationReasons).not.toContain("customer_request");
    expect(out.escalationReasons).toEqual(expect.arrayContaining(["severe_incident", "vip"]));
    expect(out.severity).toBe("critical");
  });

  it("every inquiry has a topic", () => {
    expect(extract("请问A4复印纸现在什么价？").topic).toBe("price");
    expect(extract("Do you have the 27-inch monitors in stock?").topic).toBe("stock");
    expect(extract("发票能开13%的专票吗？").topic).toBe("invoice");
    expect(extract("你们的退换货政策是几天？").topic).toBe("policy");
    expect(extract("just wanted to check on the status of a refund")).toMatchObject({ kind: "inquiry", topic: "other" });
  });

  it("states no field the text does not state", () => {
    expect(extract("大家早上好，今天也加油！")).toEqual({ kind: "other" });
    const out = extract("补货：A4复印纸80g 300箱，老价格32一箱，下周一上午送到，地址不变");
    expect(out).toStrictEqual({
      kind: "order",
      items: [{ product: "A4复印纸80g", quantity: 300, unit: "箱", unitPrice: 32 }],
      deliveryDate: "2026-03-09",
    });
  });
});

describe("customer and contact", () => {
  it("a company is the customer and the person the contact", () => {
    expect(extract("亿滋李经理下单：奥利奥礼盒 1200盒，单价18.5")).toMatchObject({ customer: "亿滋", contactName: "李经理" });
    expect(extract("Hi, this is Mark Jensen from Brightline Tools. Please ship 250 units of bolts.")).toMatchObject({
      customer: "Brightline Tools",
      contactName: "Mark Jensen",
    });
    expect(extract("你们客服电话打了一下午都没人接，什么服务态度？——东方五金 刘经理")).toMatchObject({
      customer: "东方五金",
      contactName: "刘经理",
    });
  });

  it("with only a person named, the person is the customer; staff are never labelled", () => {
    expect(extract("刘女士 139-0512-7788 订购 保温杯 二百个，单价45元")).toMatchObject({ customer: "刘女士", contactPhone: "13905127788" });
    expect(extract("@小王 交接一下，晚班我来")).toEqual({ kind: "other" });
  });
});
