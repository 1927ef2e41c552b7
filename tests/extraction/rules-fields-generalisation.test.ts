import { describe, expect, it } from "vitest";
import { extractWithRules } from "../../src/extraction/rules/index.ts";
import { findItems, nothingButItems } from "../../src/extraction/rules/items.ts";
import { scanMessage } from "../../src/extraction/rules/scan.ts";

/**
 * Field extraction on sentences written for these tests (not taken from dev, extra or blind): number
 * forms, quantity and price phrasings, references, relative dates, parties, addresses and payment terms.
 */

const WED = "2026-03-04T10:00:00+08:00"; // a Wednesday

const extract = (text: string, sentAt = WED) => extractWithRules({ text, sentAt });

const CASES: [string, string, Record<string, unknown>][] = [
  ["一千二 and 单价 with 款到发货", "客户刘强（15802113344）订购不锈钢保温杯一千二百个，单价23.5元，3月10号送到杭州市西湖区文三路90号，款到发货", {
    customer: "刘强", contactPhone: "15802113344", items: [{ product: "不锈钢保温杯", quantity: 1200, unitPrice: 23.5 }],
    deliveryDate: "2026-03-10", deliveryAddress: "杭州市西湖区文三路90号", paymentTerms: "prepaid" }],
  ["3千箱, 每箱, 下月5号前, 月结", "华联超市要矿泉水3千箱，每箱18元，下月5号前送到南京市鼓楼区中山北路200号，月结60天", {
    customer: "华联超市", items: [{ quantity: 3000, unitPrice: 18 }], deliveryDate: "2026-04-05", paymentTerms: "credit" }],
  ["2w只 and 0.8元/只 after PO#", "PO# 778812 confirm: 2w只口罩，0.8元/只，下周一前送到，货到付款", {
    orderRef: "778812", items: [{ product: "口罩", quantity: 20000, unitPrice: 0.8 }], deliveryDate: "2026-03-09", paymentTerms: "cod" }],
  ["4k 条 with a bare unit price", "要 4k 条数据线，单价 6.5，本周五到，送到深圳市南山区科技园南区高新南四道18号", {
    items: [{ product: "数据线", quantity: 4000, unitPrice: 6.5 }], deliveryDate: "2026-03-06" }],
  ["N块M and 3 元 5 角 prices", "请于2026年3月20日前发出 800 卷胶带，每卷 3 元 5 角", {
    items: [{ product: "胶带", quantity: 800, unitPrice: 3.5 }], deliveryDate: "2026-03-20" }],
  ["十八块五 per unit", "老李要的水泥 30吨，十八块五一吨，后天拉到工地", {
    customer: "老李", items: [{ product: "水泥", quantity: 30, unitPrice: 18.5 }], deliveryDate: "2026-03-06" }],
  ["x N after a model number", "帮我下个单：折叠椅 FC-09 x 120，每把 ¥45，下周二前送到", {
    items: [{ product: "折叠椅", quantity: 120, unitPrice: 45 }], deliveryDate: "2026-03-10" }],
  ["qty N and a price each", "We need qty 40 office chairs at $89 each, deliver to our Denver warehouse next Tuesday, COD please", {
    items: [{ product: "office chairs", quantity: 40, unitPrice: 89 }], deliveryDate: "2026-03-10", paymentTerms: "cod" }],
  ["1.5k pcs, end of the month, prepay", "Order #45821: 1.5k pcs cable ties at 0.05 each, ship by end of the month, prepay", {
    orderRef: "45821", items: [{ product: "cable ties", quantity: 1500, unitPrice: 0.05 }], deliveryDate: "2026-03-31", paymentTerms: "prepaid" }],
  ["a pack spec glued to the product is not the count", "订 维生素C片 100mg*60片 2,400瓶，单价15元，周五前送到", {
    items: [{ quantity: 2400, unitPrice: 15 }], deliveryDate: "2026-03-06" }],
  ["再补 before the count is no part of the product, 十五号前 a date", "一次性外科口罩再补一万五只，按0.32走，十五号前到", {
    items: [{ product: "一次性外科口罩", quantity: 15000 }], deliveryDate: "2026-03-15" }],
  ["a filler before the name is no part of it; 个 after 那 still counts", "那个一次性外科口罩再补一万五只，那个月饼礼盒300盒，每个三千五", {
    items: [{ product: "一次性外科口罩", quantity: 15000 }, { product: "月饼礼盒", quantity: 300, unitPrice: 3500 }] }],
  ["a spaced carrier waybill", "运单号：YT 8800 1234 5678 到哪了？", { orderRef: "YT 8800 1234 5678" }],
  ["a container number with its check digit", "上海锦程国际物流有限公司陈经理：集装箱号 TGHU 123456-7 今天能提吗", {
    customer: "上海锦程国际物流有限公司", contactName: "陈经理", orderRef: "TGHU 123456-7" }],
  ["a dashed PO with a region code", "请确认 PO-BJ-2231 的发货时间", { orderRef: "PO-BJ-2231" }],
  ["digits after a waybill label are not a phone", "Where is AWB 180-55512345? Customs needs the invoice.", { orderRef: "180-55512345" }],
  ["abbreviated weekday with this", "Kevin@恒达物流：要 stretch film 300 rolls，RMB 24/roll，this Fri 前送到", {
    customer: "恒达物流", contactName: "Kevin", items: [{ quantity: 300, unitPrice: 24 }], deliveryDate: "2026-03-06" }],
  ["下周一 said on a Sunday night is the next day", "下周一送200箱洗衣液，单价四十五", { deliveryDate: "2026-03-09" }],
  ["on the Nth and a UK postcode", "Please send 3 pallets of bottled water to Unit 4, Riverside Trading Estate, Leeds LS10 1AB on the 18th. Account terms as usual.", {
    items: [{ product: "bottled water", quantity: 3 }], deliveryDate: "2026-03-18", deliveryAddress: "Unit 4, Riverside Trading Estate, Leeds LS10 1AB", paymentTerms: "credit" }],
  ["a European address with postcode and day-first date", "Please confirm order SO-88213 for Greenfield Organics: 60 cases olive oil at €42 a case, delivery 12/03/2026, deliver to Hotel Lido, Via Roma 12, 00184 Roma", {
    customer: "Greenfield Organics", orderRef: "SO-88213", items: [{ quantity: 60, unitPrice: 42 }], deliveryDate: "2026-03-12", deliveryAddress: expect.stringContaining("Via Roma 12, 00184 Roma") }],
  ["送 goods 到 place: the address is after 到", "明天下午三点前送 50 桶机油到 宁波市北仑区明州路 88 号 3 号仓库，货到付款", {
    items: [{ product: "机油", quantity: 50 }], deliveryDate: "2026-03-05", deliveryAddress: "宁波市北仑区明州路 88 号 3 号仓库", paymentTerms: "cod" }],
  ["freight collect is not cash on delivery", "东莞市凯达五金制品有限公司 订 M8 螺丝 3万颗 0.05元/颗，运费到付，货款月结", {
    customer: "东莞市凯达五金制品有限公司", items: [{ quantity: 30000, unitPrice: 0.05 }], paymentTerms: "credit" }],
  ["100% advance is prepaid, 30 days net is credit", "Ship 20 drums of coolant, 100% advance please", { paymentTerms: "prepaid" }],
  ["a company at the start of a clause with a department", "宏远建材采购部吴工：要水泥 80吨，每吨 420 元，月底前到", {
    customer: "宏远建材", contactName: "吴工", items: [{ quantity: 80, unitPrice: 420 }], deliveryDate: "2026-03-31" }],
  ["an English sign-off names the person and company", "Need 200 cartons of printer paper by Thursday, thanks — Linda, Crestview Dental", {
    customer: "Crestview Dental", contactName: "Linda", items: [{ quantity: 200 }], deliveryDate: "2026-03-05" }],
  ["this is X from Y", "Hi, this is Sarah from Bluebird Cafe. Can we order 30 bags of espresso beans at $18 per bag for delivery Thursday?", {
    customer: "Bluebird Cafe", contactName: "Sarah", items: [{ quantity: 30, unitPrice: 18 }], deliveryDate: "2026-03-05" }],
];

