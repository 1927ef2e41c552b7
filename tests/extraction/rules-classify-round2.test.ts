import { describe, expect, it } from "vitest";
import { extractWithRules } from "../../src/extraction/rules/index.ts";

/**
 * Round 2 of classification phrasings, written for this file (not taken from any fixture or corpus):
 * one block per family of misses seen on unseen text.
 */
const SENT_AT = "2026-07-14T10:00:00+08:00";
const extract = (text: string) => extractWithRules({ text, sentAt: SENT_AT });

type Expect = { kind: string; category?: string; topic?: string; severity?: string; escalationReasons?: string[] };

const CASES: [family: string, text: string, expected: Expect][] = [
  // 1. the category of a threat-driven escalation comes from the underlying problem
  ["threat-category", "你们的车每天早上五点在楼下卸货，吵得整栋楼睡不着，再这样我就打12345", { kind: "escalation", category: "service", escalationReasons: ["regulator_threat"] }],
  ["threat-category", "半夜两点还在装货，噪音太大了，我要向消协反映", { kind: "escalation", category: "service" }],
  ["threat-category", "新买的行李箱第一次用轮子就掉了，不给退我就找媒体曝光", { kind: "escalation", category: "quality", escalationReasons: ["media_threat"] }],
  ["threat-category", "The kettle stopped working on day one. Refund me or I'm taking this to the consumer council.", { kind: "escalation", category: "quality" }],
  ["threat-category", "椅子把手用了两天就脱落了，再不处理就投诉到12315", { kind: "escalation", category: "quality" }],
  ["threat-category", "不处理我就打12345", { kind: "escalation", category: "other" }],
  // 2. a question about what happens if something breaks is a policy inquiry
  ["policy-question", "坏了是寄修还是上门？", { kind: "inquiry", topic: "policy" }],
  ["policy-question", "这台洗衣机保修几年？", { kind: "inquiry", topic: "policy" }],
  ["policy-question", "If it breaks do you repair it or replace it?", { kind: "inquiry", topic: "policy" }],
  ["policy-question", "What's covered under the warranty?", { kind: "inquiry", topic: "policy" }],
  ["policy-question", "请问屏幕摔碎了保修管吗", { kind: "inquiry", topic: "policy" }],
  ["policy-question", "Is water damage covered?", { kind: "inquiry", topic: "policy" }],
  // 3. rule-breaking and safety violations are escalations with reason safety
  ["safety-violation", "今天巡查发现危险品仓里有人抽烟，请安全经理立刻处理", { kind: "escalation", category: "safety", escalationReasons: ["safety"] }],
  ["safety-violation", "装卸工不戴安全帽就上高位货架作业", { kind: "escalation", category: "safety", escalationReasons: ["safety"] }],
  ["safety-violation", "那辆车明显超载了，司机还连续开了十几个小时疲劳驾驶", { kind: "escalation", category: "safety" }],
  ["safety-violation", "Saw a forklift driver carrying two people on the forks in aisle 4", { kind: "escalation", category: "safety", escalationReasons: ["safety"] }],
  ["safety-violation", "Container 12 is leaking some chemical onto the dock floor", { kind: "escalation", category: "safety", escalationReasons: ["safety"] }],
  // 4. asking for a manager, mixed language
  ["manager-request", "我要跟你们 manager 直接谈，这个退款拖了半个月", { kind: "escalation", escalationReasons: ["customer_request"] }],
  ["manager-request", "叫你们经理来，我不跟你说了", { kind: "escalation", escalationReasons: ["customer_request"] }],
  ["manager-request", "给我找个能做主的人，货少了三箱", { kind: "escalation", category: "wrong_item", escalationReasons: ["customer_request"] }],
  ["manager-request", "let me talk to your supervisor, the parcel is still not here", { kind: "escalation", category: "delay", escalationReasons: ["customer_request"] }],
  ["manager-request", "同一个问题我已经反映三次了都没人解决，找你们boss来", { kind: "escalation", escalationReasons: ["repeat_complaint", "customer_request"] }],
  ["manager-request", "This is the third time I'm writing about the broken handle and nothing has been fixed", { kind: "escalation", escalationReasons: ["repeat_complaint"] }],
  // 5. B2B billing disputes in English
  ["b2b-billing", "Your invoice bills us for 120 units but only 100 arrived. Please issue a credit note.", { kind: "complaint", category: "billing", severity: "medium" }],
  ["b2b-billing", "We were overbilled on INV-5531, kindly send a credit memo.", { kind: "complaint", category: "billing" }],
  ["b2b-billing", "It looks like we have been double invoiced for the May shipment.", { kind: "complaint", category: "billing" }],
  ["b2b-billing", "The order was short-shipped but charged in full, please correct.", { kind: "complaint", category: "billing" }],
  // 6. hotel / service mixes
  ["hotel-service", "空调有点吵，但最让人生气的是前台让我们等了一个小时还爱答不理，要求免一晚房费", { kind: "complaint", category: "service" }],
  ["hotel-service", "Waited 40 minutes at check-in and the staff were cold and dismissive, I want a refund for the night", { kind: "complaint", category: "service" }],
  // 7. e-commerce chat, telecom/bank, tweets, thanks
  ["ecommerce", "亲，我的快递怎么还没到啊", { kind: "complaint", category: "delay" }],
  ["ecommerce", "显示签收了但是我根本没收到", { kind: "complaint", category: "lost" }],
  ["ecommerce", "买了两件只收到一件，少了一件", { kind: "complaint", category: "wrong_item" }],
  ["ecommerce", "我要的是白色，颜色发错了", { kind: "complaint", category: "wrong_item" }],
  ["ecommerce", "退货运费谁出？", { kind: "inquiry", topic: "policy" }],
  ["telecom-bank", "这个月话费乱扣费，多扣了30块", { kind: "complaint", category: "billing" }],
  ["telecom-bank", "There is an unauthorized charge on my card from your company", { kind: "complaint", category: "billing" }],
  ["telecom-bank", "账单有问题，流量费用不对", { kind: "complaint", category: "billing" }],
  ["telecom-bank", "I can't log in to the app since yesterday, it keeps saying error", { kind: "complaint" }],
  ["tweet", "@FastShip worst service ever!! still waiting for my parcel after 10 days. never again", { kind: "complaint", category: "delay" }],
  ["tweet", "@CoolMart still waiting on my refund!!", { kind: "complaint", category: "billing" }],
  ["thanks", "好的谢谢", { kind: "other" }],
  ["thanks", "ok 收到 👍", { kind: "other" }],
  ["thanks", "🙏🙏", { kind: "other" }],
  ["thanks", "Thanks, got it!", { kind: "other" }],
  // guards: the new cues must not fire where nothing happened or nobody asks for a manager
  ["guard", "电饭煲用了三天就坏了，保修吗？", { kind: "complaint", category: "quality" }],
  ["guard", "The blender arrived cracked, is that covered?", { kind: "complaint", category: "damage" }],
  ["guard", "let me talk to my boss and get back to you on the quantity", { kind: "other" }],
  ["guard", "仓库今天下午断网，大家先手工登记入库单", { kind: "other" }],
  ["guard", "收到的杯子碎了，客服态度还很差，要求赔偿", { kind: "complaint", category: "damage" }],
  // more of the same families
  ["hotel-service", "热水器坏了报修等了三个小时，服务员还一脸不耐烦，必须免单", { kind: "complaint", category: "service", severity: "medium" }],
  ["b2b-billing", "Invoice 7781 charges us for 40 cartons, we only received 36. Please credit the difference.", { kind: "complaint", category: "billing" }],
  ["telecom-bank", "Cancelled my plan in May and you keep charging me every month", { kind: "complaint", category: "billing" }],
  ["telecom-bank", "信用卡被莫名扣了两笔年费", { kind: "complaint", category: "billing" }],
  ["ecommerce", "付款五天了还不发货，什么情况", { kind: "complaint", category: "delay" }],
  ["ecommerce", "收到的裙子跟图片不一样，要退货", { kind: "complaint", category: "quality" }],
  ["safety-violation", "The night shift driver had been behind the wheel 13 hours straight without a break", { kind: "escalation", category: "safety" }],
];

describe("classification round 2: families of unseen phrasings", () => {
  it.each(CASES)("[%s] %s", (_family, text, expected) => {
    const { escalationReasons, ...rest } = expected;
    const out = extract(text);
    expect(out).toMatchObject(rest);
    if (escalationReasons) expect([...(out.escalationReasons ?? [])].sort()).toEqual([...escalationReasons].sort());
  });
});
