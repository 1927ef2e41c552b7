import { describe, expect, it } from "vitest";
import { extractWithRules } from "../../src/extraction/rules/index.ts";

/**
 * Round 3 of classification phrasings, written for this file (not taken from any fixture or corpus).
 * sentAt is a Tuesday, 2026-07-14.
 */
const SENT_AT = "2026-07-14T10:00:00+08:00";
const extract = (text: string) => extractWithRules({ text, sentAt: SENT_AT });

type Expect = {
  kind: string;
  category?: string;
  topic?: string;
  severity?: string;
  paymentTerms?: string;
  deliveryDate?: string;
  escalationReasons?: string[];
  quantity?: number;
};

const CASES: [family: string, text: string, expected: Expect][] = [
  // 1. traditional Chinese reads as simplified
  ["traditional", "訂購300個膠袋，單價0.5元，下週二送到，先款後貨", { kind: "order", paymentTerms: "prepaid", deliveryDate: "2026-07-21", quantity: 300 }],
  ["traditional", "我要買50箱礦泉水，貨到付款，後天送過來", { kind: "order", paymentTerms: "cod", deliveryDate: "2026-07-16", quantity: 50 }],
  ["traditional", "請問這款膠帶還有貨嗎？", { kind: "inquiry", topic: "stock" }],
  ["traditional", "訂單寄錯了，我要的是藍色，收到的是紅色", { kind: "complaint", category: "wrong_item" }],
  ["traditional", "包裹到現在還沒到，已經晚了一週", { kind: "complaint", category: "delay" }],
  // 2. orders phrased as changes
  ["order-change", "pls add 3 more desk lamps to order #A5512, do i pay the difference by card?", { kind: "order", quantity: 3 }],
  ["order-change", "Can you add 12 extra folding chairs to my order SO-8821?", { kind: "order", quantity: 12 }],
  ["order-change", "订单DD20260701再加20箱牛奶，差价怎么付？", { kind: "order", quantity: 20 }],
  ["order-change", "上次那单追加50个收纳盒，一起发", { kind: "order", quantity: 50 }],
  // 3. delay complaints phrased as requests vs calm tracking
  ["delay-request", "都一周了物流还停在中转站一直不动，能不能帮忙催一下", { kind: "complaint", category: "delay" }],
  ["delay-request", "My parcel has been stuck in transit for 9 days, can you chase the courier?", { kind: "complaint", category: "delay" }],
  ["delay-request", "The tracking hasn't moved since last Monday, could you look into it?", { kind: "complaint", category: "delay" }],
  ["delay-request", "我的快递显示运输中已经六天没更新了", { kind: "complaint", category: "delay" }],
  ["tracking-calm", "我昨天拍的那个杯子发货了没", { kind: "inquiry", topic: "tracking" }],
  ["tracking-calm", "不是投诉啊，就问一下我的单子发货了没有", { kind: "inquiry", topic: "tracking" }],
  ["tracking-calm", "Hi, when will my order ship?", { kind: "inquiry", topic: "tracking" }],
  // 4. service complaints
  ["service", "你们售后是真的没人在吗，打了一上午电话", { kind: "complaint", category: "service" }],
  ["service", "在线留言两天了一条回复都没有", { kind: "complaint", category: "service" }],
  ["service", "I've emailed three times and nobody replied.", { kind: "complaint", category: "service" }],
  ["service", "Your hotline rings out, no one ever answers.", { kind: "complaint", category: "service" }],
  // 5. wrong item
  ["wrong-item", "我拍的是灰色M码，到手是黑色XL码", { kind: "complaint", category: "wrong_item" }],
  ["wrong-item", "I ordered the oak shelf, got a pine one instead.", { kind: "complaint", category: "wrong_item" }],
  ["wrong-item", "You sent me the wrong size boots.", { kind: "complaint", category: "wrong_item" }],
  ["wrong-item", "No need for a supervisor, just ship the correct charger please. You sent the wrong model.", { kind: "complaint", category: "wrong_item" }],
  // 6. billing
  ["billing", "会员卡扣了我30元的月费，当初说好的免月费", { kind: "complaint", category: "billing" }],
  ["billing", "You still owe me $75 from the cancelled booking.", { kind: "complaint", category: "billing" }],
  ["billing", "They only refunded part of my deposit, $40 is missing.", { kind: "complaint", category: "billing" }],
  ["billing", "You owe me a $220 refund. Pay it this week or I file with the BBB.", { kind: "escalation", category: "billing" }],
  // 7. quality / damage / lost
  ["quality", "面包里吃出一根头发，太恶心了", { kind: "complaint", category: "quality", severity: "high" }],
  ["quality", "Found a piece of plastic in my soup.", { kind: "complaint", category: "quality", severity: "high" }],
  ["quality", "风扇开了两下就不转了，我要退款", { kind: "complaint", category: "quality" }],
  ["quality", "The mug arrived with a small chip on the handle, could you send one replacement?", { kind: "complaint", category: "damage", severity: "low" }],
  ["quality", "热水器漏水把柜子泡坏了", { kind: "complaint", category: "quality" }],
  ["quality", "这个耳机半个月坏了三次", { kind: "complaint", category: "quality" }],
  ["damage", "冷藏车冷机半路停了，整车冻肉全部化冻报废", { kind: "escalation", category: "damage", escalationReasons: ["severe_incident"] }],
  ["lost", "昨晚发出的整车货失联了，司机电话也打不通", { kind: "escalation", category: "lost" }],
  ["lost", "Our shipment is missing, the carrier has no record of it.", { kind: "complaint", category: "lost" }],
  // 8. inquiry topics
  ["topics", "退货的话运费谁出？", { kind: "inquiry", topic: "policy" }],
  ["topics", "Who covers the return postage?", { kind: "inquiry", topic: "policy" }],
  ["topics", "Is there a restocking fee if I send it back?", { kind: "inquiry", topic: "policy" }],
  ["topics", "你们门店几点开门？", { kind: "inquiry", topic: "other" }],
  ["topics", "What are your opening hours on Sunday?", { kind: "inquiry", topic: "other" }],
  ["topics", "When is container MSKU7712345 expected at Ningbo?", { kind: "inquiry", topic: "tracking" }],
  ["topics", "What's the ETA of booking BK99120?", { kind: "inquiry", topic: "tracking" }],
  // 9. other
  ["other", "祝大家中秋快乐，阖家团圆！", { kind: "other" }],
  ["other", "新春快乐，感谢一年来的支持", { kind: "other" }],
  ["other", "Happy holidays from all of us!", { kind: "other" }],
  ["other", "happy friday team 🎉", { kind: "other" }],
  ["other", "不好意思发错群了，请忽略", { kind: "other" }],
  ["other", "Sorry, wrong chat, please ignore", { kind: "other" }],
  ["other", "中午一起去吃面吗", { kind: "other" }],
  ["other", "Status: refund of $62 processed for ticket T-5531, customer notified.", { kind: "other" }],
  ["other", "已补发，单号YT99887766", { kind: "other" }],
  ["other", "客户那边已退款128元，已处理", { kind: "other" }],
  // more of each family
  ["traditional", "裡面的膠條用了三天就斷了", { kind: "complaint", category: "quality" }],
  ["traditional", "我的訂單下週能發貨嗎？", { kind: "inquiry", topic: "tracking" }],
  ["order-change", "Could you add 4 more cases of printer paper to PO-7710? Happy to pay the extra by card.", { kind: "order", quantity: 4 }],
  ["delay-request", "Package still in transit after ten days, no new scans on the tracking page.", { kind: "complaint", category: "delay" }],
  ["tracking-calm", "请问单号YT5566778899什么时候发货？", { kind: "inquiry", topic: "tracking" }],
  ["wrong-item", "I don't want a supervisor, just send me the correct lid please", { kind: "complaint", category: "wrong_item" }],
  ["quality", "小电扇转了几下就不动了，要 refund", { kind: "complaint", category: "quality" }],
  ["quality", "平板电脑两个月坏了三回了", { kind: "complaint", category: "quality" }],
  ["damage", "The reefer unit was off for the whole trip and the entire load spoiled.", { kind: "escalation", category: "damage" }],
  ["damage", "司机违规操作把冷机关了，整柜海鲜全部化冻报废", { kind: "escalation", category: "damage", escalationReasons: ["severe_incident"] }],
  ["lost", "We lost contact with the truck carrying our full load since last night.", { kind: "escalation", category: "lost" }],
  ["topics", "Who pays for return shipping on an exchange?", { kind: "inquiry", topic: "policy" }],
  ["other", "已补发2件，运单SF1234567890", { kind: "other" }],
  ["other", "Status: replacement of 2 units shipped for order SO-991, customer notified.", { kind: "other" }],
  ["other", "Note: refund of ¥86 issued to customer, ticket closed", { kind: "other" }],
];

describe("classification round 3: families of unseen phrasings", () => {
  it.each(CASES)("[%s] %s", (_family, text, expected) => {
    const { escalationReasons, quantity, ...rest } = expected;
    const out = extract(text);
    expect(out).toMatchObject(rest);
    if (escalationReasons) expect([...(out.escalationReasons ?? [])].sort()).toEqual([...escalationReasons].sort());
    if (quantity !== undefined) expect(out.items?.[0]?.quantity).toBe(quantity);
  });
});