const SENT: Record<string, string> = {
  "下周一 said on a Sunday night is the next day": "2026-03-08T21:00:00+08:00",
  "qty N and a price each": "2026-03-04T10:00:00-07:00",
  "on the Nth and a UK postcode": "2026-03-04T10:00:00+00:00",
  "a European address with postcode and day-first date": "2026-03-04T10:00:00+01:00",
  "an English sign-off names the person and company": "2026-03-04T09:00:00-05:00",
  "this is X from Y": "2026-03-02T10:00:00-08:00",
};

describe("field extraction generalises to new phrasings", () => {
  it.each(CASES)("%s", (name, text, expected) => {
    const out = extractWithRules({ text, sentAt: SENT[name] ?? WED });
    expect(out).toMatchObject(expected);
  });

  it.each([
    [
      "a bare English count priced per unit beside a count with a unit",
      "Need 2,880 Besser blocks (200 series) at $2.65 per block and 40 bags of GP cement at $13.90 a bag",
      [{ quantity: 2880, product: "Besser blocks", unitPrice: 2.65 }, { quantity: 40, product: "GP cement", unitPrice: 13.9 }],
    ],
    [
      "an N-x count whose name holds a model number",
      "need 4x Shimano 105 chainsets @ 189 and 10 pairs of brake pads @ 12.5",
      [{ quantity: 4, product: "Shimano 105 chainsets", unitPrice: 189 }, { quantity: 10, product: "brake pads", unitPrice: 12.5 }],
    ],
    [
      "items listed without commas, each priced with @",
      "补货 包装纸 80卷@12 丝带 30卷@4.5 月底前送",
      [{ quantity: 80, product: "包装纸", unitPrice: 12 }, { quantity: 30, product: "丝带", unitPrice: 4.5 }],
    ],
    [
      "a count joined to the next item by 还有, after a pack size",
      "我要高筋面粉二十五公斤那种三十包 还有黄油十箱",
      [{ quantity: 30, unit: "包" }, { quantity: 10, unit: "箱" }],
    ],
    [
      "块 as pieces where the message prices per 块",
      "单晶组件 共1,800块，每块498元；逆变器 12台，每台2.3万",
      [{ quantity: 1800, unit: "块", unitPrice: 498 }, { quantity: 12, unitPrice: 23000 }],
    ],
    ["a price in Chinese numerals before 一袋", "五常大米 三百袋，还是六十五一袋", [{ quantity: 300, unitPrice: 65 }]],
    ["a Taiwan dollar unit price", "下單 碟煞來令片 五百組，單價 NT$85", [{ quantity: 500, unitPrice: 85 }]],
    [
      "items joined by +, priced in a list after them",
      "Need 80 lb live littleneck clams + 30 lb U10 sea scallops for Saturday. $6.20/lb clams, $28/lb scallops.",
      [{ quantity: 80, product: "live littleneck clams", unitPrice: 6.2 }, { quantity: 30, product: "U10 sea scallops", unitPrice: 28 }],
    ],
    [
      "prices listed in another order than the items, each labelled by its item",
      "Please send 20 boxes of pens and 10 boxes of copy paper. Paper is $5/box, pens $3/box.",
      [{ quantity: 20, product: "pens", unitPrice: 3 }, { quantity: 10, unitPrice: 5 }],
    ],
    [
      "prices listed after the items, in reverse order",
      "Need 80 lb littleneck clams + 30 lb sea scallops for Saturday. $28/lb scallops, $6.20/lb clams.",
      [{ quantity: 80, unitPrice: 6.2 }, { quantity: 30, unitPrice: 28 }],
    ],
    [
      "a pack spec (一箱24瓶) is no item of one box",
      "可乐一箱12罐，要30箱",
      [{ quantity: 12 }, { quantity: 30, unit: "箱" }],
    ],
    [
      "bare counts listed with and, each priced per unit later",
      "Can you print 500 tri-fold brochures and 1,000 business cards? Quote was $0.38 per brochure and $0.06 per card.",
      [{ quantity: 500, product: "tri-fold brochures", unitPrice: 0.38 }, { quantity: 1000, product: "business cards", unitPrice: 0.06 }],
    ],
    [
      "一 with a classifier before a sized product, and a second count joined by 加",
      "要一辆4.2米厢货加3个师傅，全包1600",
      [{ quantity: 1, unit: "辆", product: "4.2米厢货" }, { quantity: 3, product: "师傅" }],
    ],
  ])("reads every item: %s", (_name, text, items) => {
    expect(findItems(scanMessage(text, WED), []).items).toMatchObject(items);
  });

  it("takes no product from 务必, a closing thanks or a filler alone, but keeps a name that holds them", () => {
    expect(extractWithRules({ text: "200箱务必今天送达", sentAt: WED }).items).toEqual([{ quantity: 200, unit: "箱" }]);
    expect(extractWithRules({ text: "200箱明天送到，谢谢", sentAt: WED }).items).toEqual([{ quantity: 200, unit: "箱" }]);
    expect(extractWithRules({ text: "这个200箱，每个三千五", sentAt: WED }).items).toEqual([{ quantity: 200, unit: "箱", unitPrice: 3500 }]);
    expect(extractWithRules({ text: "感谢卡200张，周五前送到", sentAt: WED }).items).toEqual([{ quantity: 200, product: "感谢卡", unit: "张" }]);
    expect(extractWithRules({ text: "嗯那个外科口罩要2000盒", sentAt: WED }).items).toEqual([{ quantity: 2000, product: "外科口罩", unit: "盒" }]);
  });

  it("takes no product from the pronoun or verb before an English count ('I'd like 3 tickets', 'Can I get two tickets')", () => {
    expect(extract("I'd like 3 tickets").items).toEqual([{ quantity: 3, unit: "tickets" }]);
    expect(extract("Can I get two tickets for the 7pm showing of Dune?").items).toEqual([{ quantity: 2, unit: "tickets" }]);
    expect(extract("Please book me two seats for Oppenheimer tomorrow night").items).toEqual([{ quantity: 2, unit: "seats" }]);
  });

  it("reads a message of nothing but counted goods as a bare list, but not a tally, people, papers or times", () => {
    const bare = (text: string) => {
      const scan = scanMessage(text, WED);
      return nothingButItems(scan, findItems(scan, []));
    };
    for (const text of ["两杯拿铁", "三杯拿铁，一杯摩卡，谢谢", "A4纸 两箱", "2 iced lattes", "hi, 2 flat whites and a croissant please"]) expect(bare(text), text).toBe(true);
    for (const text of ["盘点 A4纸12箱 墨盒3个", "两个同事", "三个包裹", "两个大人一个小孩", "3 units fixed", "2 kids", "5 emails and 2 calls", "1 star", "10 mins", "仓库还剩两箱A4纸", "两个同事在仓库吵起来了"]) expect(bare(text), text).toBe(false);
  });

  it("keeps a measure and the name around a bare number inside one item", () => {
    expect(findItems(scanMessage("Please confirm: 1,200 ft of 12 AWG copper wire at $0.85/ft", WED), []).items).toMatchObject([
      { quantity: 1200, product: "12 AWG copper wire", unitPrice: 0.85 },
    ]);
  });

  it("counts an area in 平, ㎡, m2 or square feet as the ordered quantity, and a price per 平 as its unit price", () => {
    expect(extractWithRules({ text: "实木复合地板 三百五十平，单价228一平，周六送到工地", sentAt: WED }).items).toEqual([
      { quantity: 350, product: "实木复合地板", unit: "平", unitPrice: 228 },
    ]);
    expect(extractWithRules({ text: "防滑瓷砖 120㎡，单价85", sentAt: WED }).items).toEqual([{ quantity: 120, product: "防滑瓷砖", unit: "m2", unitPrice: 85 }]);
    expect(extractWithRules({ text: "Need 1,800 sq ft of vinyl plank flooring at $3.40/sq ft, deliver Friday", sentAt: WED }).items).toEqual([
      { quantity: 1800, product: "vinyl plank flooring", unit: "sq ft", unitPrice: 3.4 },
    ]);
    expect(extractWithRules({ text: "Need 2 x 1.5m2 glass panels", sentAt: WED }).items?.[0]?.quantity).toBe(2);
  });

  it("reads a grade in brackets after the name as part of it, not as the count ('鲍鱼(10头) 300只')", () => {
    expect(extractWithRules({ text: "鲍鱼（10头）300只，单价12", sentAt: WED }).items).toEqual([
      { quantity: 300, product: "鲍鱼(10头)", unit: "只", unitPrice: 12 },
    ]);
  });

  it("takes no customer from where someone is taken or sent ('正在送医院', '送到公司')", () => {
    expect(extractWithRules({ text: "车子把人撞倒了，正在送医院", sentAt: WED }).customer).toBeUndefined();
    expect(extractWithRules({ text: "外卖能帮我改个地址吗 送到公司 科技园南区9栋前台", sentAt: WED }).customer).toBeUndefined();
    expect(extractWithRules({ text: "客户仁爱医院要口罩200箱", sentAt: WED }).customer).toBe("仁爱医院");
  });

  it("takes no company from a count of things that ends like one ('少一个配件')", () => {
    expect(extractWithRules({ text: "箱子里少一个配件，麻烦补发", sentAt: WED }).customer).toBeUndefined();
    expect(extractWithRules({ text: "华强汽配在催货，说昨天就该到", sentAt: WED }).customer).toBe("华强汽配");
  });

  it("reads a size written as a fraction as no date, and names the product before 再给我发 ('4/4的小提琴再给我发六把')", () => {
    const out = extractWithRules({ text: "老板，4/4的小提琴再给我发六把，跟上次一样1680一把，下礼拜三前到就行", sentAt: "2026-06-17T20:45:00+08:00" });
    expect(out.deliveryDate).toBe("2026-06-24");
    expect(out.items).toEqual([{ quantity: 6, product: "小提琴", unit: "把", unitPrice: 1680 }]);
    expect(extractWithRules({ text: "Please send 25 student violins (3/4 size) at $189 each, deliver by 2/18", sentAt: "2026-02-10T09:15:00-05:00" }).deliveryDate).toBe("2026-02-18");
  });

  it("takes no name from a title or a condition before the count ('老板 后天给我送6托 PET瓶胚', '有的话直接给我发')", () => {
    expect(extractWithRules({ text: "老板 后天给我送6托 PET瓶胚28口 到厂里", sentAt: WED }).items?.[0]?.product).toContain("PET瓶胚28口");
    expect(extractWithRules({ text: "竹纤维浴巾还有货吧？有的话直接给我发一百二十条，还按上回38一条", sentAt: WED }).items?.[0]?.product).toContain("竹纤维浴巾");
  });

  it("ends a name before 过来 and reads paying on the spot or on a monthly account ('钱到时候当面扫码给你')", () => {
    const out = extractWithRules({ text: "明天再给我送五百个快递袋过来 钱到时候当面扫码给你", sentAt: WED });
    expect(out.items?.[0]).toMatchObject({ quantity: 500, product: "快递袋" });
    expect(out.paymentTerms).toBe("cod");
    expect(extractWithRules({ text: "Could you collect 12 parcels tomorrow? Pop it on our monthly account.", sentAt: WED }).paymentTerms).toBe("credit");
  });

  it("reads a repeat run to be made (再做两千五) as the count ordered", () => {
    expect(extractWithRules({ text: "青禾茶叶那批印logo的飞机盒再做两千五，还是2块1一个，月底前送到", sentAt: WED }).items).toEqual([
      { quantity: 2500, product: "飞机盒", unitPrice: 2.1 },
    ]);
  });

  it("lists items of one piece each apart from the next ('路由器一台 吸顶AP四个'), and paying on site is cash on delivery", () => {
    const out = extractWithRules({ text: "就按上次报的套餐来 路由器一台 吸顶AP四个 周六能来装吗 到时候现场给钱", sentAt: WED });
    expect(out.items).toEqual([
      { quantity: 1, product: "路由器", unit: "台" },
      { quantity: 4, product: "吸顶AP", unit: "个" },
    ]);
    expect(out.paymentTerms).toBe("cod");
  });

  it("leaves an urgency tag in brackets out of the name ('(急) 纸箱', '【加急】A4纸')", () => {
    expect(extractWithRules({ text: "(急) 纸箱 200个，明天送", sentAt: WED }).items?.[0]?.product).toBe("纸箱");
    expect(extractWithRules({ text: "【加急】A4纸 50箱 后天送到", sentAt: WED }).items?.[0]?.product).toBe("A4纸");
    expect(extractWithRules({ text: "悦庭酒店（福州五一路店）床单1.5m 400条，单价42", sentAt: WED }).items?.[0]?.product).toBe("床单1.5m");
  });

  it("names no product with the words of a request ('能不能把数量改成300箱', '我那单能不能再加50箱')", () => {
    expect(extractWithRules({ text: "能不能把数量改成300箱？", sentAt: WED }).items).toEqual([{ quantity: 300, unit: "箱" }]);
    expect(extractWithRules({ text: "我那单能不能再加50箱", sentAt: WED }).items).toEqual([{ quantity: 50, unit: "箱" }]);
    expect(extractWithRules({ text: "能不能再送200箱可乐", sentAt: WED }).items?.[0]?.product).toBe("可乐");
    expect(extractWithRules({ text: "能量饮料 200箱，明天送", sentAt: WED }).items?.[0]?.product).toBe("能量饮料");
  });

  it("reads no count from a model number before a word that only starts with a unit (台式机)", () => {
    expect(extractWithRules({ text: "订 OptiPlex 3000 台式机 十台，单价3999", sentAt: WED }).items).toEqual([
      { quantity: 10, product: "OptiPlex 3000 台式机", unit: "台", unitPrice: 3999 },
    ]);
  });

  it("does not count pieces in 块 where no price is per 块", () => {
    const text = "太阳能板到货拆开看，有两块玻璃面板上有细裂纹";
    const out = extractWithRules({ text, sentAt: WED });
    expect(out.kind).toBe("complaint");
    expect(findItems(scanMessage(text, WED), []).items).toEqual([]);
  });

  it("reads no count from a house number in the delivery address", () => {
    const out = extractWithRules({ text: "Need 80 lb clams + 30 lb scallops. Deliver to The Salt Line, 1 Dock Sq, Boston MA by Sat 10am.", sentAt: WED });
    expect(out.items).toEqual([
      { quantity: 80, product: "clams", unit: "lb" },
      { quantity: 30, product: "scallops", unit: "lb" },
    ]);
  });

  it("reads a price written without its leading zero", () => {
    const out = extractWithRules({ text: "1,500 lbs roma tomatoes @ .92/lb, deliver tmr", sentAt: WED });
    expect(out.items).toEqual([{ quantity: 1500, product: "roma tomatoes", unit: "lbs", unitPrice: 0.92 }]);
    expect(extractWithRules({ text: "20 boxes of limes @ .92, deliver tmr", sentAt: WED }).items?.[0]?.unitPrice).toBe(0.92);
  });

  it("keeps an order word inside a product's name ('洗发水', '加湿器') in the name", () => {
    expect(extractWithRules({ text: "补货：洗发水30ml 四千瓶，沐浴露30ml 四千瓶，本周五送", sentAt: WED }).items?.[0]?.product).toBe("洗发水30ml");
    expect(extractWithRules({ text: "要加湿器 20台", sentAt: WED }).items).toEqual([{ quantity: 20, product: "加湿器", unit: "台" }]);
  });

  it("reads a bare decimal right after a Chinese count as its price, but not a size", () => {
    expect(extractWithRules({ text: "补货： 洗发水30ml 四千瓶 0.65 一次性拖鞋 三千双 1.2 本周五送，账期60天", sentAt: WED }).items).toEqual([
      { quantity: 4000, product: "洗发水30ml", unit: "瓶", unitPrice: 0.65 },
      { quantity: 3000, product: "一次性拖鞋", unit: "双", unitPrice: 1.2 },
    ]);
    expect(extractWithRules({ text: "订钢板 20张 3.5 厚，明天送", sentAt: WED }).items?.[0]?.unitPrice).toBeUndefined();
  });

  it("reads hair as a foreign object only where it is found in something", () => {
    expect(extractWithRules({ text: "头发夹 500个，单价2元", sentAt: WED })).toMatchObject({ kind: "order", items: [{ quantity: 500, product: "头发夹" }] });
    expect(extractWithRules({ text: "汤里发现头发，恶心", sentAt: WED })).toMatchObject({ kind: "complaint", category: "quality", severity: "high" });
  });

  it("counts dozens in pieces and prices them per piece", () => {
    expect(extractWithRules({ text: "pls send 2 dozen roses @ $30 a dozen", sentAt: WED }).items).toEqual([{ quantity: 24, product: "roses", unitPrice: 2.5 }]);
    expect(extractWithRules({ text: "half a dozen art easels at $54 and forty packs of paper @ $3.25", sentAt: WED }).items).toEqual([
      { quantity: 6, product: "art easels", unitPrice: 54 },
      { quantity: 40, product: "paper", unit: "packs", unitPrice: 3.25 },
    ]);
  });

  it("keeps a measure of a named thing as its own item beside a count", () => {
    const out = extractWithRules({ text: "12 tonnes of bark mulch at $95/t and 30 rolls of weed mat at $40/roll, deliver Thursday", sentAt: WED });
    expect(out.items).toEqual([
      { quantity: 12, product: "bark mulch", unit: "tonnes", unitPrice: 95 },
      { quantity: 30, product: "weed mat", unit: "rolls", unitPrice: 40 },
    ]);
  });

  it("keeps a measure listed before a count as its own item, with the numbers in its name", () => {
    expect(extractWithRules({ text: "Can we get 30 kg avocados at A$6.90/kg and 15 trays cherry tomatoes", sentAt: WED }).items).toEqual([
      { quantity: 30, product: "avocados", unit: "kg", unitPrice: 6.9 },
      { quantity: 15, product: "cherry tomatoes", unit: "trays" },
    ]);
    // Sizes joined by 和 name no item of their own.
    expect(extractWithRules({ text: "运动鞋 42码 和 43码 各50双，单价120", sentAt: WED }).items).toHaveLength(1);
    expect(extractWithRules({ text: "Can we get 40 kg limes at $5.20/kg and 12 trays basil at $9 a tray", sentAt: WED }).items).toEqual([
      { quantity: 40, product: "limes", unit: "kg", unitPrice: 5.2 },
      { quantity: 12, product: "basil", unit: "trays", unitPrice: 9 },
    ]);
    expect(extractWithRules({ text: "order: 20 tonnes Class 6 fill at £19/t and 4 bags of cement at £8 each", sentAt: WED }).items).toEqual([
      { quantity: 20, product: "Class 6 fill", unit: "tonnes", unitPrice: 19 },
      { quantity: 4, product: "cement", unit: "bags", unitPrice: 8 },
    ]);
    expect(extractWithRules({ text: "数据线 1m 5000条，单价3元", sentAt: WED }).items).toEqual([{ quantity: 5000, product: "数据线 1m", unit: "条", unitPrice: 3 }]);
  });

  it("reads counts in 平米 and in the English teens, and leaves a list's bullets out of the name", () => {
    expect(extractWithRules({ text: "送到中山路一○八号，A4纸 100箱", sentAt: WED }).deliveryAddress).toBe("中山路一○八号");
    expect(extractWithRules({ text: "◆ 防水卷材 一千五平米，单价28 ◆ 防水涂料 60桶，每桶240", sentAt: WED }).items).toEqual([
      { quantity: 1500, product: "防水卷材", unit: "平米", unitPrice: 28 },
      { quantity: 60, product: "防水涂料", unit: "桶", unitPrice: 240 },
    ]);
    expect(extractWithRules({ text: "pls send eighteen boxes of A4 paper", sentAt: WED }).items).toEqual([{ quantity: 18, product: "A4 paper", unit: "boxes" }]);
  });

  it("reads what one pack holds as neither an item nor a price", () => {
    expect(extractWithRules({ text: "要矿泉水 30箱（每箱24瓶），单价36，明天送", sentAt: WED }).items).toEqual([{ quantity: 30, product: "矿泉水", unit: "箱", unitPrice: 36 }]);
    expect(extractWithRules({ text: "订彩页 八盒，每盒500张，45一盒", sentAt: WED }).items).toEqual([{ quantity: 8, product: "彩页", unit: "盒", unitPrice: 45 }]);
    // "每个200件" is a count for each colour, not what a pack holds.
    expect(extractWithRules({ text: "T恤 三个颜色，每个200件，单价25", sentAt: WED }).items).toHaveLength(2);
  });

  it("reads 一 after 元 or 块 before a unit as 'per one', not a tenth", () => {
    expect(extractWithRules({ text: "要折叠椅 三百把，15元一把", sentAt: WED }).items).toEqual([{ quantity: 300, product: "折叠椅", unit: "把", unitPrice: 15 }]);
    expect(extractWithRules({ text: "订中性笔 三千支 1.2元一支，周五送", sentAt: WED }).items?.[0]?.unitPrice).toBe(1.2);
    expect(extractWithRules({ text: "订胶布 五十卷 2块一卷", sentAt: WED }).items?.[0]?.unitPrice).toBe(2);
  });

  it("reads a Chinese count after 要/来 with no unit as an item beside counted ones", () => {
    expect(extractWithRules({ text: "毛巾 三百条，单价9；牙刷也要两千，单价0.6，周五送", sentAt: WED }).items).toEqual([
      { quantity: 300, product: "毛巾", unit: "条", unitPrice: 9 },
      { quantity: 2000, product: "牙刷", unitPrice: 0.6 },
    ]);
  });

  it("reads a batch (一批, 分两批) as no count", () => {
    expect(extractWithRules({ text: "要做一批定制卫衣，两百件，每件68，分两批送", sentAt: WED }).items).toEqual([
      { quantity: 200, product: "定制卫衣", unit: "件", unitPrice: 68 },
    ]);
    expect(extractWithRules({ text: "老样子再来一批，周四前到就行", sentAt: WED }).items).toBeUndefined();
  });

  it("reads items priced per their own unit in one run-on clause", () => {
    expect(extractWithRules({ text: "档口要货 大闸蟹40只 每只88 花蛤100斤 9块一斤 明早送", sentAt: WED }).items).toEqual([
      { quantity: 40, product: "大闸蟹", unit: "只", unitPrice: 88 },
      { quantity: 100, product: "花蛤", unit: "斤", unitPrice: 9 },
    ]);
  });

  it("counts what is ordered at a counter: a number word or 'a' right after an order word", () => {
    const item = (text: string) => extractWithRules({ text, sentAt: WED }).items?.[0];
    expect(item("I'd like three flat whites please")).toMatchObject({ quantity: 3, product: "flat whites" });
    expect(item("Hi, I want one blueberry muffin")).toMatchObject({ quantity: 1, product: "blueberry muffin" });
    expect(item("Could I have a cheese toastie?")).toMatchObject({ quantity: 1, product: "cheese toastie" });
    expect(item("order me a large margherita from pizza express")).toMatchObject({ quantity: 1 });
    expect(item("can I have a mocha with 2% milk please")).toMatchObject({ quantity: 1, product: "mocha with 2% milk" });
    expect(extractWithRules({ text: "Could I get two cortados and one chai latte?", sentAt: WED }).items).toEqual([
      { quantity: 2, product: "cortados" },
      { quantity: 1, product: "chai latte" },
    ]);
    // Another count, a time or a question about how to order leaves "a" uncounted.
    expect(item("We'd like a quick turnaround: 40 chairs by Friday")).toMatchObject({ quantity: 40 });
    expect(item("We need two more weeks to decide")).toBeUndefined();
    expect(extractWithRules({ text: "I would like to order a new credit card. How can I do that?", sentAt: WED }).kind).toBe("inquiry");
  });

  it("counts English number words like digits, and a length between 'N x' and the thing counted", () => {
    expect(extractWithRules({ text: "PO-2281: forty inner tubes @ $4.25 and twelve chain checkers @ $9", sentAt: WED }).items).toEqual([
      { quantity: 40, product: "inner tubes", unitPrice: 4.25 },
      { quantity: 12, product: "chain checkers", unitPrice: 9 },
    ]);
    expect(extractWithRules({ text: "We need 400 x 6ft scaffold tubes and 1,200 couplers, delivery Monday", sentAt: WED }).items).toEqual([
      { quantity: 400, product: "6ft scaffold tubes" },
      { quantity: 1200, product: "couplers" },
    ]);
    // Below a hundred, a number word with no unit and no price orders nothing.
    expect(extractWithRules({ text: "We need two more days to confirm the quantity", sentAt: WED }).items).toBeUndefined();
    // The weekday beside the written date is no product name.
    expect(extractWithRules({ text: "请周二 6月16日送50箱A4纸", sentAt: WED }).items).toEqual([{ quantity: 50, product: "A4纸", unit: "箱" }]);
  });

  it("gives the unit back as the sender wrote it", () => {
    expect(extractWithRules({ text: "想訂 保溫杯 50個，單價NT$120", sentAt: WED }).items).toEqual([{ quantity: 50, product: "保溫杯", unit: "個", unitPrice: 120 }]);
    // Its own characters, not the first match of them elsewhere (只要, 台北).
    expect(extractWithRules({ text: "我只要保溫杯50隻，單價NT$120", sentAt: WED }).items?.[0]?.unit).toBe("隻");
    expect(extractWithRules({ text: "寄到台北，冷氣機5臺，單價NT$12000", sentAt: WED }).items?.[0]?.unit).toBe("臺");
  });

  it("counts goods in 块 only where the number is no price", () => {
    expect(extractWithRules({ text: "订 大理石台面 八块，单价1800，月结", sentAt: WED }).items).toEqual([{ quantity: 8, product: "大理石台面", unit: "块", unitPrice: 1800 }]);
    expect(extractWithRules({ text: "A4纸50箱，单价二十块，周五送", sentAt: WED }).items).toEqual([{ quantity: 50, product: "A4纸", unit: "箱", unitPrice: 20 }]);
    // A price or a sum in 块 stays money beside goods counted apart.
    expect(extractWithRules({ text: "采购绑扎带两千五米，单价4.6元/米，另要充气袋八十个，每个35块，月结", sentAt: WED }).items?.[1]).toEqual({
      quantity: 80,
      product: "充气袋",
      unit: "个",
      unitPrice: 35,
    });
    expect(extractWithRules({ text: "儿童便当120份 单价15元，矿泉水120瓶 2块一瓶，明早送", sentAt: WED }).items?.[1]).toEqual({
      quantity: 120,
      product: "矿泉水",
      unit: "瓶",
      unitPrice: 2,
    });
  });

  it("reads every item of a counter order", () => {
    expect(extractWithRules({ text: "can you get me 2 iced oat milk lattes and a blueberry muffin", sentAt: WED }).items).toEqual([
      { quantity: 2, product: "iced oat milk lattes" },
      { quantity: 1, product: "blueberry muffin" },
    ]);
    expect(extractWithRules({ text: "I'd like two cheeseburgers, one large fries and a coke", sentAt: WED }).items).toEqual([
      { quantity: 2, product: "cheeseburgers" },
      { quantity: 1, product: "large fries" },
      { quantity: 1, product: "coke" },
    ]);
  });

  it("reads no count from the delivery address given twice", () => {
    const out = extractWithRules({ text: "30 oysters to 1 Dock Sq. Deliver to The Salt Line, 1 Dock Sq", sentAt: WED });
    expect(out).toMatchObject({ items: [{ quantity: 30, product: "oysters" }], deliveryAddress: "1 Dock Sq" });
    expect(out.items).toHaveLength(1);
  });

  it("keeps the new quantity of a changed order line", () => {
    const reading = findItems(scanMessage("改单：不锈钢板由20张改为35张，价格不变", WED), []);
    expect(reading.items[0]).toMatchObject({ quantity: 35 });
  });

  it("reads counts written in English words only with a unit", () => {
    const out = extract("Ordering fifty units of model X200 at $15 each, delivery end of next month, net 45", "2026-03-04T10:00:00-05:00");
    expect(out).toMatchObject({ items: [{ quantity: 50, unitPrice: 15 }], deliveryDate: "2026-04-30", paymentTerms: "credit" });
  });

  it("reads a 3-3-4 North American number and a waybill after 快递", () => {
    expect(extract("my order number is 7788123 and nobody has called me back. 555-123-4567", "2026-03-04T10:00:00-05:00")).toMatchObject({
      contactPhone: "5551234567", orderRef: "7788123" });
    expect(extract("我的快递 773012345678901 三天了还没动").orderRef).toBe("773012345678901");
  });

  it("does not read a phone number out of an air waybill", () => {
    expect(extract("Where is AWB 176-22849031? Customs needs the invoice.").contactPhone).toBeUndefined();
  });

  it("reads a waybill written in groups after its carrier code as one reference, and no phone out of its groups", () => {
    const out = extract("保价件 SF1388 2046 7715 在中转丢了，客户很急");
    expect(out.orderRef?.replace(/ /g, "")).toBe("SF138820467715");
    expect(out.contactPhone).toBeUndefined();
    const jt = extract("帮查一下 JT6650 0172 3349 到哪了");
    expect(jt.orderRef?.replace(/ /g, "")).toBe("JT665001723349");
    expect(jt.contactPhone).toBeUndefined();
  });

  it("reads a letter code with two dashed digit groups as a reference, but not a standard's number", () => {
    expect(extract("MX-2026-0733 那批钢管到哪了？").orderRef).toBe("MX-2026-0733");
    expect(extract("换的主板寄出了吗？维修单 RT-1102-07").orderRef).toBe("RT-1102-07");
    expect(extract("请按 GB-50016-2014 的要求施工").orderRef).toBeUndefined();
  });

  it("reads the sum a complaint claims where a particle or a verb follows it, or the only sum beside a far claim word", () => {
    expect(extract("这个月又多扣了45的短信费，给我退回来").claimAmount).toBe(45);
    expect(extract("We were billed twice for the May service, $1,480 both times. Please credit one back.").claimAmount).toBe(1480);
    expect(extract("cargo value USD 2.4M, the container fell overboard, we will sue").claimAmount).toBe(2_400_000);
    expect(extract("赔偿500京豆也是忽悠的").claimAmount).toBeUndefined();
  });

  it("reads no repeat complaint into a question about complaining or a first wait", () => {
    for (const text of ["How do I submit a complaint?", "What's your complaint procedure for damaged items?", "I ordered a week ago and still no tracking number, where is it?", "请问投诉团队的电话是多少？", "每次找你们都没让我失望，谢谢！", "The customer offered no response to our callback, closing the ticket."]) {
      expect(extract(text).escalationReasons, text).toBeUndefined();
    }
  });

  it("reads no reference from sizes, dates, SKUs or reports shaped like waybills and dated documents, and keeps the phone after a code", () => {
    expect(extract("SF50 2400 3600 mm 的板材还有吗").orderRef).toBeUndefined();
    expect(extract("JD618 2026 06 18 买的耳机，订单号 SO123456 还没到").orderRef).toBe("SO123456");
    expect(extract("QC-2026-0418 检验报告显示不合格，订单号 SO123456 的货要退").orderRef).toBe("SO123456");
    expect(extract("Please quote for 50 units of SKU-1234-56").orderRef).toBeUndefined();
    expect(extract("Please call JT 9123 4567 when you arrive")).toMatchObject({ contactPhone: "91234567" });
    expect(extract("订单 PO12345678 138-0013-8000 王先生，明天送").contactPhone).toBe("13800138000");
  });

  it("claims no sum that is a fee, a spend, a length or a time", () => {
    expect(extract("We spend $200,000 a year with you. This shipment arrived damaged and we want compensation.").claimAmount).toBeUndefined();
    expect(extract("I need 1.5M cable please").items?.[0]?.quantity).not.toBe(1_500_000);
    expect(extract("You double charged my shipping fee, noticed it after 15 mn").claimAmount).toBeUndefined();
    expect(extract("说好退款10到15个工作日到账，现在一个月了还没到").claimAmount).toBeUndefined();
  });

  it("does not take an invoice number as the order reference", () => {
    expect(extract("发票号 12345678 的发票抬头开错了").orderRef).toBeUndefined();
  });

  it("names no customer from what a customer does, a route, a code or a word that holds a surname", () => {
    for (const text of [
      "客户急着要，帮忙催一下物流",
      "客户同意换货了，工单关闭",
      "帮客户查一下那批冻品到哪了",
      "flight 88 from JFK to LHR was cancelled and nobody told us",
      "can I move money from EUR to USD in the app?",
      "请安全主管马上到B仓，货架倒了",
      "项目经理说明天停工，货先别送",
      "多谢吕师傅，今天送得很快",
      "@售后小王 这单退了吗",
      "Thanks 陈经理! 货都收到了",
      "一箱12罐碎了5罐，包装是谁打的",
    ]) {
      expect(extract(text).customer, text).toBeUndefined();
    }
  });

  it("names no customer from a place after 'from', a customer in general or a clause's opening words", () => {
    for (const text of [
      "do you have flights from Denver on Sundays?",
      "how long does a wire from Germany usually take?",
      "一般客户遇到这种情况早就投诉了，你们自己看着办",
      "结果快递送来的是别人的包裹",
      "1.米饭是冷的。2.少送一份饮料。",
      "辛苦大姐了，东西收到了",
      "你让我跟公司怎么交代？货全湿了",
    ]) {
      expect(extract(text).customer, text).toBeUndefined();
    }
  });

  it("still names the customer after a label, before 'from' and beside a title", () => {
    expect(extract("Order from Fernwood Market: 20 crates of apples at $18, deliver Friday")).toMatchObject({ customer: "Fernwood Market" });
    expect(extract("Fwd from Halden: please add 6 more pallets to PO 4471")).toMatchObject({ customer: "Halden" });
    expect(extract("Just heard from Sarah Lopez, she needs 40 boxes of A4 paper by Friday")).toMatchObject({ customer: "Sarah Lopez" });
    expect(extract("Update from Mike Chen: they need 30 more pallets by Thursday")).toMatchObject({ customer: "Mike Chen" });
    expect(extract("其他客户王建国也要了100箱，明天一起送")).toMatchObject({ customer: "王建国" });
    expect(extract("客户博世的货今天到，明天安排卸货")).toMatchObject({ customer: "博世" });
    expect(extract("客户鲜果时光说少了两箱")).toMatchObject({ customer: "鲜果时光" });
    expect(extract("hey it's Priya from Larkspur Candles - can we get 30 jars of wax @ $4 by Friday?")).toMatchObject({ customer: "Larkspur Candles" });
    expect(extract("PO 5512 from Tallis Books: 40 boxes of A4 paper")).toMatchObject({ customer: "Tallis Books" });
    expect(extract("客户王总来电：要500箱矿泉水")).toMatchObject({ customer: "王总" });
    expect(extract("客户三只松鼠要200箱坚果礼盒，下周五前送到")).toMatchObject({ customer: "三只松鼠" });
    expect(extract("Hi, this is Mark from IBM, we need 50 laptops delivered by Friday.")).toMatchObject({ customer: "IBM" });
  });

  it("reads an air conditioner's horsepower (1.5匹) as its size when a count follows, and still counts cloth or bricks in 匹", () => {
    expect(extract("订 格力 1.5匹 柜机 十二套，单价 4300，周五送装").items).toEqual([{ quantity: 12, product: "格力 1.5匹 柜机", unit: "套", unitPrice: 4300 }]);
    expect(extract("奥克斯 2匹 挂机 6台 每台 2680 下周一送").items?.[0]).toMatchObject({ quantity: 6, unit: "台", unitPrice: 2680 });
    expect(extract("要藏青色的布 两匹，明天送").items?.[0]).toMatchObject({ quantity: 2, unit: "匹" });
  });

  it("reads 一台 after a model code as one piece, not a price per piece", () => {
    expect(extract("加购 滚筒洗衣机 TG100 一台 ¥3,299，周六送").items).toEqual([{ quantity: 1, product: "滚筒洗衣机", unit: "台", unitPrice: 3299 }]);
    expect(extract("电烤箱 GE35X 一台 单价 899 明天送").items?.[0]).toMatchObject({ quantity: 1, unitPrice: 899 });
  });

  it("ends a name before the buyer's own request ('电视 我要一台', '空气炸锅 给我两个')", () => {
    expect(extract("那个 75寸电视 我要一台 周日送").items?.[0]).toMatchObject({ product: "75寸电视", quantity: 1 });
    expect(extract("空气炸锅 给我两个 明天送").items?.[0]).toMatchObject({ product: "空气炸锅", quantity: 2 });
  });

  it("reads a batch paid before, a call first or goods passed on as no payment terms of this order", () => {
    expect(extract("上批货款已付清，这次再要50箱A4纸，还是月结").paymentTerms).toBe("credit");
    expect(extract("我先打过去跟仓库确认地址，明天送10箱矿泉水").paymentTerms).toBeUndefined();
    expect(extract("50吨钢筋先送到我们仓库，到货再转运到工地").paymentTerms).toBeUndefined();
  });

  it("counts mooncakes (个月饼) as goods, though months counted with 个 are time", () => {
    expect(extract("再要50个月饼礼盒，单价88").items?.[0]).toMatchObject({ quantity: 50, product: "月饼礼盒", unitPrice: 88 });
  });

  it("reads currency letters glued to a price before 一台 as the price, not a model", () => {
    expect(extract("单价 RMB2680一台，要5台").items?.[0]).toMatchObject({ quantity: 5, unit: "台" });
    expect(extract("订 USD120一箱 的橄榄油 30箱").items?.[0]).toMatchObject({ quantity: 30, product: "橄榄油", unitPrice: 120 });
    expect(extract("M8 螺丝 2000个 单价0.3").items?.[0]).toMatchObject({ quantity: 2000, unitPrice: 0.3 });
  });

  it("reads money already paid online, or sent before the goods, as prepaid", () => {
    expect(extract("净水器 两台 单价1699 周六上门装 款已在线付清").paymentTerms).toBe("prepaid");
    expect(extract("扫地机器人一台 明天送 钱我已经在线上付了").paymentTerms).toBe("prepaid");
    expect(extract("Please send 3 dehumidifiers at $219 each to our office on Friday, already paid online.").paymentTerms).toBe("prepaid");
    expect(extract("要宠物尿垫四十包，一包十八，已付全款，周五送").paymentTerms).toBe("prepaid");
    // Freight paid ahead is not the goods' terms.
    expect(extract("要10箱纸巾，货到付款，运费微信已付").paymentTerms).toBe("cod");
    expect(extract("鸡胸肉冻干再给我整一百包 我现在就转你 收到钱再发").items?.[0]).toMatchObject({ quantity: 100, product: "鸡胸肉冻干" });
    expect(extract("鸡胸肉冻干再给我整一百包 我现在就转你 收到钱再发").paymentTerms).toBe("prepaid");
  });

  it("reads 'Court' in an address or a building as no legal threat", () => {
    expect(extract("Please send 18 microwave ovens at $129 each to 14 Cedar Court, Albany NY 12203 next Monday, net 30.")).toMatchObject({ kind: "order", paymentTerms: "credit" });
    expect(extract("If the refund isn't here by Friday we'll see you in small claims court.")).toMatchObject({ kind: "escalation", escalationReasons: ["legal_threat"] });
  });

  it("reads hours, working days and months counted with 个 as time, not goods", () => {
    expect(extract("电路板打样说好 5 个工作日，今天第 8 天了还没 ship，下周一就要评审")).toMatchObject({ kind: "complaint", category: "delay" });
    expect(extract("电路板打样说好 5 个工作日，今天第 8 天了还没 ship，下周一就要评审").items).toBeUndefined();
  });

  it("reads a letter code, a six-digit date and a serial as a reference (SMT260203-05)", () => {
    expect(extract("HX251130-07 的板子发了吗").orderRef).toBe("HX251130-07");
  });

  it("reads paying by transfer once the goods come as cash on delivery, and paying first as prepaid", () => {
    expect(extract("后天再给我送三十箱冻鸡翅 老价钱 到了我转你").paymentTerms).toBe("cod");
    expect(extract("铝电解电容 五千个 0.12一个 下周三能出货吗 款我们先打过去").paymentTerms).toBe("prepaid");
  });

  it("does not take 'sorry for the late message' as a late delivery", () => {
    expect(extract("Sorry for the late message! Could we get 12 cases of nitrile gloves at $38 a case, delivered tomorrow, pay on delivery?")).toMatchObject({ kind: "order", paymentTerms: "cod" });
  });

  it("reads a problem supposed with 的话 as no complaint ('还没发货的话帮我撤掉')", () => {
    expect(extract("DK-20260311 那单不要了，还没发货的话帮我撤掉").kind).toBe("order");
    expect(extract("你们到现在还没发货，太慢了").kind).toBe("complaint");
  });

  it("takes no company from a count of goods that ends like one ('三百包水泥说好七点到')", () => {
    expect(extract("二十包水泥说好上午到，现在还没影").customer).toBeUndefined();
    expect(extract("海螺水泥 要 200 吨熟料 周五前到").customer).toBe("海螺水泥");
  });

  it("does not take a place before a person as their company", () => {
    expect(extract("建材城老周 要 50 包水泥 明天送")).toMatchObject({ customer: "老周" });
    expect(extract("建材城老周 要 50 包水泥 明天送").contactName).toBeUndefined();
  });
});
