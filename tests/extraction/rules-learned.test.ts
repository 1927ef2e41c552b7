import { describe, expect, it } from "vitest";
import { extractWithRules } from "../../src/extraction/rules/index.ts";
import { features, readByExamples, SoftmaxRegression } from "../../src/extraction/rules/learned.ts";
import { normalizeText } from "../../src/extraction/rules/normalize.ts";

const lower = (text: string) => normalizeText(text).lower;
const SENT_AT = "2026-06-10T09:30:00+08:00";

describe("the classifier the labelled examples teach", () => {
  const examples = [
    { lower: lower("the parcel came soaked and the box fell apart"), label: "damage" },
    { lower: lower("box crushed, two mugs smashed inside"), label: "damage" },
    { lower: lower("外箱压扁了，里面的杯子碎了"), label: "damage" },
    { lower: lower("three weeks and the parcel still has not come"), label: "delay" },
    { lower: lower("说好周二到，今天周五了还没来"), label: "delay" },
    { lower: lower("still waiting, it has been ten days"), label: "delay" },
  ];
  const model = new SoftmaxRegression(examples);
  const classify = (text: string) => model.classify(features(lower(text)));

  it("labels unseen text by the words and character n-grams it shares with the examples, in either language", () => {
    expect(classify("mugs smashed, box crushed on one side")?.label).toBe("damage");
    expect(classify("十天了还没来")?.label).toBe("delay");
    expect(classify("箱子压扁了")?.label).toBe("damage");
    expect(classify("still waiting for the parcel")?.label).toBe("delay");
  });

  it("gives probabilities that sum to one, the most likely label's among them", () => {
    const probabilities = model.probabilities(features(lower("box crushed")));
    expect([...probabilities.keys()].sort()).toEqual(["damage", "delay"]);
    expect([...probabilities.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const guess = classify("box crushed")!;
    expect(guess).toEqual({ label: "damage", probability: probabilities.get("damage") });
    expect(guess.probability).toBeGreaterThan(0.5);
  });

  it("reads a word or two as weak evidence, and a sentence like the examples as strong", () => {
    expect(classify("crushed")?.probability).toBeLessThan(0.75);
    expect(classify("box crushed, two mugs smashed inside")?.probability).toBeGreaterThan(0.95);
  });

  it("teaches the same model from the same examples every time", () => {
    const again = new SoftmaxRegression(examples);
    const text = features(lower("the box was crushed and it came a week late"));
    expect(again.probabilities(text)).toEqual(model.probabilities(text));
  });

  it("reads English by whole words: a word it never saw tells it nothing, though it shares letters with one it did", () => {
    const billing = new SoftmaxRegression([
      { lower: lower("you took the charge twice"), label: "billing" },
      { lower: lower("parcel never came"), label: "lost" },
    ]);
    const unseen = billing.probabilities(features(lower("charger")));
    expect(unseen.get("billing")).toBeCloseTo(0.5, 9);
    expect(billing.classify(features(lower("a charge I do not know")))?.label).toBe("billing");
  });

  it("counts a run of digits as one digit and reads traditional Chinese as simplified", () => {
    const digits = new SoftmaxRegression([
      { lower: lower("订单 12345 加急"), label: "a" },
      { lower: lower("你好"), label: "b" },
    ]);
    expect(digits.classify(features(lower("7")))?.label).toBe("a");
    expect(classify("說好週二到，今天週五了還沒來")?.label).toBe("delay");
  });
});

describe("the rules leave to the examples only what no cue reads", () => {
  const extract = (text: string) => extractWithRules({ text, sentAt: SENT_AT });

  it("a problem told in plain words is a complaint with a category, though it names no complaint word", () => {
    const out = extract("你们送货的师傅把我家门口的花盆踢翻了，一句话都没说就走了");
    expect(out.kind).toBe("complaint");
    expect(out.category).toBe("service");
    expect(out.severity).toBeDefined();
  });

  it("the examples overrule a kind the cues misread, when they are overwhelmingly sure", () => {
    // The counts and the reference of an order, telling a short delivery.
    expect(extract("单子上写的12件，实际就到了9件，订单 SO-552190")).toMatchObject({ kind: "complaint", orderRef: "SO-552190" });
    // A problem word in office chatter.
    expect(extract("楼下打印机又卡纸了哈哈，谁去叫下IT").kind).toBe("other");
  });

  it("a cued kind the examples only lean against stands: plain questions and orders are not overruled", () => {
    expect(extract("这款沙发有没有灰色的").kind).toBe("inquiry");
    expect(extract("Please ship the remaining 40 cartons, we're ready to receive them Tuesday").kind).toBe("order");
    expect(extract("what payment methods do you accept").kind).toBe("inquiry");
  });

  it("the examples choose the category or topic over a cue's when they are sure of it", () => {
    // The scratch names damage; what is disputed is the deposit kept for it.
    expect(extract("还车的时候说轮胎有划痕，扣了我500押金，那划痕是租之前就有的")).toMatchObject({ kind: "complaint", category: "billing" });
    // 运费 names a price, "on the way" a shipment; both ask what the rules are.
    expect(extract("退货需要自己付运费吗？")).toMatchObject({ kind: "inquiry", topic: "policy" });
    expect(extract("If the courier breaks the vase on the way, do you send a new one?")).toMatchObject({ kind: "inquiry", topic: "policy" });
  });

  it("a safety hazard the cues name stands, however sure the examples are of another category", () => {
    // The examples read a replaced charger as a quality matter; one that smoked is a hazard.
    expect(extract("上次冒烟的充电器已经给我换好了，谢谢，但是你们不赔偿我就去曝光")).toMatchObject({ kind: "escalation", category: "safety" });
  });

  it("the examples make an escalation of a complaint no cue gave a reason, with the reason they find likeliest", () => {
    // A video going round on a platform the cues do not list, told with no threat word.
    expect(extract("有人在快手上发视频说我们的加湿器漏水，播放量已经好几万了")).toMatchObject({
      kind: "escalation",
      category: "quality",
      escalationReasons: ["media_threat"],
    });
    // A plain complaint stays one.
    expect(extract("加湿器用了两天就漏水，能换一个吗")).toMatchObject({ kind: "complaint", category: "quality" });
  });

  it("a hazard no cue names needs the examples to be fairly sure: a guess of safety does not page anyone", () => {
    const reading = readByExamples(lower("孩子看了你们的广告一直在跳"));
    expect(reading.category("other", true)).toBe("other");
  });

  it("a grumble the cues already call a complaint keeps the category other where the examples are not sure of one", () => {
    const out = extract("你们新的预约送货规则太麻烦了");
    expect(out).toMatchObject({ kind: "complaint", category: "other" });
  });

  it("small talk, thanks and the sender's own next step stay other whatever the examples would say", () => {
    for (const text of ["新年快乐，祝生意兴隆🎉", "thanks a lot, have a good weekend", "OK, I'll check with the warehouse and come back to you"]) {
      expect(extract(text).kind).toBe("other");
    }
  });

  it("a reply that only gives a name, a handle, an email or an id is other: sharing letters with complaints is not enough", () => {
    for (const text of ["Alessandro Phoenix", "aphoenix939", "aphoenix939@email.com", "Username: cminh730", "(977) 625-2661"]) {
      expect(extract(text).kind).toBe("other");
    }
  });

  it("a message without a single word is other: there is nothing to compare", () => {
    expect(extract("1234567 8901234 5678").kind).toBe("other");
    expect(extract("🙂🙂🙂").kind).toBe("other");
  });
});
