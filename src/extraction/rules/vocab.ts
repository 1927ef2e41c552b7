import { readFileSync } from "node:fs";
import { z } from "zod";
import { CATEGORIES, CURRENCIES, PAYMENT_TERMS, TOPICS } from "../schema.ts";

/**
 * The rules extractor's vocabularies: JSON files in `./vocab/` that a team extends without touching
 * code. They are read and validated once, when this module loads; a broken file fails loudly at start-up.
 */

const Cue = z.string().min(1);
const CueList = z.array(Cue);

const problemCategories = CATEGORIES.filter((c) => c !== "other");
const knownTopics = TOPICS.filter((t) => t !== "other");

export const KindsVocabSchema = z.object({
  orderStrong: CueList,
  orderWeak: CueList,
  complaintStrong: CueList,
  complaintWeak: CueList,
  /** Asking for the money back ("退款", "refund"): a complaint, unless it comes with cancelling an order. */
  refund: CueList.default([]),
  question: CueList,
  inquiryIntent: CueList,
  gratitude: CueList,
  /** A problem put right ("已补发", "退款收到了", "replacement shipped"): after the problem, the message reports the fix. */
  resolution: CueList,
  /**
   * Praise ("很好", "不错", "好吃", "great service"): a message of praise alone, or praise first and a soft grumble
   * after, is a happy customer's; praise after a problem that nothing put right leaves the problem standing.
   */
  compliment: CueList.default([]),
  negators: CueList,
  chitchat: CueList,
  /** A review that finds nothing wrong and nothing special ("一般般", "does what it says"): chatter, unless it asks. */
  neutralReview: CueList.default([]),
  /** What an order-like request may ask for that is no goods ("can I get a refund", "I need two copies"). */
  notRequestedGoods: CueList.default([]),
  /**
   * The people an order-like request may ask for ("I need a technician", "need the manager on site"): no goods either,
   * and asking for one is a demand, not a question.
   */
  requestedPeople: CueList.default([]),
  /**
   * What a clause names before a Chinese fault word (有问题, 出了点问题) for the fault to be in our goods or service:
   * "你们系统又出问题了", "昨天买的路由器有问题", "这批灯管有问题".
   */
  faultHolders: CueList.default([]),
  /** Words that challenge a charge or a state of affairs ("why is there a fee", "怎么收了"): with a billing cue, a complaint. */
  challenge: CueList.default([]),
  /** An internal notice to colleagues ("大家", "@全体", "系统升级", "hi team"): no order without a quantity. */
  broadcast: CueList.default([]),
  /** A condition ("如果货到了有破损…？", "what happens if…"): a problem inside a question about it is only asked about. */
  hypothetical: CueList.default([]),
  /**
   * A policy question that names a problem without 如果 ("坏了是寄修还是上门？", "保修管吗", "is water damage
   * covered?"): in a question it only asks about the problem, unless `happened` says the problem is real.
   */
  policyQuestion: CueList.default([]),
  /** Evidence that a problem has actually occurred ("已经", "收到的", "用了三天就", "arrived", "I bought"). */
  happened: CueList.default([]),
  /** The sender takes the message back ("发错群了，请忽略", "wrong chat, please ignore"): whatever it says, it is `other`. */
  dismiss: CueList.default([]),
  /** A literal question mark or particle ("?", "吗", "了没"): a status note with one asks rather than reports. */
  askMark: CueList.default([]),
  /**
   * A change to an order: units added or taken off ("add 2 more … to order #", "再加20箱"), a new delivery date or
   * address ("能不能改成后天送", "change the delivery address on order …"): an order even inside a question.
   */
  orderChange: CueList.default([]),
  /**
   * A change verb beside a part of an order ("帮我改上门", "你帮我改下配送联系电话"): an order change said in any of the
   * many ways a list of phrases would have to spell out. `notChanges` contain a verb and change nothing asked for
   * ("擅自修改").
   */
  orderChangeParts: z.object({ verbs: CueList, parts: CueList, notChanges: CueList }).default({ verbs: [], parts: [], notChanges: [] }),
  /**
   * An insistent request beside a word for the goods arriving ("此单必须今天下午送到", "尽量明天上午十一点前送到"): with
   * a date or another order field, the sender asks for an order's delivery, which changes or confirms it. Polite
   * words (请, 麻烦) are no request here: agents write them to colleagues and customers ("请耐心等待明天发货").
   * `notRequests` name a moment around the delivery, not the delivery asked for ("到货后清点", "发货前检查").
   */
  deliveryRequests: z
    .object({ requests: CueList, deliveries: CueList, notRequests: CueList })
    .default({ requests: [], deliveries: [], notRequests: [] }),
  /**
   * Cancelling an order or a booking ("help me cancel order 3707…", "请帮我取消订单"): a change to an order, unless
   * asked about in general ("Can I cancel my order?", "取消订单以后多久能退？"), which is a question about the rules.
   */
  cancellation: CueList.default([]),
  /**
   * An order that is only conditional or not yet placed ("有的话我再下单", "if you have it in stock I'll order 50",
   * "报个价", "quote me for…"): without a problem, the message asks (stock, price) rather than orders.
   */
  conditionalOrder: CueList.default([]),
  /** A planned maintenance notice ("系统升级", "scheduled maintenance"): the outage it announces is no complaint. */
  maintenance: CueList.default([]),
  /** Question particles that ask only at the end of a clause ("了没有"): followed by a word, they report ("点过了没有破损"). */
  clauseEndQuestion: CueList.default([]),
  /**
   * A where-is-it request ("帮我查下…到哪了", "can you check where it is now"): beside a delay reported calmly or
   * second-hand ("客户说物流三天没更新") it still asks for tracking.
   */
  whereIs: CueList.default([]),
  /**
   * The sender says they will check something themselves ("那我明天再跟客户确认一下数量", "I'll check with the
   * warehouse"): a note of their own next step, no question to us, whatever the words around it ask about.
   */
  ownFollowUp: CueList.default([]),
  /**
   * The sender's own slip ("我地址填错了", "I put the wrong postcode"): as the longer match it hides the problem word
   * inside it ("错了"), so a customer correcting their own order makes no complaint.
   */
  ownMistake: CueList.default([]),
  /**
   * Something the customer tried did not go through ("my card was declined", "the top-up wasn't successful",
   * "支付失败"): a problem that fits no category, so it makes a complaint whose category stays open.
   */
  failure: CueList.default([]),
  /** The sender says the message is no complaint ("不是投诉，只是问一下", "not complaining, just wondering"). */
  disclaimer: CueList.default([]),
  /**
   * Words that hold a complaint word and mean the thing itself ("倒垃圾", "垃圾袋"): as the longer match they hide it,
   * and decide nothing.
   */
  literal: CueList.default([]),
  /** The sender concedes a small problem before praising ("虽然晚了几天，但是…", "although it was late, …"). */
  concession: CueList.default([]),
});

