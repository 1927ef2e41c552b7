import type { Extraction, ExtractionInput, Extractor, PaymentTerms } from "../schema.ts";
import { findAddress, placesOf } from "./address.ts";
import { creditMatter, decideKind, decideSeverity, escalationReasons, readSignals } from "./classify.ts";
import { readByExamples } from "./learned.ts";
import { findItems, nothingButItems, type ItemsReading } from "./items.ts";
import { findClaim, isLargeLoss, statedCurrency } from "./money.ts";
import { findParties } from "./parties.ts";
import { findPaymentTerms } from "./payment.ts";
import { findPhone } from "./phones.ts";
import { findOrderRef } from "./references.ts";
import { scanMessage, type Scan } from "./scan.ts";

/**
 * The offline rules extractor: synchronous, pure and fast, and the fallback of every LLM extractor.
 * It states only what the text states; the judgement fields the spec always wants (category,
 * severity, reasons, topic) are given for their kinds.
 */
export function extractWithRules(input: ExtractionInput): Extraction {
  const scan = scanMessage(input.text, input.sentAt);
  const { text, lower } = scan;
  const signals = readSignals(lower);
  const parties = findParties(text, lower);
  const contactPhone = findPhone(text, scan.units);
  const orderRef = findOrderRef(text, lower);

  const defaultCurrency = statedCurrency(scan.currencyMarks) ?? (scan.chinese ? "CNY" : "USD");
  const claim = findClaim(lower, scan.money, scan.numbers, defaultCurrency);
  // The only sum in a message that names no problem is a price, not a loss: "储能柜4台，单价31.8万元/台" orders.
  const claimed = claim !== undefined && (claim.named || signals.problem);
  const largeLoss = claimed && isLargeLoss(claim.value, claim.currency ?? defaultCurrency);

  const erase = [parties.customer, parties.contactName, orderRef, contactPhone].filter((s): s is string => Boolean(s));
  let order: OrderFields | undefined;
  const readOrder = () => (order ??= readOrderFields(scan, erase));
  const reasons = escalationReasons(signals, { largeLoss });
  // The labelled examples overrule the cues where they are sure (see learned.ts), and choose the category or topic
  // where they are sure, or where the cues named none and the examples gave the kind or are fairly sure (learned.ts).
  const examples = readByExamples(lower);
  let guessed = false;
  const cuedKind = decideKind(signals, reasons, () => {
    const o = readOrder();
    return { filled: o.filled, hasQuantity: o.counted, hasReference: Boolean(orderRef), bare: () => nothingButItems(scan, o) };
  }, () => {
    guessed = true;
    return signals.wordy ? examples.kindUncued() : "other";
  });
  // A change or cancellation the sender spells out is not overruled: it reads like the complaints that often come with one.
  const spelledOutChange = cuedKind === "order" && (signals.has("orderChange") || signals.has("cancellation"));
  // A message without a word has nothing to compare.
  const examplesKind = guessed || !signals.wordy || spelledOutChange ? undefined : examples.kind(cuedKind);
  // An escalation the examples make of a complaint needs a reason they are fairly sure of. Safety pages supervisors at
  // once, so it also needs the examples' category to be safety ("海关查验，已经压了四天了" is a delay, whatever the guess).
  const needsReason = examplesKind === "escalation" && !reasons.some((r) => r !== "vip");
  const learnedReason = needsReason ? examples.reason() : undefined;
  // An order the examples make of a question needs something of an order: "明天能送到吗" reads like the orders that ask
  // when they arrive, yet names only a day; "want assistance deleting some items from order 3707955617" names its
  // order, "麻烦看一下下周六能不能送到星湖街88号" a day and a place.
  const nothingOrdered = examplesKind === "order" && cuedKind === "inquiry" && !orderRef && !readOrder().counted && readOrder().filled < 2;
  const unfounded =
    (needsReason && !learnedReason) || (learnedReason === "safety" && examples.category("other", true) !== "safety") || nothingOrdered;
  const overruled = unfounded ? undefined : examplesKind;
  if (learnedReason && !unfounded) reasons.push(learnedReason);
  const kind = overruled ?? cuedKind;
  const kindFromExamples = guessed || overruled !== undefined;

  const record: Extraction = { kind, ...parties };
  if (contactPhone) record.contactPhone = contactPhone;
  if (orderRef) record.orderRef = orderRef;

  if (kind === "order") {
    const { items, currency: priceCurrency, deliveryDate, deliveryAddress, paymentTerms } = readOrder();
    if (items.length > 0) record.items = items;
    if (deliveryDate) record.deliveryDate = deliveryDate;
    if (deliveryAddress) record.deliveryAddress = deliveryAddress;
    if (paymentTerms) record.paymentTerms = paymentTerms;
    const currency = priceCurrency ?? (items.some((i) => i.unitPrice !== undefined) ? statedCurrency(scan.currencyMarks) : undefined);
    if (currency) record.currency = currency;
  } else if (kind === "complaint" || kind === "escalation") {
    const category = learnedReason === "safety" && overruled ? "safety" : creditMatter(examples.category(signals.category, kindFromExamples), scan.lower);
    record.category = category;
    const bigAmount = scan.numbers.some((n) => !n.glued && n.value >= 1000 && n.end - n.start < 10);
    record.severity = decideSeverity(kind, { ...signals, category }, reasons, { largeLoss, bigAmount, hasReference: Boolean(orderRef) });
    if (claim) {
      record.claimAmount = claim.value;
      if (claim.currency) record.currency = claim.currency;
    }
    if (kind === "escalation") record.escalationReasons = reasons.length > 0 ? reasons : ["severe_incident"];
  } else if (kind === "inquiry") {
    const cued = signals.topic !== "other" ? signals.topic : signals.howItWorks ? "policy" : "other";
    // "能帮我们把账户的默认地址改成新仓库吗？": the account's own details are no topic of the spec's, whatever the words.
    const topic = signals.accountChange ? cued : examples.topic(cued, kindFromExamples);
    // "您好,我的货什么时候可以到?", "那批退货现在 status 是什么？" ask after goods on their way, however like a question
    // about the return or refund rules they read.
    const trackingAsked = cued === "tracking" && topic === "policy" && (signals.ownGoodsAskedWhen || signals.has("whereIs"));
    record.topic = trackingAsked ? cued : topic;
  }
  if (scan.unfolded !== undefined) asWritten(record, scan.text, scan.unfolded);
  return record;
}

