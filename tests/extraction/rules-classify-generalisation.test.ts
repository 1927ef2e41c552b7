import { describe, expect, it } from "vitest";
import { extractWithRules } from "../../src/extraction/rules/index.ts";

/**
 * Typical customer-service phrasings, written for this file (not taken from any fixture), that the
 * classification must get right in both languages: kind, and the judgement field each kind carries.
 */
const SENT_AT = "2026-06-10T09:30:00+08:00";
const extract = (text: string) => extractWithRules({ text, sentAt: SENT_AT });

type Expect = { kind: string; category?: string; topic?: string; severity?: string };

const CASES: [string, Expect][] = [
  // complaints, English (tweets to brands, shop and bank chats)
  ["@AcmeShop my order never arrived and it's been 2 weeks. where is my package??", { kind: "complaint", category: "delay", severity: "medium" }],
  ["I want a refund, the blender stopped working after 3 days", { kind: "complaint", category: "quality", severity: "medium" }],
  ["cancel my order please, it's been 10 days and still not shipped", { kind: "complaint", category: "delay" }],
  ["I was charged twice for the same order, please fix", { kind: "complaint", category: "billing" }],
  ["The delivery guy was so rude to my mother", { kind: "complaint", category: "service", severity: "low" }],
  ["The lamp arrived broken, the box was crushed on one side", { kind: "complaint", category: "damage", severity: "medium" }],
  ["Received the wrong size, I ordered a medium and got a large", { kind: "complaint", category: "wrong_item" }],
  ["I received my order but one item is missing", { kind: "complaint", category: "wrong_item" }],
  ["I still haven't received my refund, it's been 3 weeks", { kind: "complaint", category: "billing" }],
  ["Why is there a $12 service charge on my statement? Nobody told me about it.", { kind: "complaint", category: "billing", severity: "low" }],
  // complaints, Chinese
  ["快递三天了还没到，到底怎么回事", { kind: "complaint", category: "delay", severity: "medium" }],
  ["收到的杯子碎了两个，要求补发", { kind: "complaint", category: "damage", severity: "medium" }],
  ["衣服尺码发错了，我要退货", { kind: "complaint", category: "wrong_item" }],
  ["客服一直不回复，什么态度", { kind: "complaint", category: "service", severity: "medium" }],
  ["为什么扣了我两次钱？", { kind: "complaint", category: "billing" }],
  ["买的电饭煲用了一周就坏了，能换吗", { kind: "complaint", category: "quality" }],
  ["订单取消了怎么还没退款", { kind: "complaint", category: "billing" }],
  ["牛奶打开有股酸味，已经变质了，麻烦退款", { kind: "complaint", category: "quality", severity: "medium" }],
  ["面条有点咸，不过还行，下次注意", { kind: "complaint", category: "quality", severity: "low" }],
  // escalations
  ["I'm going to report you to the CFPB if this charge isn't reversed", { kind: "escalation", category: "billing" }],
  ["I want to speak to a manager now, the courier left my parcel in the rain and it's soaked", { kind: "escalation", category: "damage", severity: "high" }],
  ["VIP客户的货今天又没到，客户很着急", { kind: "escalation", category: "delay" }],
  // inquiries
  ["where is my package? ordered on monday", { kind: "inquiry", topic: "tracking" }],
  ["我的快递到哪了？", { kind: "inquiry", topic: "tracking" }],
  ["Can I cancel my order?", { kind: "inquiry", topic: "policy" }],
  ["取消订单以后多久能退到原卡？", { kind: "inquiry" }],
  ["If I cancel my flight in May, do I still get an eCredit?", { kind: "inquiry" }],
  // a cancellation asked for is a change to an order
  ["I don't want my last item, help me cancel order 370795561790", { kind: "order" }],
  ["can I cancel order 00004587345?", { kind: "order" }],
  ["客户说 SO20260902-33 里的 不锈钢汤锅 那一行取消，其他照发", { kind: "order" }],
  ["北京朝阳区望京街道阜通东大街6号院 改成这个地址可以嘛", { kind: "order" }],
  ["Do you have the phone case in blue?", { kind: "inquiry", topic: "stock" }],
  ["How much is shipping to Canada?", { kind: "inquiry", topic: "price" }],
  ["這款保溫杯多少錢？", { kind: "inquiry", topic: "price" }],
  ["发票什么时候能开？", { kind: "inquiry", topic: "invoice" }],
  ["I need a copy of my invoice for March", { kind: "inquiry", topic: "invoice" }],
  ["hey, what time do you close today?", { kind: "inquiry", topic: "policy" }],
  // other
  ["thank you so much, the replacement came today!", { kind: "other" }],
  ["谢谢，已经收到了，很满意", { kind: "other" }],
  ["明天大雨，大家出车注意安全", { kind: "other" }],
  ["Refund of $40 issued to the customer's card, case closed.", { kind: "other" }],
  // orders that mention hazardous goods or a hospital are still orders
  ["please send 20 boxes of gloves to St Mary's Hospital tomorrow", { kind: "order" }],
  ["要工业盐酸5吨，单价900元/吨，下周三前送到厂里，危险品车请提前报备", { kind: "order" }],
];

describe("classification generalises to new phrasings", () => {
  it.each(CASES)("%s", (text, expected) => {
    expect(extract(text)).toMatchObject(expected);
  });

  it("a card or payment the system refused names no billing problem, but a charge beside it does", () => {
    expect(extract("my card got declined twice at the pharmacy, what is going on?")).toMatchObject({ kind: "complaint", category: "other" });
    expect(extract("The ATM ate my card this morning and the branch is closed")).toMatchObject({ kind: "complaint", category: "other" });
    expect(extract("I was charged twice after my card got declined")).toMatchObject({ kind: "complaint", category: "billing" });
    expect(extract("the payment was duplicated on my statement, please fix it")).toMatchObject({ kind: "complaint", category: "billing" });
  });

  it("a calm question about an invoice not yet received is an invoice inquiry", () => {
    expect(extract("上个月的发票我们还没收到，寄出了吗？")).toMatchObject({ kind: "inquiry", topic: "invoice" });
  });

  it("a problem asked about hypothetically is a policy inquiry", () => {
    expect(extract("如果收到的货有破损怎么处理？")).toMatchObject({ kind: "inquiry", topic: "policy" });
    expect(extract("What happens if my parcel gets lost?")).toMatchObject({ kind: "inquiry", topic: "policy" });
  });

  it("praise inside a complaint phrase is no praise", () => {
    expect(extract("对这次的服务很不满意，送货员态度差")).toMatchObject({ kind: "complaint", category: "service" });
  });

  it("a safety word without an incident gives no safety escalation", () => {
    const out = extract("Reminder: dangerous goods need the hazmat form before pickup");
    expect(out.kind).not.toBe("escalation");
  });
});