export const CategoriesVocabSchema = z.object({
  priority: z.array(z.enum(problemCategories as [string, ...string[]])),
  cues: z.record(z.enum(problemCategories as [string, ...string[]]), z.object({ strong: CueList, weak: CueList, hints: CueList })),
  /** A place where staff serve the customer in person (hotel, front desk, restaurant, branch): see classify's venue rule. */
  serviceVenue: CueList.default([]),
  /**
   * Words of goods brought by a carrier or a rider (配送, 骑手, driver, 在路上): a delay beside them is the delivery's
   * delay, even when the customer is a restaurant or a hotel (see classify's venue rule).
   */
  carrierDelivery: CueList.default([]),
  /**
   * Cues that name a category only together, anywhere in the message ("ordered" … "instead": a wrong item). Each
   * rule counts like one strong cue when every one of its words is present and not negated.
   */
  together: z
    .array(z.object({ all: z.array(Cue).min(2), category: z.enum(problemCategories as [string, ...string[]]) }))
    .default([]),
  /**
   * Idioms and good news that contain problem words ("if anything's on fire", "火速", "爆单了"): as the longer
   * match they hide the problem word inside them and count for no category.
   */
  idioms: CueList.default([]),
  /**
   * A hazard the goods pose with nothing having happened yet ("fire hazard", "安全隐患", "choking hazard"): a safety
   * complaint about the product, not a safety incident, so no escalation of its own.
   */
  hazards: CueList.default([]),
  /**
   * A payment, card or transfer the system refused or held ("card got declined", "转账失败"): no charge is wrong, so
   * the billing hints beside it (card, payment, transfer) choose no category; the problem is "other".
   */
  refusals: CueList.default([]),
  /**
   * Problem cues that only name what is judged ("质量", "态度", "quality"): praised later in their clause
   * ("质量我还是挺满意的"), they name no problem.
   */
  aspects: CueList.default([]),
  /**
   * Delay cues that say only that time has passed ("it's been 3 weeks", "still waiting", "等了好几天了"): beside a
   * service problem and no other delay cue, the wait is for the answer, and the category is service, unless goods
   * are awaited (`awaitedGoods` or `carrierDelivery`).
   */
  waits: CueList.default([]),
  /**
   * Delay cues that say something has stalled ("没更新", "hasn't moved", "卡在海关"): beside a tracking word and asked
   * about, with no wait told, they ask where the goods are ("物流信息没更新吗，今天能到吗").
   */
  stalls: CueList.default([]),
  /**
   * Words that introduce what a problem caused ("不合格，导致手术延期", "leaked, causing damage to"): a problem named
   * in the clause after one, with its cause before it in the sentence, does not choose the category.
   */
  consequences: CueList.default([]),
  /** Goods someone waits for ("parcel", "货", "包裹"): beside them, a wait cue is a late delivery after all (see `waits`). */
  awaitedGoods: CueList.default([]),
  /**
   * Matters no category covers: a credit report, a credit bureau, identity theft (`matters`). A dispute about one is no
   * billing problem unless it names a charge (`charges`: "fraudulent charges on my card").
   */
  creditMatters: z.object({ matters: CueList.default([]), charges: CueList.default([]) }).default({ matters: [], charges: [] }),
  /**
   * Goods that broke in use: `verbs` of using that a length of time follows ("用了三天", "坐了不到一个月"), `phrases`
   * that say so whole ("没用几天", "after a few uses"). Damage told so is a fault of the goods (quality), unless the
   * message also speaks of their arrival (`arrivals`: "收到", "arrived"), where transit may have broken them.
   */
  inUse: z
    .object({ verbs: CueList.default([]), phrases: CueList.default([]), arrivals: CueList.default([]) })
    .default({ verbs: [], phrases: [], arrivals: [] }),
});