/** Free-text fields read from folded traditional text are given back in the characters the sender wrote. */
function asWritten(record: Extraction, folded: string, unfolded: string): void {
  const back = (value: string | undefined): string | undefined => {
    if (!value) return value;
    const at = folded.indexOf(value);
    return at < 0 ? value : unfolded.slice(at, at + value.length);
  };
  if (record.customer) record.customer = back(record.customer);
  if (record.contactName) record.contactName = back(record.contactName);
  if (record.deliveryAddress) record.deliveryAddress = back(record.deliveryAddress);
  if (record.items) record.items = record.items.map((item) => (item.product ? { ...item, product: back(item.product) } : item));
}

interface OrderFields extends ItemsReading {
  deliveryDate?: string;
  deliveryAddress?: string;
  paymentTerms?: PaymentTerms;
  /** How many order fields are filled: items, a unit price, a date, an address, payment terms. */
  filled: number;
}

function readOrderFields(scan: Scan, erase: string[]): OrderFields {
  const address = findAddress(scan.text, scan.lower);
  const deliveryAddress = address?.value;
  const reading = findItems(scan, erase, address ? placesOf(scan.text, address) : []);
  const deliveryDate = scan.dates[0]?.date;
  const paymentTerms = findPaymentTerms(scan.lower);
  const filled =
    (reading.items.length > 0 && !reading.implied ? 1 : 0) +
    (reading.items.some((i) => i.unitPrice !== undefined) ? 1 : 0) +
    (deliveryDate ? 1 : 0) +
    (deliveryAddress ? 1 : 0) +
    (paymentTerms ? 1 : 0);
  return { ...reading, deliveryDate, deliveryAddress, paymentTerms, filled };
}

export const rulesExtractor: Extractor = {
  name: "rules",
  async extract(input) {
    const started = performance.now();
    const extraction = extractWithRules(input);
    return { extraction, extractor: "rules", latencyMs: performance.now() - started };
  },
};
