import { describe, expect, it } from "vitest";
import { extractWithRules } from "../../src/extraction/rules/index.ts";

/**
 * Round 4 of classification phrasings, written for this file (not taken from any fixture or corpus).
 * sentAt is a Tuesday, 2026-07-14.
 */
const SENT_AT = "2026-07-14T10:00:00+08:00";
const extract = (text: string) => extractWithRules({ text, sentAt: SENT_AT });

type Expect = {
  kind: string;
  category?: string;
  topic?: string;
  escalationReasons?: string[];
  notReasons?: string[];
};

export const CASES: [family: string, text: string, expected: Expect][] = [
  // 1. escalation category comes from the underlying problem
  ["esc-category", "扫地机器人坏了半个月了，一直没人处理，我要找你们领导", { kind: "escalation", category: "quality" }],
  ["esc-category", "My robot vacuum has been broken for two weeks, get me your manager now", { kind: "escalation", category: "quality" }],
  ["esc-category", "整车货被雨水浸泡，全部报废，损失十五万，要求全额赔偿", { kind: "escalation", category: "damage" }],
  ["esc-category", "司机把货放在太阳底下晒了一下午，整批巧克力全部化了报废，我们要起诉", { kind: "escalation", category: "damage" }],
  ["esc-category", "The whole truckload was soaked by rain and is ruined, our lawyer will be in touch about compensation", { kind: "escalation", category: "damage" }],
  ["esc-category", "Goods were left in the sun at your depot and spoiled, we are claiming $40,000 and will sue", { kind: "escalation", category: "damage" }],
  ["esc-category", "Our attorney has sent a letter demanding compensation for the ruined shipment", { kind: "escalation", category: "damage" }],
  ["esc-category", "少了12箱，短装这么多，再不解决我就投诉到12315", { kind: "escalation", category: "wrong_item" }],
  ["esc-category", "We were short-shipped 40 cartons, missing cartons again, escalate this to your manager", { kind: "escalation", category: "wrong_item" }],
  ["esc-category", "说好48小时内回复，结果到现在没人联系我，我要投诉到消协", { kind: "escalation", category: "service" }],
  ["esc-category", "You promised a reply within 48h and nobody called, I want to speak to your supervisor", { kind: "escalation", category: "service" }],
  // 2. reachability service complaints; call counts are no repeat_complaint
  ["reachability", "打了三次客服电话都没人接", { kind: "complaint", category: "service", notReasons: ["repeat_complaint"] }],
  ["reachability", "在线客服也不回，电话也打不通，什么服务", { kind: "complaint", category: "service" }],
  ["reachability", "waiting 45 min on your chat for a human", { kind: "complaint", category: "service" }],
  ["reachability", "three bots later still nothing, is there a real person there", { kind: "complaint", category: "service" }],
  ["reachability", "I've been on hold for an hour, this is ridiculous", { kind: "complaint", category: "service" }],
  ["reachability", "Called four times today and nobody answers the phone", { kind: "complaint", category: "service" }],
  ["reachability", "客服热线一直占线，打了五次都没人接听", { kind: "complaint", category: "service" }],
  // 3. wrong item, English shorthand
  ["wrong-item", "ordered navy, got grey", { kind: "complaint", category: "wrong_item" }],
  ["wrong-item", "ordered a L, received an M. exchange pls", { kind: "complaint", category: "wrong_item" }],
  ["wrong-item", "asked for the 64GB model, you sent the 128GB one", { kind: "complaint", category: "wrong_item" }],
  ["wrong-item", "I ordered oat milk and got almond milk instead", { kind: "complaint", category: "wrong_item" }],
  ["wrong-item", "wrong size again, exchange pls", { kind: "complaint", category: "wrong_item" }],
  // 4. dangerous-goods violations
  ["hazmat", "锂电池和普货混装，没贴危险品标识，整车被查扣了", { kind: "escalation", category: "safety", escalationReasons: ["safety"] }],
  ["hazmat", "你们司机违规操作，危险品未申报就上了车", { kind: "escalation", category: "safety", escalationReasons: ["safety"] }],
  ["hazmat", "Lithium batteries were mixed with general cargo with no hazmat label, the container got seized", { kind: "escalation", category: "safety", escalationReasons: ["safety"] }],
  ["hazmat", "锂电池没有申报就跟普货一起装车了，被海关扣了", { kind: "escalation", category: "safety", escalationReasons: ["safety"] }],
  ["reachability", "客服电话打了好几次都打不通", { kind: "complaint", category: "service", notReasons: ["repeat_complaint"] }],
  ["wrong-item", "ordered black, got white. exchange please", { kind: "complaint", category: "wrong_item" }],
  ["other", "Back Monday, Tom is covering my inbox", { kind: "other" }],
  ["hazmat", "Undeclared dangerous goods found in your shipment, customs held it", { kind: "escalation", category: "safety", escalationReasons: ["safety"] }],
  // 5. inquiries with a conditional order, policy, price
  ["inquiry", "这款保温杯还有货吗 要30件左右 有的话我再下单", { kind: "inquiry", topic: "stock" }],
  ["inquiry", "If you have the blue mugs in stock I'll order 50", { kind: "inquiry", topic: "stock" }],
  ["inquiry", "Do you have 200 of the M6 bolts available? if so we'll place an order", { kind: "inquiry", topic: "stock" }],
  ["inquiry", "退货是7天无理由吗？拆封了还能退不", { kind: "inquiry", topic: "policy" }],
  ["inquiry", "Can I still return it if I opened the box?", { kind: "inquiry", topic: "policy" }],
  ["inquiry", "麻烦报个价，螺纹钢每吨多少，含税", { kind: "inquiry", topic: "price" }],
  ["inquiry", "quote me for 20 tons of rebar delivered to Ningbo", { kind: "inquiry", topic: "price" }],
  ["inquiry", "how much per ton for the PVC resin?", { kind: "inquiry", topic: "price" }],
  // 6. other: chit-chat, out-of-office, idioms
  ["other", "中午谁去食堂？帮我带个饭", { kind: "other" }],
  ["other", "anyone want coffee? I'm going downstairs", { kind: "other" }],
  ["other", "I'm out Friday, Jen's covering my accounts", { kind: "other" }],
  ["other", "明天请假一天，有事找小王", { kind: "other" }],
  ["other", "Off tomorrow — ping me only if anything's on fire", { kind: "other" }],
  ["other", "老板说这批火速安排，大家辛苦了", { kind: "other" }],
  ["other", "双十一爆单了，大家加油！", { kind: "other" }],
  ["other", "OOO until Monday, Sam is handling escalations meanwhile", { kind: "other" }],
];

describe("classification round 4: families of unseen phrasings", () => {
  it.each(CASES)("[%s] %s", (_family, text, expected) => {
    const { escalationReasons, notReasons, ...rest } = expected;
    const out = extract(text);
    expect(out).toMatchObject(rest);
    if (escalationReasons) expect([...(out.escalationReasons ?? [])].sort()).toEqual([...escalationReasons].sort());
    if (notReasons) for (const r of notReasons) expect(out.escalationReasons ?? []).not.toContain(r);
  });
});