export const TopicsVocabSchema = z.object({
  priority: z.array(z.enum(knownTopics as [string, ...string[]])),
  cues: z.record(z.enum(knownTopics as [string, ...string[]]), CueList),
  /**
   * Requests to change an account's own details ("change the default address on our account", "改一下账户的手机号"):
   * no policy asked, so their topic is `other` however the request is put ("is it possible to…"); as the longer match
   * they hide the order and problem words inside them ("cancel the payment", "forgot my PIN").
   */
  accountChange: CueList.default([]),
  /**
   * How a question asks how things work or what may be done ("can I…", "is there a way to…", "how many…"): with no
   * topic cue, such a question is about the rules (`policy`).
   */
  howItWorks: CueList.default([]),
  /**
   * How a question asks for the steps of doing something ("how do I…", "how can I…"): it asks how to use a product,
   * not what the rules allow, so it is no `policy` by itself. Longer cues that name a rule ("how do I return")
   * replace it.
   */
  howTo: CueList.default([]),
  /**
   * A word asking when beside a word for the goods moving, in one clause ("什么时候可以发货", "how soon can I expect my
   * delivery"): a tracking question, however it is worded between them.
   */
  whenPairs: z.object({ when: CueList, moves: CueList }).default({ when: [], moves: [] }),
  /**
   * The sender's own goods ("我的货", "my parcel"): asked when they move, the question is about tracking, not about the
   * rules, however much the examples' refund questions ("退款多久能到账") look like it.
   */
  ownGoods: CueList.default([]),
});

