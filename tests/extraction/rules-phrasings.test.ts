import { describe, expect, it } from "vitest";
import { extractWithRules } from "../../src/extraction/rules/index.ts";

/**
 * Families of phrasings from real support chat, each written for this file (not taken from any
 * fixture or corpus): what the rules must read the same way wherever the words come from.
 * sentAt is a Tuesday, 2026-07-14.
 */
const SENT_AT = "2026-07-14T10:00:00+08:00";

type Expect = {
  kind: string;
  category?: string;
  topic?: string;
  severity?: string;
  paymentTerms?: string;
  deliveryDate?: string;
  escalationReasons?: string[];
  /** Reasons that must not be given. */
  notReasons?: string[];
  /** The first item's quantity. */
  quantity?: number;
};

const CASES: [family: string, text: string, expected: Expect][] = [
  // ——— threats, reachability, billing, e-commerce
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

  // ——— traditional Chinese, order changes, delays, dismissals
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

  // ——— escalation categories, dangerous goods, conditional orders, idioms
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
  // ——— round 5: failures in use vs transit damage, problems checked and found absent, 贵 as an honorific,
  // short counts, cold-chain spoilage, missed sailings, "dropped off at", agreed-price disputes, unanswered
  // callbacks, "ordered X and got Y", mild colour and picture mismatches
  ["failure-in-use", "新买的电热水壶插上电没反应，指示灯也不亮", { kind: "complaint", category: "quality" }],
  ["failure-in-use", "那批充电宝用了一周就充不进电了，坏了好几个", { kind: "complaint", category: "quality" }],
  ["failure-in-use", "The desk lamps we got last month — 5 of the 20 won't light up at all.", { kind: "complaint", category: "quality" }],
  ["failure-in-use", "投影仪开机两分钟就自动关机，要求换一台", { kind: "complaint", category: "quality" }],
  ["failure-in-use", "收到的时候箱子坏了，里面的碗碎了两个", { kind: "complaint", category: "damage" }],
  ["failure-in-use", "电视屏幕收到就裂了，外箱有明显撞击痕迹", { kind: "complaint", category: "damage" }],
  ["failure-in-use", "The straps keep snapping after a couple of days of use, need a replacement batch", { kind: "complaint", category: "quality" }],
  ["all-good", "货今天都到了，清点过没有少，也没有破损，辛苦了", { kind: "other" }],
  ["all-good", "检查了一遍没发现质量问题，可以入库了", { kind: "other" }],
  ["all-good", "Checked the pallets, no damage and the count is right. All good.", { kind: "other" }],
  ["honorific", "感谢贵公司一直以来的支持，祝生意兴隆", { kind: "other" }],
  ["honorific", "请问贵司的不锈钢板现在什么价？", { kind: "inquiry", topic: "price" }],
  ["honorific", "贵州遵义的客户要300箱矿泉水，明天送到，货到付款", { kind: "order" }],
  ["short-count", "We got the delivery today but we're missing 6 boxes from the order", { kind: "complaint", category: "wrong_item" }],
  ["short-count", "Pallet arrived with 3 cartons missing, the packing list says 40", { kind: "complaint", category: "wrong_item" }],
  ["short-count", "The whole parcel is missing, tracking says delivered", { kind: "complaint", category: "lost" }],
  ["short-count", "收货时点了一下，缺了5箱，单子上写的是50箱", { kind: "complaint", category: "wrong_item" }],
  ["cold-chain", "冷链车的冷机半路坏了，到货的冰淇淋全化了", { kind: "complaint", category: "damage" }],
  ["cold-chain", "The reefer container lost power overnight and the seafood thawed", { kind: "complaint", category: "damage" }],
  ["cold-chain", "冷冻饺子到的时候都软了，司机说路上冷机关了一段时间", { kind: "complaint", category: "damage" }],
  ["cold-chain", "买的牛奶打开就是酸的，已经变质了，还没过保质期", { kind: "complaint", category: "quality" }],
  ["missed-sailing", "你们的车晚到了两个小时，柜子没赶上船，要推到下周", { kind: "complaint", category: "delay" }],
  ["missed-sailing", "The consignment missed the cut-off and got rolled to next week's sailing", { kind: "complaint", category: "delay" }],
  ["missed-sailing", "Our shipment missed the vessel because your trucker never showed; the production line in Monterrey stops Monday. Escalate this now.", { kind: "escalation", category: "delay" }],
  ["dropped-off", "The courier dropped the parcel off at the wrong depot and now it's 4 days late", { kind: "complaint", category: "delay" }],
  ["dropped-off", "Your driver dropped the box off the tailgate and the TV screen cracked", { kind: "complaint", category: "damage" }],
  ["agreed-price", "这个月账单里运费按每公斤8块算的，我们合同约定是6块，麻烦重新核对", { kind: "complaint", category: "billing" }],
  ["agreed-price", "Your invoice uses $14.20 a unit but the agreed price is $13.50, please correct", { kind: "complaint", category: "billing" }],
  ["agreed-price", "We were double charged for the June storage fee", { kind: "complaint", category: "billing" }],
  ["agreed-price", "麻烦把上个月的对账单发我一下", { kind: "inquiry", topic: "invoice" }],
  ["no-callback", "说好今天给我回电话，到现在一个电话都没有，我要找你们主管", { kind: "escalation", category: "service" }],
  ["no-callback", "快递员从来不送上门，每次都直接扔快递柜也不打电话", { kind: "complaint", category: "service" }],
  ["no-callback", "Nobody called me back after three days, even though you promised a callback within 24 hours", { kind: "complaint", category: "service" }],
  ["no-callback", "I'm reporting you to the CFPB: you charged my card twice for one order and nobody answered my emails", { kind: "escalation", category: "billing" }],
  ["ordered-got", "I ordered the 64GB model and got the 32GB one", { kind: "complaint", category: "wrong_item" }],
  ["ordered-got", "我拍的是黑色42码，到手是白色的", { kind: "complaint", category: "wrong_item" }],
  ["ordered-got", "ordered a queen sheet set, received a king set instead", { kind: "complaint", category: "wrong_item" }],
  ["mild", "杯子颜色跟图片有点出入，偏灰，不过也能用，希望下次注意", { kind: "complaint", category: "quality" }],
  ["mild", "The sofa colour is a bit darker than in the photos, not a huge deal but thought you should know", { kind: "complaint", category: "quality" }],
  ["mild", "小问题：盒子有点压扁了，东西没事，下次包装注意一下", { kind: "complaint", category: "damage" }],
  // ——— round 5: tweet- and ticket-style complaints of every category, and guards: questions, orders and
  // notes that use the same words without a problem having happened
  ["support-corpus", "@UPSHelp my package was supposed to be delivered yesterday and it still says out for delivery. what gives", { kind: "complaint", category: "delay" }],
  ["support-corpus", "@AmazonHelp order says arriving today but tracking hasn't updated in 3 days", { kind: "complaint", category: "delay" }],
  ["support-corpus", "@comcastcares been on hold for 45 minutes and the agent just disconnected me", { kind: "complaint", category: "service" }],
  ["support-corpus", "@VerizonSupport why did my bill go up $20 this month with no notice??", { kind: "complaint", category: "billing" }],
  ["support-corpus", "@AppleSupport your genius bar appointment system is a joke, they cancelled on me twice", { kind: "complaint", category: "service" }],
  ["support-corpus", "@SamsungSupport my washer is making a loud banging noise during spin cycle, it's only 6 months old", { kind: "complaint", category: "quality" }],
  ["support-corpus", "@FedEx package arrived completely soaked and the box was ripped open", { kind: "complaint", category: "damage" }],
  ["support-corpus", "@USPS my package has been \"in transit\" to nowhere, USPS says it's lost", { kind: "complaint", category: "lost" }],
  ["support-corpus", "I canceled my subscription last month but you still took money out of my account", { kind: "complaint", category: "billing" }],
  ["support-corpus", "I got charged a cancellation fee even though I cancelled within the free trial", { kind: "complaint", category: "billing" }],
  ["support-corpus", "the agent I spoke to was extremely rude and hung up on me", { kind: "complaint", category: "service" }],
  ["support-corpus", "I received someone else's order, not mine", { kind: "complaint", category: "wrong_item" }],
  ["support-corpus", "The box had 11 bottles, I paid for 12", { kind: "complaint", category: "wrong_item" }],
  ["support-corpus", "the headphones only work on one side", { kind: "complaint", category: "quality" }],
  ["support-corpus", "The zipper broke the second time I used the bag", { kind: "complaint", category: "quality" }],
  ["support-corpus", "I've been waiting 3 weeks for my replacement card", { kind: "complaint", category: "delay" }],
  ["support-corpus", "I've emailed four times and nobody has got back to me about my return", { kind: "complaint", category: "service" }],
  ["support-corpus", "you refunded the wrong amount, I was owed £45 not £30", { kind: "complaint", category: "billing" }],
  ["support-corpus", "我的快递三天了还在同一个地方，一直没有派送", { kind: "complaint", category: "delay" }],
  ["support-corpus", "快递小哥态度太差了，让我自己下楼去拿", { kind: "complaint", category: "service" }],
  ["support-corpus", "收到的衣服有线头，洗了一次就起球了", { kind: "complaint", category: "quality" }],
  ["support-corpus", "快递到的时候外包装都湿透了，里面的书全泡了", { kind: "complaint", category: "damage" }],
  ["support-corpus", "买了三盒只发了两盒", { kind: "complaint", category: "wrong_item" }],
  ["support-corpus", "退款怎么少了20块，我付的是159", { kind: "complaint", category: "billing" }],
  ["support-corpus", "物流显示已签收，可是我家里没人，问了门卫也没有", { kind: "complaint", category: "lost" }],
  ["support-corpus", "打了好几次客服电话都是机器人，转不了人工", { kind: "complaint", category: "service" }],
  ["support-corpus", "鞋子穿了一个礼拜就开胶了", { kind: "complaint", category: "quality" }],
  ["support-corpus", "说好的48小时发货，现在都第五天了还没发", { kind: "complaint", category: "delay" }],
  ["support-corpus", "发票抬头开错了，麻烦重开一张", { kind: "complaint", category: "billing" }],
  ["support-corpus", "水果一半都是烂的，根本没法吃", { kind: "complaint", category: "quality" }],
  ["support-corpus", "整整一个托盘的货丢了，价值二十多万，你们必须给个说法，不然我们走法律程序", { kind: "escalation", category: "lost" }],
  ["support-corpus", "第三次了！每次都晚到，这次直接耽误我们工地开工，叫你们经理出来", { kind: "escalation", category: "delay" }],
  ["support-corpus", "你们的客服一直踢皮球，我要在微博上曝光", { kind: "escalation", category: "service" }],
  ["support-corpus", "I've been charged for a service I never signed up for, three calls and no fix. I'm going to the BBB.", { kind: "escalation", category: "billing" }],
  ["support-corpus", "Half of the 200 ceramic basins arrived shattered. This is the second time. I want your supervisor to call me today.", { kind: "escalation", category: "damage" }],
  ["support-corpus", "You shipped us the wrong resin grade again and our line had to stop. Get me someone senior.", { kind: "escalation", category: "wrong_item" }],
  ["support-corpus", "Your technician never showed up for the third appointment in a row. I want to escalate this.", { kind: "escalation", category: "service" }],
  ["support-corpus", "你们的快递费比上次贵了一倍，什么情况", { kind: "complaint", category: "billing" }],
  ["support-corpus", "Paint is peeling off the cabinet doors after only a month", { kind: "complaint", category: "quality" }],
  ["support-corpus", "Courier left my parcel in the rain outside the gate without even knocking", { kind: "complaint", category: "service" }],
  ["support-corpus", "still no sign of my order from 2 weeks ago, this is getting ridiculous", { kind: "complaint", category: "delay" }],
  ["support-corpus", "两箱鸡蛋碎了一大半，蛋液流得满箱都是", { kind: "complaint", category: "damage" }],
  ["support-corpus", "发来的螺丝规格是M8的，我们订的是M10", { kind: "complaint", category: "wrong_item" }],
  ["support-corpus", "Hey, I returned the jacket 3 weeks ago and still haven't seen the refund on my card", { kind: "complaint", category: "billing" }],
  ["no-problem", "Do you deliver on Sundays or is it weekdays only?", { kind: "inquiry" }],
  ["no-problem", "你们周末派送吗？", { kind: "inquiry" }],
  ["no-problem", "请问只发顺丰吗，可以发德邦吗", { kind: "inquiry" }],
  ["no-problem", "What's your cancellation fee if I cancel after 14 days?", { kind: "inquiry" }],
  ["no-problem", "Will I be charged for returning an item?", { kind: "inquiry" }],
  ["no-problem", "请帮我再订50箱矿泉水，明天送到仓库", { kind: "order" }],
  ["no-problem", "Please ship 40 units of the 12V adapter to our Leeds warehouse by Friday, net 30", { kind: "order" }],
  ["no-problem", "Paid for the order this morning, thanks!", { kind: "other" }],
  ["no-problem", "货已经收到了，谢谢", { kind: "other" }],
  ["no-problem", "Can you tell me when my order will ship?", { kind: "inquiry" }],
  ["no-problem", "想问下这个杯子是什么材质的，会不会有异味", { kind: "inquiry" }],
  ["no-problem", "Thanks for sorting the refund so quickly!", { kind: "other" }],
  ["no-problem", "已经重新发货了，单号 YT7712093345，麻烦客户留意", { kind: "other" }],
  ["no-problem", "你们的价格跟上次报价一样吗？", { kind: "inquiry" }],
  ["no-problem", "Is the colour the same as in the photos?", { kind: "inquiry" }],
  ["no-problem", "How do I update my card details for the monthly charge?", { kind: "inquiry" }],
  ["no-problem", "我们要300套工服，尺码明细稍后发，月底前交货", { kind: "order" }],
  ["no-problem", "Team, reminder: stocktake tomorrow 8am, don't be late", { kind: "other" }],
  ["no-problem", "打印机墨盒有兼容的吗？多少钱一个", { kind: "inquiry" }],
  ["no-problem", "好的，师傅明天上午上门安装，到时候电话联系", { kind: "other" }],
  ["no-problem", "if my parcel is left outside and gets stolen, who is responsible?", { kind: "inquiry" }],
  ["no-problem", "收到，货没问题，数量也对得上", { kind: "other" }],
  ["no-problem", "Got the replacement, works perfectly now. Cheers", { kind: "other" }],
  ["no-problem", "冷链运输的话运费怎么算？", { kind: "inquiry" }],
];

describe("the rules read families of support-chat phrasings", () => {
  it.each(CASES)("[%s] %s", (_family, text, expected) => {
    const { escalationReasons, notReasons, quantity, ...rest } = expected;
    const out = extractWithRules({ text, sentAt: SENT_AT });
    expect(out).toMatchObject(rest);
    if (escalationReasons) expect([...(out.escalationReasons ?? [])].sort()).toEqual([...escalationReasons].sort());
    for (const reason of notReasons ?? []) expect(out.escalationReasons ?? []).not.toContain(reason);
    if (quantity !== undefined) expect(out.items?.[0]?.quantity).toBe(quantity);
  });
});