export const EscalationVocabSchema = z.object({
  reasons: z.object({
    severe_incident: CueList,
    legal_threat: CueList,
    media_threat: CueList,
    regulator_threat: CueList,
    repeat_complaint: CueList,
    customer_request: CueList,
    vip: CueList,
  }),
  wholeLoad: CueList,
  escalationKind: CueList,
  /**
   * "联系几次客服，没人理会", "已2次联系京东客服", "打电话给客服也没有解决": a contact with support beside a count of two or
   * more, or followed by no fix, says the customer complained before (see `repeatedContact` in classify.ts). Real
   * customers say it in too many ways for a list of phrases.
   */
  repeatedContact: z
    .object({ contacts: CueList, counts: CueList, unresolved: CueList, noComplaint: CueList, staff: CueList, otherParties: CueList, notCues: CueList })
    .default({ contacts: [], counts: [], unresolved: [], noComplaint: [], staff: [], otherParties: [], notCues: [] }),
});

export const SeverityVocabSchema = z.object({
  critical: CueList,
  high: CueList,
  mild: CueList,
  intense: CueList,
  impact: CueList,
  singleItem: CueList,
  /** A demand for money back or compensation: it lifts a service complaint to the ordinary one. */
  demand: CueList.default([]),
  /** Dangerous goods named in a safety escalation: the spec's critical ("injuries or dangerous goods"). */
  dangerousGoods: CueList.default([]),
});

export const UnitsVocabSchema = z.object({
  zhCount: CueList,
  zhMeasure: CueList,
  enCount: CueList,
  enMeasure: CueList,
  /** Words that begin with a unit and are none: "7020 台式机", "3部门". */
  notUnits: CueList,
});

export const CurrenciesVocabSchema = z.object({
  currencies: z.record(
    z.enum(CURRENCIES),
    z.object({ prefixes: CueList, suffixes: CueList, largeLoss: z.number().positive() }),
  ),
  claimCues: CueList,
  /**
   * Claim words of a charge, a refund or a claim ("charged", "refund", "claim", 多扣): a sum is what such a message
   * claims even when it stands far from the word, if it is the message's only sum ("…$249 each time. Please refund
   * the duplicate"). Compensation is not among them: "we spend $200,000 a year … we want compensation" claims no sum.
   */
  chargeClaimCues: CueList.default([]),
});

export const PaymentVocabSchema = z.object({
  priority: z.array(z.enum(PAYMENT_TERMS)),
  terms: z.record(z.enum(PAYMENT_TERMS), CueList),
});

export const ReferencesVocabSchema = z.object({
  include: CueList,
  /** Labels of a booking's record locator, which may be capital letters alone ("Conf #: MDBEEI"). */
  bookingCodes: CueList,
  /** Labels that name nothing but a record locator ("Locator IRRLCD", "record number is BPDFPP"): no mark needed. */
  locators: CueList.default([]),
  /** Labels that are also verbs ("purchase 00123842", "I'd like to purchase 15000"): only an id no quantity could be. */
  verbLabels: CueList.default([]),
  /** Words that name the id before them as an order or waybill ("ZS-260915 那单排产到哪了", "NX-0412-07这票"). */
  after: CueList.default([]),
  exclude: CueList,
  prefixes: z.array(z.string().regex(/^[A-Z0-9]{1,5}$/)),
  fillers: CueList,
  /** Carriers named before a grouped tracking number that does not carry the name ("USPS 9400 1118 …"). */
  carrierNames: z.array(z.string().regex(/^[A-Z]{2,6}$/)).default([]),
});

export const PartiesVocabSchema = z.object({
  customerLabels: CueList,
  contactLabels: CueList,
  personTitles: CueList,
  surnames: z.string().min(1),
  companySuffixes: CueList,
  latinCompanySuffixes: CueList,
  departments: CueList,
  nameStops: CueList,
  notNames: CueList,
  /** Words that hold a surname's character, so that 安全主管 is the safety supervisor (not a Mr 全) and 谢谢老板 thanks. */
  wordsHoldingSurname: CueList,
  /** What a customer does, so that 客户急用 and 客户同意 name nobody. */
  actionWords: CueList,
  dealerWords: CueList,
  /** Words that open a clause but never a company name (结果快递送来, 应该叫蜗牛运输, 一起打消费者协会). */
  clauseOpeners: CueList,
  titleBreakers: z.string(),
  englishCustomerVerbs: CueList,
  englishNotNames: CueList,
});

/**
 * Vocabulary words as one alternation of literals for a regular expression, lowercased and longest first, so that
 * the longest word wins where one holds another.
 */
export function alternation(words: readonly string[]): string {
  return words
    .map((w) => w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .sort((a, b) => b.length - a.length)
    .join("|");
}

export const AddressVocabSchema = z.object({
  cues: CueList,
  markers: CueList,
  stops: CueList,
  streetTypes: z.array(z.string().regex(/^[A-Z][a-z]*$/)),
  subunits: z.array(z.string().regex(/^[a-z]+$/)),
  abbreviations: z.array(z.string().regex(/^[a-z]+$/)),
});

export const DatesVocabSchema = z.object({
  deliveryAfter: CueList,
  deliveryBefore: CueList,
  deadlines: CueList,
  documentBefore: CueList,
  paymentAfter: CueList,
  paymentBefore: CueList,
  changedTo: CueList,
  changeVerbs: CueList,
});

export const PhonesVocabSchema = z.object({ labels: CueList, referenceLabels: CueList, measureLabels: CueList });

export const ItemsVocabSchema = z.object({
  leadWords: CueList,
  /** Product words that hold an order word (洗发水 holds 发, 加湿器 加): the order word inside them starts no name. */
  wordsHoldingLeads: CueList.default([]),
  priceLabels: CueList,
  notPriceLabels: CueList,
  perUnitWords: CueList,
  productStops: CueList,
  notProduct: CueList,
  /** Words that are no product when they are the whole name ("200箱明天送到，谢谢"), though a name may hold them (感谢卡). */
  notProductAlone: CueList.default([]),
  /** Fillers a speaker starts a name with ("那个一次性医用外科口罩"): cut off the front of a product. */
  leadingFillers: CueList.default([]),
  packSpecFollowers: CueList,
  /** Words after a bare number that say it counts no goods: a time, a share, a date's ending, a price per unit. */
  notCountedAfter: CueList.default([]),
  /** What a count after an order word may count that is no goods ("I need two copies of the packing list"). */
  notOrderedCounted: CueList.default([]),
  /** What may open a message before the count of a counter order ("hi, 2 flat whites"). */
  openingWords: CueList.default([]),
  /** What may stand between and around the items of a message that lists nothing else ("三杯拿铁，一杯摩卡，谢谢"). */
  listFillers: CueList.default([]),
  /** The people, documents and times a listed name may end with that are no goods ("两个同事", "2 kids"). */
  notListedGoods: CueList.default([]),
  /** Words in a listed name that make the list a tally or a report ("盘点 A4纸12箱", "3 units fixed"). */
  tallyWords: CueList.default([]),
});

/** Every vocabulary file, by file name, with the schema it must satisfy. */
export const VOCAB_FILES = {
  kinds: KindsVocabSchema,
  categories: CategoriesVocabSchema,
  topics: TopicsVocabSchema,
  escalation: EscalationVocabSchema,
  severity: SeverityVocabSchema,
  units: UnitsVocabSchema,
  currencies: CurrenciesVocabSchema,
  payment: PaymentVocabSchema,
  references: ReferencesVocabSchema,
  parties: PartiesVocabSchema,
  address: AddressVocabSchema,
  phones: PhonesVocabSchema,
  dates: DatesVocabSchema,
  items: ItemsVocabSchema,
} as const;

type VocabFiles = typeof VOCAB_FILES;
export type Vocabulary = { [K in keyof VocabFiles]: z.infer<VocabFiles[K]> };

export class VocabularyError extends Error {}

export function vocabFileUrl(name: keyof VocabFiles): URL {
  return new URL(`./vocab/${name}.json`, import.meta.url);
}

function loadFile<K extends keyof VocabFiles>(name: K): Vocabulary[K] {
  const url = vocabFileUrl(name);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, "utf8"));
  } catch (error) {
    throw new VocabularyError(`vocabulary ${name}.json cannot be read: ${(error as Error).message}`);
  }
  const parsed = VOCAB_FILES[name].safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new VocabularyError(`vocabulary ${name}.json is invalid: ${issues}`);
  }
  return parsed.data as Vocabulary[K];
}

function loadVocabulary(): Vocabulary {
  const entries = Object.keys(VOCAB_FILES).map((name) => [name, loadFile(name as keyof VocabFiles)]);
  return Object.fromEntries(entries) as Vocabulary;
}

export const vocabulary: Vocabulary = loadVocabulary();
