import type { Category, EscalationReason, RecordKind, Severity, Topic } from "../schema.ts";
import { CueMatcher, longestHits, type CueHit } from "./cues.ts";
import { breakCounts, clauseAround, isClauseBreak, isCjk, SENTENCE_END, sentenceSpans } from "./normalize.ts";
import { alternation, vocabulary } from "./vocab.ts";

/**
 * Judgement fields: kind, complaint category, severity, escalation reasons and inquiry topic, from
 * vocabulary cues with negation ("不是投诉", "no damage") and the spec's conventions.
 */

type KindGroup = Exclude<keyof typeof vocabulary.kinds, "negators"> | "negator" | "escalationKind" | "wholeLoad";
type ProblemCategory = Exclude<Category, "other">;
type CategoryTag = { category: ProblemCategory; weight: number; trigger: boolean; hazard?: boolean } | "praise" | "idiom";
type ReasonTag = Exclude<EscalationReason, "safety" | "large_loss">;
type SeverityTag = keyof typeof vocabulary.severity;
type KnownTopic = Exclude<Topic, "other">;

const K = vocabulary.kinds;
const E = vocabulary.escalation;

const kindMatcher = new CueMatcher<KindGroup>([
  ...(["orderStrong", "orderWeak", "complaintStrong", "complaintWeak", "refund", "question", "inquiryIntent", "gratitude", "resolution", "compliment", "chitchat", "neutralReview", "challenge", "broadcast", "hypothetical", "policyQuestion", "happened", "dismiss", "askMark", "orderChange", "cancellation", "conditionalOrder", "maintenance", "whereIs", "ownFollowUp", "ownMistake", "failure", "literal", "disclaimer", "concession"] as const).flatMap(
    (group) => K[group].map((cue) => [cue, group] as const),
  ),
  // A request about the account's own details ("cancel the payment", "forgot my PIN") is no order and no problem:
  // as the longer match it hides the order and problem words inside it.
  ...vocabulary.topics.accountChange.map((cue) => [cue, "literal"] as const),
  ...K.negators.map((cue) => [cue, "negator"] as const),
  ...E.escalationKind.map((cue) => [cue, "escalationKind"] as const),
  ...E.wholeLoad.map((cue) => [cue, "wholeLoad"] as const),
], { shared: true });

const categoryMatcher = new CueMatcher<CategoryTag>([
  ...(Object.entries(vocabulary.categories.cues) as [ProblemCategory, { strong: string[]; weak: string[]; hints: string[] }][]).flatMap(
    ([category, cues]) => [
      ...cues.strong.map((cue) => [cue, { category, weight: 2, trigger: true }] as const),
      ...cues.weak.map((cue) => [cue, { category, weight: 1, trigger: true }] as const),
      ...cues.hints.map((cue) => [cue, { category, weight: 0.5, trigger: false }] as const),
    ],
  ),
  // Praise ("态度很好") contains problem words ("态度"); as the longer match it hides them.
  ...[...K.resolution, ...K.compliment].map((cue) => [cue, "praise" as const] as const),
  // Idioms ("if anything's on fire", "爆单了") hide the problem words inside them the same way, and count for nothing.
  ...vocabulary.categories.idioms.map((cue) => [cue, "idiom" as const] as const),
  // So does the sender's own slip ("I put the wrong postcode"): the wrong thing is theirs, not ours; and a request
  // about the account's own details.
  ...[...K.ownMistake, ...vocabulary.topics.accountChange].map((cue) => [cue, "idiom" as const] as const),
  // A hazard ("fire hazard") names safety as the problem, but no incident: as the longer match it hides "fire".
  ...vocabulary.categories.hazards.map((cue) => [cue, { category: "safety" as const, weight: 2, trigger: true, hazard: true }] as const),
], { shared: true });

const refusalMatcher = new CueMatcher<true>(vocabulary.categories.refusals.map((cue) => [cue, true] as const), { shared: true });

const togetherRules = vocabulary.categories.together as { all: string[]; category: ProblemCategory }[];
const togetherMatcher = new CueMatcher<string>([...new Set(togetherRules.flatMap((r) => r.all))].map((cue) => [cue, cue] as const), { shared: true });

/**
 * Strong category hits from the `together` rules: one per rule whose words all occur, placed at its last word.
 * `words` are the spans the rules read: a rule is the more specific reading of its words, so "never received"
 * beside "refund" is the refund's billing problem and no longer a delay of its own.
 */
function togetherHits(
  lower: string,
  negated: (hit: CueHit<unknown>) => boolean,
  oneSentence: (from: number, to: number) => boolean,
): { hits: CueHit<CategoryTag>[]; words: { start: number; end: number; category: ProblemCategory }[] } {
  if (togetherRules.length === 0) return { hits: [], words: [] };
  const found = new Map<string, CueHit<string>>();
  const lastFound = new Map<string, CueHit<string>>();
  for (const h of togetherMatcher.findAll(lower)) {
    if (negated(h)) continue;
    if (!found.has(h.tag)) found.set(h.tag, h);
    lastFound.set(h.tag, h);
  }
  const hits: CueHit<CategoryTag>[] = [];
  const read: { start: number; end: number; category: ProblemCategory }[] = [];
  for (const rule of togetherRules) {
    const words = rule.all.map((w) => found.get(w));
    if (words.some((w) => w === undefined)) continue;
    // "still haven't received my goods! … give me a refund": across sentences, words read together only in the rule's
    // order; the refund demanded after a delay is its remedy, not what is missing. Out of order means every
    // occurrence of a word comes after every occurrence of the next, in another sentence.
    const outOfOrder = rule.all.some((w, k) => {
      if (k === 0) return false;
      const earlierFirst = found.get(rule.all[k - 1]!)!;
      const laterLast = lastFound.get(w)!;
      return laterLast.start < earlierFirst.start && !oneSentence(laterLast.end, earlierFirst.start);
    });
    if (outOfOrder) continue;
    const last = words.reduce((a, b) => (b!.start > a!.start ? b : a))!;
    hits.push({ tag: { category: rule.category, weight: 2, trigger: true }, cue: rule.all.join("+"), start: last.start, end: last.end });
    for (const w of words) read.push({ start: w!.start, end: w!.end, category: rule.category });
  }
  return { hits, words: read };
}

const venueMatcher = new CueMatcher<true>(vocabulary.categories.serviceVenue.map((cue) => [cue, true] as const), { shared: true });
const carrierMatcher = new CueMatcher<true>(vocabulary.categories.carrierDelivery.map((cue) => [cue, true] as const), { shared: true });

/**
 * Hotel and counter mixes: at a place where staff serve the customer in person, a complaint that names both
 * a facility fault (broken shower, cold food: damage or quality) or slowness (菜上得很慢) and the staff's
 * conduct (attitude, waiting, no apology) is about the service; the fault is what the staff failed to handle.
 * Goods delivered by a carrier are not covered: there the fault or the late delivery stays the category, even when
 * the customer is itself a restaurant or a hotel waiting for a delivery (配送, 骑手, driver, 在路上).
 */
function venueCategory(category: Category, lower: string, problemCategories: Set<ProblemCategory>): Category {
  if (category !== "damage" && category !== "quality" && category !== "delay") return category;
  if (!problemCategories.has("service")) return category;
  // "配送的太慢了…餐厅电话打不通": a restaurant waiting for a rider's or a driver's delivery has a delay, not a service fault.
  if (category === "delay" && carrierMatcher.findAll(lower).length > 0) return category;
  return venueMatcher.findAll(lower).length > 0 ? "service" : category;
}

const IN_USE = vocabulary.categories.inUse;
/** A length of time or a number of uses after a verb of using: "用了三天", "坐了不到一个月", "才用两次". */
const USED_FOR = new RegExp(
  `(?:${alternation(IN_USE.verbs)})(?:了|不到|没到|只|才)?\\s?(?:\\d+|[一二两三四五六七八九十几半]+)\\s?(?:个\\s?)?(?:天|周|星期|礼拜|月|年|次|回)|\\bafter (?:only |just )?(?:a|one|two|three|four|five|six|\\d+|a few|several|a couple of) (?:days?|weeks?|months?|uses|washes|rides|wears)\\b`,
);
const inUsePhraseMatcher = new CueMatcher<true>(IN_USE.phrases.map((cue) => [cue, true] as const), { shared: true });
const arrivalMatcher = new CueMatcher<true>(IN_USE.arrivals.map((cue) => [cue, true] as const), { shared: true });

/**
 * "用了三天就裂了", "cracked after two weeks": goods that broke after being used for a while have a fault of their
 * own (quality), not damage in handling, unless the message also tells how they arrived.
 */
function brokeInUse(category: Category, lower: string): Category {
  if (category !== "damage") return category;
  if (!USED_FOR.test(lower) && inUsePhraseMatcher.findAll(lower).length === 0) return category;
  return arrivalMatcher.findAll(lower).length > 0 ? category : "quality";
}

const creditMatterMatcher = new CueMatcher<true>(vocabulary.categories.creditMatters.matters.map((cue) => [cue, true] as const), { shared: true });
const chargeMatcher = new CueMatcher<true>(vocabulary.categories.creditMatters.charges.map((cue) => [cue, true] as const), { shared: true });

/**
 * "I disputed unauthorized inquiries on my credit report", "wrong information on my credit file": a credit report or
 * a stolen identity is a matter of no category, neither billing nor a wrong item, unless a charge is named.
 */
export function creditMatter(category: Category, lower: string): Category {
  if ((category !== "billing" && category !== "wrong_item") || creditMatterMatcher.findAll(lower).length === 0) return category;
  return chargeMatcher.findAll(lower).length > 0 ? category : "other";
}

const reasonMatcher = new CueMatcher<ReasonTag | "idiom">(
  [
    ...(Object.entries(E.reasons) as [ReasonTag, string[]][]).flatMap(([reason, cues]) => cues.map((cue) => [cue, reason] as const)),
    // "中联律师事务所要办公桌12张": a law firm ordering desks threatens nothing; the idiom hides 律师.
    ...vocabulary.categories.idioms.map((cue) => [cue, "idiom" as const] as const),
  ],
  { shared: true },
);

/** The lists of escalation.json's `repeatedContact`, and the tag each gives its hits. */
const CONTACT_LISTS = {
  contacts: "contact",
  counts: "count",
  unresolved: "unresolved",
  noComplaint: "noComplaint",
  staff: "staff",
  otherParties: "otherParty",
  notCues: "notCue",
} as const;
type ContactTag = (typeof CONTACT_LISTS)[keyof typeof CONTACT_LISTS];

const contactMatcher = new CueMatcher<ContactTag>(
  (Object.keys(CONTACT_LISTS) as (keyof typeof CONTACT_LISTS)[]).flatMap((list) =>
    E.repeatedContact[list].map((cue) => [cue, CONTACT_LISTS[list]] as const),
  ),
  { shared: true },
);

/** How many characters may stand between a contact and its count, in one clause: "联系几次客服", "申请售后两次了". */
const CONTACT_COUNT_REACH = 16;
/** How far after a contact its outcome may be told: "contacted them 3 wks ago about this but they have not responded". */
const UNRESOLVED_REACH = 48;
/** How close before a contact its caller stands ("外送员打了5次电话", "给我打了两次电话"), or after it the party contacted ("联系客户3次"). */
const PARTY_REACH = 3;

/**
 * Whether a hit `first` ends no more than `reach` characters before a hit `second` starts (or overlaps it), with no
 * break between: one pass over hits ordered by start, each compared with the furthest-reaching earlier hit of the
 * other list.
 */
function nearPair<T>(hits: CueHit<T>[], isFirst: (h: CueHit<T>) => boolean, isSecond: (h: CueHit<T>) => boolean, reach: number, breaks: Int32Array | undefined, eitherOrder: boolean): boolean {
  let lastFirst: CueHit<T> | undefined;
  let lastSecond: CueHit<T> | undefined;
  // A hit inside the other ("打了几次电话": the count inside the call) stands at no distance from it.
  const near = (earlier: CueHit<T> | undefined, later: CueHit<T>) =>
    earlier !== undefined && later.start - earlier.end <= reach && (later.start < earlier.end || !breaks || breaks[later.start] === breaks[earlier.end]);
  for (const h of hits) {
    if (isSecond(h)) {
      if (near(lastFirst, h)) return true;
      if (!lastSecond || h.end > lastSecond.end) lastSecond = h;
    }
    if (isFirst(h)) {
      if (eitherOrder && near(lastSecond, h)) return true;
      if (!lastFirst || h.end > lastFirst.end) lastFirst = h;
    }
  }
  return false;
}

/** "打了1次", "联系了一次": a count of one repeats nothing; "第二次" is an ordinal, no count. */
function countsTwoOrMore(hit: CueHit<ContactTag>, lower: string): boolean {
  if (lower[hit.start - 1] === "第") return false;
  return !(hit.cue.startsWith("#") && /^(?:1|一)(?![0-9〇一二两三四五六七八九十百])/.test(lower.slice(hit.start, hit.end)));
}

/**
 * The customer complained to us before without a fix, said in the customer's own words (escalation.json's
 * `repeatedContact`): a contact with support and a count of two or more in one clause ("联系几次客服", "已2次联系京东
 * 客服", "I've emailed them three times"), or a contact followed by no fix ("打电话给客服也没有解决", "submitted a
 * ticket a month ago and never got a response") where a problem other than the service itself is named. Not a
 * contact: calls nobody answered (in the same sentence), a courier calling the customer ("快递员给我打了两次电话"), our
 * own calls to a customer or supplier ("已联系客户3次"), and words that only contain a contact (联系电话, 不理想).
 */
function repeatedContact(lower: string, negated: (hit: CueHit<unknown>) => boolean, problemBeyondService: boolean): boolean {
  const found = contactMatcher.findAll(lower);
  if (!found.some((h) => h.tag === "contact")) return false;
  // A count may lie inside its contact ("打了几次电话"); a longer word that only contains a contact or an outcome
  // ("联系电话", "没人联系", "不理想") replaces it.
  const words = longestHits(found.filter((h) => h.tag === "contact" || h.tag === "unresolved" || h.tag === "notCue"));
  const others = found.filter((h) => h.tag !== "contact" && h.tag !== "unresolved" && h.tag !== "notCue");
  const hits = [...words, ...others].filter((h) => !negated(h)).sort((x, y) => x.start - y.start);
  const { sentences, clauses } = breakCounts(lower);
  const unanswered = new Set(hits.filter((h) => h.tag === "noComplaint").map((h) => sentences[h.start]));
  const staffEnds = new Set(hits.filter((h) => h.tag === "staff").map((h) => h.end));
  const partyStarts = new Set(hits.filter((h) => h.tag === "otherParty").map((h) => h.start));
  const within = (positions: Set<number>, from: number) => {
    for (let at = from; at <= from + PARTY_REACH; at++) if (positions.has(at)) return true;
    return false;
  };
  const isContact = (h: CueHit<ContactTag>) =>
    h.tag === "contact" && !unanswered.has(sentences[h.start]!) && !within(staffEnds, h.start - PARTY_REACH) && !within(partyStarts, h.end);
  const isCount = (h: CueHit<ContactTag>) => h.tag === "count" && countsTwoOrMore(h, lower);
  if (nearPair(hits, isContact, isCount, CONTACT_COUNT_REACH, clauses, true)) return true;
  return problemBeyondService && nearPair(hits, isContact, (h) => h.tag === "unresolved", UNRESOLVED_REACH, undefined, false);
}

type PairTag = "first" | "second" | "not";

/** A matcher for a pair read by `pairedInClause`: words of its two lists, and longer words that replace them. */
function pairMatcher(first: readonly string[], second: readonly string[], not: readonly string[] = []): CueMatcher<PairTag> {
  return new CueMatcher<PairTag>(
    [...first.map((cue) => [cue, "first"] as const), ...second.map((cue) => [cue, "second"] as const), ...not.map((cue) => [cue, "not"] as const)],
    { shared: true },
  );
}

const orderPartMatcher = pairMatcher(K.orderChangeParts.verbs, K.orderChangeParts.parts, K.orderChangeParts.notChanges);
const deliveryRequestMatcher = pairMatcher(K.deliveryRequests.requests, K.deliveryRequests.deliveries, K.deliveryRequests.notRequests);
const whenMatcher = pairMatcher(vocabulary.topics.whenPairs.when, vocabulary.topics.whenPairs.moves);
const ownGoodsMatcher = new CueMatcher<true>(vocabulary.topics.ownGoods.map((cue) => [cue, true] as const), { shared: true });

/** How far apart the two words of a pair may stand: "你帮我改下配送联系电话", "什么时候可以发货". */
const PAIR_REACH = 10;

/**
 * Whether a word of each of the matcher's two lists, in either order, stand within PAIR_REACH characters of each
 * other in one clause: the pairs of `orderChangeParts` and `deliveryRequests` (kinds.json) and `whenPairs`
 * (topics.json). A longer word that contains one of them ("擅自修改", "到货后") replaces it.
 */
function pairedInClause(matcher: CueMatcher<PairTag>, lower: string, negated: (hit: CueHit<unknown>) => boolean): boolean {
  const hits = longestHits(matcher.findAll(lower)).filter((h) => h.tag !== "not" && !negated(h));
  if (!hits.some((h) => h.tag === "first") || !hits.some((h) => h.tag === "second")) return false;
  return nearPair(hits, (h) => h.tag === "first", (h) => h.tag === "second", PAIR_REACH, breakCounts(lower).clauses, true);
}

const severityMatcher = new CueMatcher<SeverityTag | "idiom">([
  ...(Object.entries(vocabulary.severity) as [SeverityTag, string[]][]).flatMap(([level, cues]) => cues.map((cue) => [cue, level] as const)),
  // "if anything's on fire" is no fire: the idiom hides the critical word inside it.
  ...vocabulary.categories.idioms.map((cue) => [cue, "idiom" as const] as const),
], { shared: true });

type TopicTag = KnownTopic | "accountChange" | "howItWorks" | "howTo";

const topicMatcher = new CueMatcher<TopicTag>(
  [
    ...(Object.entries(vocabulary.topics.cues) as [KnownTopic, string[]][]).flatMap(([topic, cues]) => cues.map((cue) => [cue, topic] as const)),
    ...vocabulary.topics.accountChange.map((cue) => [cue, "accountChange" as const] as const),
    ...vocabulary.topics.howItWorks.map((cue) => [cue, "howItWorks" as const] as const),
    ...vocabulary.topics.howTo.map((cue) => [cue, "howTo" as const] as const),
  ],
  { shared: true },
);

/**
 * The topic: the most cues, ties by priority. A request to change the account's own details ("is it possible to
 * change the address on our account") asks no policy, however it is put: then only another topic than policy stands.
 */
function readTopic(hits: CueHit<TopicTag>[]): Topic {
  const accountChange = hits.some((h) => h.tag === "accountChange");
  const topical = hits.filter(
    (h): h is CueHit<KnownTopic> => h.tag !== "accountChange" && h.tag !== "howItWorks" && h.tag !== "howTo" && !(accountChange && h.tag === "policy"),
  );
  return bestTopic(topical);
}

/**
 * "Why was I charged a restocking fee? The item was defective.": a challenge with a charge in the same sentence
 * disputes the charge; the fault named beside it is only why the charge seems unfair.
 */
function chargeChallenged(lower: string, challenges: CueHit<unknown>[], billing: CueHit<unknown>[]): boolean {
  for (const c of challenges) {
    for (const b of billing) {
      if (b.start < c.end || b.start - c.end > 40) continue;
      let broken = false;
      for (let i = c.end; i < b.start && !broken; i++) broken = lower[i] === "." || lower[i] === "?" || lower[i] === "。" || lower[i] === "？" || lower[i] === "!" || lower[i] === "！";
      if (!broken) return true;
    }
  }
  return false;
}

/** How far before a cue a negator still negates it: a few characters in Chinese, a few words in English. */
const NEGATION_REACH_CJK = 3;
const NEGATION_REACH_LATIN = 12;

/** Negators ordered by end, searched from the first that can still reach: a text dense with negators and cues stays linear. */
function negatedBy(lower: string, negators: CueHit<unknown>[]): (hit: CueHit<unknown>) => boolean {
  const byEnd = [...negators].sort((a, b) => a.end - b.end);
  return (hit) => {
    const reach = isCjk(lower[hit.start]) ? NEGATION_REACH_CJK : NEGATION_REACH_LATIN;
    let lo = 0;
    let hi = byEnd.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byEnd[mid]!.end < hit.start - reach) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < byEnd.length && byEnd[k]!.end <= hit.start; k++) {
      let broken = false;
      for (let i = byEnd[k]!.end; i < hit.start && !broken; i++) broken = isClauseBreak(lower[i]) || lower[i] === ".";
      if (!broken) return true;
    }
    return negatedInGap(lower, hit, byEnd);
  };
}

/**
 * "危险品没有漏液": a negator in the gap of a cue with a gap ("危险品…漏液") negates the word after it, as it would
 * negate that word alone. Only a cue of one gap and a tail of fixed length is read so: with two gaps the negator may
 * be the cue's own middle ("投诉…尚未…回复"), and a number in the tail ("…#次") has no fixed length.
 */
function negatedInGap(lower: string, hit: CueHit<unknown>, negators: CueHit<unknown>[]): boolean {
  const gap = hit.cue.indexOf("…");
  if (gap < 0 || gap !== hit.cue.lastIndexOf("…")) return false;
  const tail = hit.cue.slice(gap + 1);
  if (tail.includes("#")) return false;
  const tailStart = hit.end - tail.length;
  return negators.some((n) => {
    if (n.start < hit.start || n.end > tailStart) return false;
    for (let i = n.end; i < tailStart; i++) if (isClauseBreak(lower[i]) || lower[i] === ".") return false;
    return true;
  });
}

const clauseEndParticles = new Set(K.clauseEndQuestion);

/**
 * "发票开了没有" asks; "点过了没有破损" reports that nothing was broken. A particle that asks only at the end
 * of a clause is no question when a word follows it, and the negator inside it then negates that word.
 */
function midClauseParticle(hit: CueHit<KindGroup>, lower: string): boolean {
  if ((hit.tag !== "question" && hit.tag !== "askMark") || !clauseEndParticles.has(hit.cue)) return false;
  const next = lower[hit.end];
  return isCjk(next) || /[a-z]/.test(next ?? "");
}

/**
 * A question mark, or 吗/么 closing a clause, asks. A closing 呢 is as often a sigh ("今天还不能发货呢"), and 么 in
 * 这么, 那么, 什么 or 怎么 is part of a word ("价格这么实惠，下次还来").
 */
function asksPlainly(hit: CueHit<KindGroup>, lower: string): boolean {
  if (hit.cue === "?") return true;
  if (hit.cue === "呢") return false;
  const next = lower[hit.end];
  if (isCjk(next) || /[a-z0-9]/.test(next ?? "")) return false;
  return !(hit.cue === "么" && "这那什怎多要".includes(lower[hit.start - 1] ?? ""));
}

/** "第一次投诉" is the first complaint, not the nth: a count of one repeats nothing. */
function firstTime(hit: CueHit<unknown>, lower: string): boolean {
  return hit.cue.startsWith("第#") && /^第(?:一|1)(?![\d一二两三四五六七八九十百千])/.test(lower.slice(hit.start, hit.end));
}

/** What the cues say about a message, before any field is read. */
export interface Signals {
  has: (group: KindGroup) => boolean;
  /** The category hits that make the message a complaint (not mere hints), negation applied. */
  problem: boolean;
  category: Category;
  reasons: Set<ReasonTag>;
  severityCues: Set<SeverityTag>;
  topic: Topic;
  /** The message reports a problem put right ("已补发", "处理好了"), or is praise alone ("很好") or praise with a soft grumble. */
  resolved: boolean;
  /** A fix is reported after every problem and complaint word: "漏液的精华已经给我换好了". */
  putRight: boolean;
  /** The message has words at all, not only digits, punctuation or emoji. */
  wordy: boolean;
  /** A question mark, or 吗/么 closing a clause (see asksPlainly). */
  askedPlainly: boolean;
  /** A safety incident is reported (injury, fire, leak), not merely safety mentioned ("注意安全", "危化品车"). */
  safetyIncident: boolean;
  /** Categories with a problem cue (strong or weak), negation applied. */
  problemCategories: Set<ProblemCategory>;
  /**
   * Every delay named is a stall ("没更新", "hasn't moved") of something a tracking word names (物流, tracking),
   * told with no wait, no length and no repeat ("都等了好几天了", "卡在海关一个月了", "又卡住了").
   */
  onlyStalled: boolean;
  /** Categories with only hints (billing words such as "fee", "发票"). */
  hintCategories: Set<ProblemCategory>;
  /**
   * The question asks how things work or what may be done ("Can this be used to receive my salary?", "Is there a way
   * to top up on certain days?"): an inquiry with no topic cue is then about the rules.
   */
  howItWorks: boolean;
  /** The question asks for the steps of doing something ("How can I set up the new printer…?"): never small talk. */
  asksHowTo: boolean;
  /** The sender asks when their own goods move ("我的货什么时候可以到"): a tracking question the examples do not overrule. */
  ownGoodsAskedWhen: boolean;
  /** The sender says it is no complaint ("不是投诉，只是问一下", "not complaining, just wondering"). */
  disclaimed: boolean;
  /** A request to change the account's own details ("update the phone number on our account"): it asks, question mark or not. */
  accountChange: boolean;
}

/**
 * The category of the problem. Hints (money and document words: "赔偿" is no cue, but "refund", "fee", "发票" are
 * hints) only choose among messages without a problem cue: once a problem is named ("浸泡", "坏了", "少了12箱"),
 * the money asked for it, the claim or the letter about it says nothing about what went wrong. This matters
 * most in escalations, where claim and compensation words pile up around one problem word.
 */
function bestCategory(hits: CueHit<CategoryTag>[]): Category {
  const scores = new Map<ProblemCategory, number>();
  const named = hits.some((h) => h.tag !== "praise" && h.tag !== "idiom" && h.tag.trigger);
  for (const h of hits) {
    if (h.tag === "praise" || h.tag === "idiom") continue;
    if (named && !h.tag.trigger) continue;
    if (h.tag.category === "safety" && h.tag.weight === 2) return "safety";
    scores.set(h.tag.category, (scores.get(h.tag.category) ?? 0) + h.tag.weight);
  }
  return highestScoring(scores, vocabulary.categories.priority as ProblemCategory[], "other");
}

function bestTopic(hits: CueHit<KnownTopic>[]): Topic {
  const scores = new Map<KnownTopic, number>();
  for (const h of hits) scores.set(h.tag, (scores.get(h.tag) ?? 0) + 1);
  return highestScoring(scores, vocabulary.topics.priority as KnownTopic[], "other");
}

/** The label with the highest score; a tie goes to the one listed first in the vocabulary's priority. */
function highestScoring<T extends string, F extends string>(scores: Map<T, number>, priority: readonly T[], fallback: F): T | F {
  let best: T | F = fallback;
  let bestScore = 0;
  for (const label of priority) {
    const score = scores.get(label) ?? 0;
    if (score > bestScore) {
      best = label;
      bestScore = score;
    }
  }
  return best;
}

// "Is my country supported": English asks by putting the auxiliary before its subject. Both are closed classes of
// the grammar, not a team's vocabulary, so they stay here. "Do the 3 pallets first", "Have the boxes ready": after
// do and have, only a pronoun makes a question.
const INVERTED_QUESTION =
  /^\s*(?:(?:is|are|can|could|does|did|will|would|should|may|am|has)\s(?:i|we|you|my|our|your|it|this|that|these|those|there|the|a|an|he|she|they)|(?:do|have)\s(?:i|we|you|it|they)|(?:r|are|can|do) u)\b/;

/** What an order-like request may ask for that is no goods: things and documents, and people. */
const NOT_GOODS = [...K.notRequestedGoods, ...K.requestedPeople];

/**
 * "order two large pizzas from dominoes", "Alexa, order me…", "can I get a chai latte please": a message that opens
 * with a verb of ordering or asking for and names how many is an order in the imperative, the way people speak to an
 * assistant or a barista. What `notRequestedGoods` and `requestedPeople` name (a refund, a person, a copy, a reply, some
 * time) asked for so is no order ("I'd like 2 minutes of your time", "I need a response by noon"), nor is a Chinese
 * noun ("I need a 对账单"), nor an order's number ("order 557812 status please").
 */
const IMPERATIVE_ORDER = new RegExp(
  `^\\s*(?:(?:hey|hi|hello|ok|okay|please|pls|alexa|siri|hey google|ok google)[,.!\\s]+)?(?:(?:can|could|would|will) you\\s+)?(?:please\\s+)?(?:order(?: me)?|send(?: us| me)?|get me|buy me|pick up|(?:can|could|may) (?:i|we)\\s+(?:please\\s+)?(?:have|get|order)|(?:i|we) need|(?:i|we)(?: would|'d) like to (?:order|pick ?up|get)|(?:i|we)(?: would|'d) like)\\s(?:a|an|some|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|\\d{1,4})\\s(?![^.?!]*\\b(?:${alternation(NOT_GOODS)})\\b|\\d\\s?%|[^.?!]*[\\u3400-\\u9fff])`,
);

/** A supposition opened in the clause before a problem word ("要是…坏了的话"). */
const SUPPOSED_BEFORE = /(?:如果|要是|万一|假如|假设|若是|若)[^，。,.!?！？]*$/;

/** "Unable to Return Equipment", "Failure to Cancel Service": a complaint's title names the failure first. */
const FAILURE_TITLE = /^\s*(?:unable to|failure to|failed to)\s(?!(?:attend|make it|join|come|reach|pay by)\b)/;

const COMPLIMENTS = new Set(K.compliment);
const ASPECTS = new Set(vocabulary.categories.aspects);
const WAITS = new Set(vocabulary.categories.waits);
const STALLS = new Set(vocabulary.categories.stalls);
/** How long something has lasted ("一个月了", "in 10 days", "for two weeks"): a stall told with its length is a grievance. */
const DURATION =
  /(?<![\d一二两三四五六七八九十几半])(?:\d+|[一二两三四五六七八九十几半]+|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|a couple of))\s?(?:个\s?)?(?:天|周|星期|礼拜|个月|小时|days?\b|weeks?\b|months?\b|hours?\b|hrs?\b|wks?\b)/;
/** It happens again ("又卡在海关了", "third time I'm asking"). */
const AGAIN = /又|再次|第[0-9一二三四五六七八九十]+次|\bagain\b|\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time\b/;
const consequenceMatcher = new CueMatcher<true>(vocabulary.categories.consequences.map((cue) => [cue, true] as const), { shared: true });

/**
 * Whether a position lies in what a problem caused: in the clause after a consequence word ("不合格，导致手术延期"),
 * with a problem named before that word in its sentence. One pass over the text, so long messages stay linear.
 */
function consequenceReach(lower: string, consequences: CueHit<true>[], problems: CueHit<unknown>[]): (at: number) => boolean {
  if (consequences.length === 0 || problems.length === 0) return () => false;
  const problemEnds = new Set(problems.map((p) => p.end));
  const consequenceStarts = new Map(consequences.map((c) => [c.start, c.end]));
  const caused = new Uint8Array(lower.length + 1);
  let problemInSentence = false;
  let reachEnd = -1;
  for (let i = 0; i <= lower.length; i++) {
    if (problemEnds.has(i)) problemInSentence = true;
    const end = consequenceStarts.get(i);
    if (end !== undefined && problemInSentence) reachEnd = Math.max(reachEnd, end);
    const c = lower[i];
    if (c !== undefined && (isClauseBreak(c) || SENTENCE_END.test(c)) && i >= reachEnd) reachEnd = -1;
    if (c !== undefined && SENTENCE_END.test(c)) problemInSentence = false;
    if (reachEnd >= 0 && i >= reachEnd) caused[i] = 1;
  }
  return (at) => caused[at] === 1;
}

const awaitedGoodsMatcher = new CueMatcher<true>(vocabulary.categories.awaitedGoods.map((cue) => [cue, true] as const), { shared: true });

/** A compliment follows the hit in its clause: "质量我还是挺满意的". */
function praisedInClause(lower: string, hit: CueHit<CategoryTag>, hits: CueHit<CategoryTag>[]): boolean {
  const clause = clauseAround(lower, hit.start);
  return hits.some((h) => h.tag === "praise" && COMPLIMENTS.has(h.cue) && h.start >= hit.end && h.start < clause.end);
}

/** The problems a review may mention in passing: the taste, the amount, the wait, the manner. */
const NIGGLES = new Set<ProblemCategory>(["quality", "delay", "service"]);

function onlyNiggles(problems: CueHit<CategoryTag>[]): boolean {
  return problems.every((h) => typeof h.tag === "object" && NIGGLES.has(h.tag.category));
}

/**
 * "很好吃，就是量少了一点", "Great food, the fries were a bit cold": praise first and a softened grumble after it is a
 * happy customer's review, no complaint. Damage, losses, wrong goods, charges and hazards are never a niggle.
 */
function niggleAfterPraise(
  praise: CueHit<CategoryTag>[],
  problems: CueHit<CategoryTag>[],
  severity: CueHit<SeverityTag | "idiom">[],
  complaintWord: boolean,
): boolean {
  if (complaintWord || praise.length === 0 || problems.length === 0) return false;
  const firstProblem = Math.min(...problems.map((h) => h.start));
  const firstPraise = Math.min(...praise.map((h) => h.start));
  if (firstPraise > firstProblem) return false;
  if (!onlyNiggles(problems)) return false;
  return severity.some((h) => h.tag === "mild" && h.start > firstPraise);
}

/**
 * "虽然比说好的晚了几天，但是做得真的好好看，谢谢", "Although it arrived a day late, the cake was lovely, thank you!": a
 * small problem the sender concedes right before it, then praises and thanks, is a happy customer's review. A remedy
 * asked for keeps the complaint, and, as with a niggle, damage, losses, wrong goods, charges and hazards are never
 * conceded away.
 */
function concededThenPraised(live: CueHit<KindGroup>[], praise: CueHit<CategoryTag>[], problems: CueHit<CategoryTag>[], complaintWord: boolean): boolean {
  if (complaintWord || praise.length === 0 || problems.length === 0) return false;
  if (live.some((h) => h.tag === "refund" || h.tag === "complaintWeak") || !live.some((h) => h.tag === "gratitude")) return false;
  if (!onlyNiggles(problems)) return false;
  const firstProblem = Math.min(...problems.map((h) => h.start));
  const lastProblem = Math.max(...problems.map((h) => h.start));
  const conceded = live.some((h) => h.tag === "concession" && h.start < firstProblem && firstProblem - h.end <= CONCESSION_REACH);
  return conceded && praise.some((h) => h.start > lastProblem);
}

/** How far before the problem its concession may stand: "虽然比说好的晚了", "Although it arrived a day late". */
const CONCESSION_REACH = 24;

/** How far after 要是/如果 ("if") a complaint word is still supposed, not stated. */
const SUPPOSITION_REACH = 12;

/**
 * A Chinese fault word (有问题, 出了点问题, 有毛病) says a fault only of what its clause names as ours or as goods received
 * ("你们系统又出问题了", "昨天买的路由器有问题", "这批灯管有问题"). Of anything else it is a question someone has
 * ("我有问题想咨询", "客户有问题要咨询"), a worry ("担心路上出问题"), a diagnosis ("是不是网线有问题") or a fault on the
 * sender's own side ("我们财务那边有点问题", "小区门禁有问题").
 */
const FAULT_HOLDER = new RegExp(alternation(K.faultHolders));

function faultOfNothingOurs(hit: CueHit<KindGroup>, lower: string): boolean {
  if (hit.tag !== "failure" || !isCjk(hit.cue[0]!)) return false;
  return !FAULT_HOLDER.test(lower.slice(clauseAround(lower, hit.start).start, hit.start));
}

/**
 * "please send me a duplicate bill", "I need a refund", "send us the tracking link": an English order word whose object
 * is no goods (`NOT_GOODS`, one word of description allowed before it) orders nothing.
 */
const NO_GOODS_OBJECT = new RegExp(
  `^(?:\\s+(?:me|us|over))?(?:\\s+(?:a|an|the|my|our|your|this|that|some))?(?:\\s+[a-z-]+)?\\s+(${alternation(NOT_GOODS)})\\b`,
);
const PEOPLE = new Set(K.requestedPeople);

/** What an English order word asks for when it is no goods ("bill", "manager"), or undefined. */
function noGoodsAskedFor(hit: CueHit<KindGroup>, lower: string): string | undefined {
  if ((hit.tag !== "orderStrong" && hit.tag !== "orderWeak") || !/^[a-z]/.test(hit.cue)) return undefined;
  return NO_GOODS_OBJECT.exec(lower.slice(hit.end, hit.end + 60))?.[1];
}

export function readSignals(lower: string): Signals {
  const kindHits = longestHits(kindMatcher.findAll(lower).filter((h) => !midClauseParticle(h, lower)));
  const negators = kindHits.filter((h) => h.tag === "negator");
  const negated = negatedBy(lower, negators);
  const askedFor = new Map(kindHits.map((h) => [h, noGoodsAskedFor(h, lower)]));
  const live = kindHits.filter((h) => h.tag !== "negator" && !negated(h) && !faultOfNothingOurs(h, lower) && askedFor.get(h) === undefined);
  const groups = new Set(live.map((h) => h.tag));
  if (pairedInClause(orderPartMatcher, lower, negated)) groups.add("orderChange");
  if (pairedInClause(deliveryRequestMatcher, lower, negated)) groups.add("deliveryRequests");
  const oneSentence = sentenceSpans(lower);
  // "发票抬头要是开错了，还能重开吗": a complaint word the same clause supposes complains of nothing yet.
  const supposing = live.filter((h) => h.tag === "hypothetical");
  const supposed = (h: CueHit<KindGroup>) =>
    supposing.some((c) => c.start < h.start && h.start - c.end <= SUPPOSITION_REACH && oneSentence(c.end, h.start));
  if (live.every((h) => h.tag !== "complaintStrong" || supposed(h))) groups.delete("complaintStrong");
  // "要是以后有问题，保修多久", "if it has problems I'll let you know": a failure supposed has not happened.
  if (live.every((h) => h.tag !== "failure" || supposed(h))) groups.delete("failure");
  // "Is my country supported", "can you resend it": an English question by its word order, question mark or not.
  if (INVERTED_QUESTION.test(lower)) groups.add("question");
  // "I would like to order a virtual card. How can I do this?" asks how to order.
  if (IMPERATIVE_ORDER.test(lower) && !/\bhow (?:can|do|should|would) (?:i|we)\b/.test(lower)) {
    groups.add("orderStrong");
    // "can you get me 2 lattes…", "can I get a chai latte please" ask nothing: the question is the politeness of an order.
    groups.delete("question");
    groups.delete("inquiryIntent");
  }
  if (FAILURE_TITLE.test(lower)) groups.add("failure");

  const together = togetherHits(lower, negated, oneSentence);
  const readByRule = (h: CueHit<CategoryTag>) => {
    const tag = h.tag;
    return typeof tag === "object" && together.words.some((w) => w.start < h.end && h.start < w.end && w.category !== tag.category);
  };
  // "还没发货的话帮我们撤掉", "要是坏了的话", "破损的话是包换吗": a problem that 的话 makes a condition has not happened.
  // Before a statement 的话 only marks the topic ("漏水的话是从底部接口漏的").
  const conditionOnly = (h: CueHit<CategoryTag>) => {
    if (!/^了?的话/.test(lower.slice(h.end, h.end + 3))) return false;
    const rest = lower.slice(h.end, h.end + 30);
    return /^(?:还没|没|未)/.test(lower.slice(h.start, h.end)) || SUPPOSED_BEFORE.test(lower.slice(Math.max(0, h.start - 8), h.start)) || /[?？吗]|还是|怎么|能不能/.test(rest);
  };
  const cued = longestHits(categoryMatcher.findAll(lower)).filter((h) => h.tag !== "idiom" && !negated(h) && !readByRule(h) && !conditionOnly(h));
  // "still waiting for the reply", "it's been 3 weeks and no reply": a wait for an answer is the service's, not
  // a late delivery.
  const serviceSpans = cued.filter((h) => typeof h.tag === "object" && h.tag.category === "service" && h.tag.trigger);
  const delays = cued.filter((h) => typeof h.tag === "object" && h.tag.category === "delay");
  const onlyWaits =
    serviceSpans.length > 0 &&
    delays.length > 0 &&
    delays.every((h) => WAITS.has(h.cue)) &&
    awaitedGoodsMatcher.findAll(lower).length === 0 &&
    carrierMatcher.findAll(lower).length === 0;
  const waitForService = (h: CueHit<CategoryTag>) =>
    typeof h.tag === "object" &&
    h.tag.category === "delay" &&
    (onlyWaits || serviceSpans.some((s) => s.start < h.end && h.start < s.end && s.end - s.start > h.end - h.start));
  const categoryHits = [...cued.filter((h) => !waitForService(h)), ...together.hits];
  const problemHits = categoryHits.filter(
    (h) => h.tag !== "praise" && h.tag !== "idiom" && h.tag.trigger && !(ASPECTS.has(h.cue) && praisedInClause(lower, h, categoryHits)),
  );
  // Praise inside a complaint phrase ("满意" in "不满意") is no praise.
  const complaintSpans = live.filter((h) => h.tag === "complaintStrong");
  const praise = categoryHits.filter(
    (h) => h.tag === "praise" && !complaintSpans.some((c) => c.start <= h.start && c.end >= h.end),
  );
  const lastProblem = Math.max(-1, ...problemHits.map((h) => h.start));
  // "箱子破了，会不会影响使用？" asks about a problem that has happened; "会不会有异味" and "如果…破损" ask about one
  // that may. A condition covers only the problems named after it.
  if (problemHits.length > 0 && !live.some((h) => h.tag === "hypothetical" && h.start <= lastProblem && oneSentence(h.end, lastProblem))) groups.delete("hypothetical");
  // "please send us the product catalogue" asks for a document; "I need a refund" beside a problem stays a demand,
  // and "need the ops manager on site now" asks for a person, not for information.
  const documentAsked = kindHits.some((h) => {
    const asked = askedFor.get(h);
    return asked !== undefined && !negated(h) && !PEOPLE.has(asked);
  });
  if (documentAsked && problemHits.length === 0 && !groups.has("refund") && !groups.has("complaintWeak") && !groups.has("complaintStrong")) {
    groups.add("inquiryIntent");
  }
  const problemCategories = new Set(problemHits.flatMap((h) => (h.tag === "praise" || h.tag === "idiom" ? [] : [h.tag.category])));
  const delayHits = problemHits.filter((h) => typeof h.tag === "object" && h.tag.category === "delay");
  const severityHits = longestHits(severityMatcher.findAll(lower)).filter((h) => !negated(h));
  // "已补发，很好" reports the fix; "菜不怎么好吃，就是包装盒子挺好看" praises something else and the problem stands.
  // A complaint word after the fix ("还好货温没问题，客户有点不爽") keeps the complaint.
  const lastGrievance = Math.max(lastProblem, ...complaintSpans.map((h) => h.start));
  const grievance = lastGrievance >= 0;
  const fixes = praise.filter((h) => !COMPLIMENTS.has(h.cue));
  const fixedAfter = praise.some((h) => h.start > lastGrievance && (!grievance || !COMPLIMENTS.has(h.cue)));
  // Thanks with praise close a matter only when nothing is wrong or the fix is reported.
  const thankedForFix = praise.length > 0 && groups.has("gratitude") && (!grievance || fixes.length > 0);
  const resolved =
    fixedAfter ||
    thankedForFix ||
    niggleAfterPraise(praise, problemHits, severityHits, groups.has("complaintStrong")) ||
    concededThenPraised(live, praise, problemHits, groups.has("complaintStrong"));

  const topicHits = longestHits(topicMatcher.findAll(lower)).filter((h) => !negated(h));
  const topic = readTopic(topicHits);
  const billingHits = categoryHits.filter((h) => typeof h.tag === "object" && h.tag.category === "billing");
  const refusals = refusalMatcher.findAll(lower).filter((h) => !negated(h));
  const refusal = refusals.length > 0;
  // "Why has my payment not gone through?" asks why it was refused: in a refusal's sentence, only a charge named as
  // wrong is disputed.
  const challenges = live.filter((h) => h.tag === "challenge");
  const besideRefusal = (c: CueHit<KindGroup>) => refusals.some((r) => oneSentence(Math.min(r.start, c.start), Math.max(r.start, c.start)));
  const billingTriggers = billingHits.filter((h) => typeof h.tag === "object" && h.tag.trigger);
  const disputed =
    chargeChallenged(lower, challenges.filter((c) => !besideRefusal(c)), billingHits) ||
    chargeChallenged(lower, challenges.filter(besideRefusal), billingTriggers);
  const refused = problemHits.length === 0 && !disputed && refusal;
  const causedBy = consequenceReach(lower, consequenceMatcher.findAll(lower), problemHits);
  const causes = categoryHits.filter((h) => !causedBy(h.start));
  const category = disputed ? "billing" : refused ? "other" : brokeInUse(venueCategory(bestCategory(causes), lower, problemCategories), lower);
  const askedWhen = pairedInClause(whenMatcher, lower, negated);

  return {
    has: (group) => groups.has(group),
    problem: problemHits.length > 0 || groups.has("failure"),
    category,
    reasons: new Set([
      ...longestHits(reasonMatcher.findAll(lower))
        .filter((h) => !negated(h) && !firstTime(h, lower))
        .flatMap((h) => (h.tag === "idiom" ? [] : [h.tag])),
      // Contacting support again and again is a repeat complaint only about a problem the message names.
      ...((problemHits.length > 0 || groups.has("complaintStrong") || groups.has("failure")) && repeatedContact(lower, negated, problemHits.some((h) => typeof h.tag === "object" && h.tag.category !== "service"))
        ? (["repeat_complaint"] as const)
        : []),
    ]),
    severityCues: new Set(severityHits.flatMap((h) => (h.tag === "idiom" ? [] : [h.tag]))),
    // "…两天没更新了，正常吗？", "签收了没有": a question that names only a delay, or asks where the goods are, is about tracking.
    // "请问我拍下的商品什么时候可以发货呢": asking when the goods move is about tracking too.
    // "那批退货现在 status 是什么？": where a return has got to is tracking, not the return rules.
    topic:
      (topic === "other" && ((problemCategories.size === 1 && problemCategories.has("delay")) || groups.has("whereIs") || askedWhen)) ||
      (topic === "policy" && groups.has("whereIs"))
        ? "tracking"
        : topic,
    ownGoodsAskedWhen: askedWhen && ownGoodsMatcher.findAll(lower).some((h) => !negated(h)),
    disclaimed: groups.has("disclaimer"),
    howItWorks: topicHits.some((h) => h.tag === "howItWorks") && !topicHits.some((h) => h.tag === "accountChange"),
    asksHowTo: topicHits.some((h) => h.tag === "howTo"),
    accountChange: topicHits.some((h) => h.tag === "accountChange"),
    resolved,
    putRight: fixedAfter && grievance,
    wordy: /[a-z\u3400-\u9fff]/.test(lower),
    askedPlainly: live.some((h) => h.tag === "askMark" && asksPlainly(h, lower)),
    safetyIncident: problemHits.some((h) => h.tag !== "praise" && h.tag !== "idiom" && h.tag.category === "safety" && !h.tag.hazard),
    problemCategories,
    // "Stuck in a meeting", "系统没更新吗": a stall is the goods' only beside a word for tracking them (物流, tracking).
    onlyStalled:
      topic === "tracking" && delayHits.length > 0 && delayHits.every((h) => STALLS.has(h.cue)) && !DURATION.test(lower) && !AGAIN.test(lower),
    hintCategories: new Set(categoryHits.flatMap((h) => (h.tag === "praise" || h.tag === "idiom" || h.tag.trigger ? [] : [h.tag.category]))),
  };
}

export interface EscalationFacts {
  largeLoss: boolean;
}

/** The spec's escalation reasons this message gives. Safety incidents get `safety`, never also severe_incident. */
export function escalationReasons(signals: Signals, facts: EscalationFacts): EscalationReason[] {
  const reasons = new Set<EscalationReason>(signals.reasons);
  const wholeLoadLoss =
    signals.has("wholeLoad") && (signals.category === "lost" || signals.category === "damage" || signals.category === "delay");
  if (wholeLoadLoss || signals.severityCues.has("critical")) reasons.add("severe_incident");
  if (facts.largeLoss) reasons.add("large_loss");
  if (signals.category === "safety" && signals.safetyIncident) {
    reasons.delete("severe_incident");
    reasons.add("safety");
  }
  return [...reasons];
}

/** True when a reason other than VIP status makes this an escalation. */
function escalates(reasons: EscalationReason[]): boolean {
  return reasons.some((r) => r !== "vip");
}

export interface OrderShape {
  /** How many order fields the text fills: items with quantities, unit price, date, address, payment. */
  filled: number;
  /** A quantity with a unit ("200箱", "50 pallets", "3 x"), not merely a number before a word. */
  hasQuantity: boolean;
  /** The message names an order, waybill or booking number. */
  hasReference: boolean;
  /**
   * The message is nothing but counted, named goods, with a greeting or thanks ("三杯拿铁，一杯摩卡，谢谢"). A function, as
   * it reads the whole text again and few messages get as far as asking.
   */
  bare: () => boolean;
}

/** `order` is read only when the cues leave the kind open: reading items is the costliest step. */
export function decideKind(signals: Signals, reasons: EscalationReason[], readOrder: () => OrderShape, guess: () => RecordKind): RecordKind {
  // "那我明天再跟客户确认一下数量": the sender's own next step asks us nothing.
  const question =
    (signals.has("question") ||
      signals.has("inquiryIntent") ||
      signals.has("whereIs") ||
      signals.accountChange ||
      // "这款我需要退的话怎么操作呢": a question about the rules holds its question word.
      (signals.has("policyQuestion") && signals.has("askMark"))) &&
    !(signals.has("ownFollowUp") && !signals.has("askMark"));
  // "如果…破损怎么办？" asks about a problem; so does "坏了是寄修还是上门？" unless the problem has happened ("用了三天就坏了，保修吗").
  const conditional = signals.has("hypothetical") || (signals.has("policyQuestion") && !signals.has("happened"));
  const askedAbout = question && (conditional || signals.disclaimed) && !signals.has("complaintStrong");
  const problem = !askedAbout && (signals.problem || signals.has("complaintStrong"));
  // "发错群了，请忽略": a message taken back says nothing.
  if (signals.has("dismiss")) return "other";
  // "今天系统升级，下午WMS不能用": the outage a maintenance notice announces is planned, no complaint.
  if (signals.has("maintenance") && !signals.has("complaintStrong") && !question) return "other";
  // "Status: refund of $45 processed…, customer notified", "已补发": an agent's note about a problem put right.
  let shape: OrderShape | undefined;
  const order = () => (shape ??= readOrder());
  // "上回那批没问题，这次照旧订200条，单价35…", "confirm 了：石膏板 1.2k 张，unit price 26.5，下周五前到…": a settled matter
  // or a confirmation comes with a whole order (count, price and where or when); "东西都挺好的，就是想问下发票怎么开" with a question.
  const asked = signals.has("askMark") || (signals.has("question") && signals.has("inquiryIntent"));
  const settled = signals.resolved && !problem && !asked && !signals.has("orderStrong");
  if (settled && !(order().hasQuantity && order().filled >= 4)) return "other";
  // "上次那个漏液的精华已经给我换好了，谢谢": thanks for an incident put right; a threat or a demand is never thanked away.
  const incidentThankedFor = signals.putRight && signals.has("gratitude") && reasons.every((r) => r === "safety" || r === "severe_incident");
  if (escalates(reasons) && !(signals.resolved && !problem) && !incidentThankedFor) return "escalation";
  if ((signals.has("escalationKind") || reasons.includes("vip")) && problem && !signals.resolved) return "escalation";
  // "发票…还没收到，寄出了吗？": a calm question about a document not yet received asks where it is.
  const documentChase =
    question &&
    !signals.has("complaintStrong") &&
    signals.topic === "invoice" &&
    signals.problemCategories.has("delay") &&
    signals.problemCategories.size === 1;
  // "帮我查下…到哪了，客户说物流三天没更新": a where-is-it request beside a calm or second-hand delay asks for tracking;
  // so does a question about tracking that has stalled ("物流信息没更新吗，今天能到吗") and challenges nothing ("what
  // gives?", "Typical?").
  const trackingAsked =
    question &&
    (signals.has("whereIs") ||
      (signals.has("askMark") && signals.onlyStalled && !signals.has("complaintWeak") && !signals.has("refund"))) &&
    !signals.has("complaintStrong") &&
    !signals.has("challenge") &&
    signals.problemCategories.size === 1 &&
    signals.problemCategories.has("delay");
  if (trackingAsked && !escalates(reasons)) return "inquiry";
  // "Why is there a $35 fee?", "运费怎么收了85？": questioning a charge is a billing complaint.
  const disputedCharge = signals.has("challenge") && signals.hintCategories.has("billing");
  // "还有两个订单帮我取消退款": the refund that comes with a cancellation is no complaint; a demand for compensation is.
  const remedyAsked = signals.has("complaintWeak") || (signals.has("refund") && !signals.has("cancellation"));
  if (!documentChase && !askedAbout && (problem || disputedCharge || (remedyAsked && !question))) {
    const thankedOnly = !problem && signals.has("gratitude");
    // "周日也不消停…… 要垃圾袋1.5k卷，2块3一卷，下周一送到…，月结": a sigh with no problem named beside a full order is the order.
    if ((signals.has("orderStrong") || (!signals.problem && signals.has("orderWeak"))) && order().filled >= 3) return "order";
    // "质量没问题，下周再订100箱": the praise settles the problem word and the order stands.
    if (signals.resolved && signals.has("orderStrong") && order().hasQuantity) return "order";
    // "why was I charged a late fee when my autopay went through?": a disputed charge is not put right by the proof.
    if ((signals.resolved && !(disputedCharge && !signals.has("gratitude"))) || thankedOnly) return "other";
    return "complaint";
  }
  // "还有货吗 要30件 有的话我再下单", "quote me for 20 tons": an order that waits on an answer is still a question.
  if (signals.has("conditionalOrder") && signals.wordy) return signals.has("chitchat") && signals.topic === "other" ? "other" : "inquiry";
  // "今晚系统升级，下单后台暂停，大家…": a notice to colleagues that mentions ordering orders nothing.
  if (signals.has("broadcast") && !order().hasQuantity) return question && signals.topic !== "other" ? "inquiry" : "other";
  if (signals.has("orderStrong") && (!question || order().hasQuantity)) return "order";
  // "pls add 2 more … to order #…, do i pay the difference by card?": an order with a question is an order.
  // "能帮我们把账户的默认地址改成…": the account's own details are no order's.
  // "If I cancel my flight, do I still…?": a change asked about as a possibility is a question.
  if (signals.has("orderChange") && !signals.accountChange && !askedAbout) return "order";
  if (signals.has("cancellation") && !askedAbout && (!question || order().hasReference)) return "order";
  if (question && signals.wordy) {
    if (order().filled >= 3) return "order";
    // "还需要300米网线，跟上次一样的价格，明天能送吗": a wanted quantity with a date or a price asks only how it is delivered.
    if (signals.has("orderWeak") && order().hasQuantity && order().filled >= 2 && (signals.topic === "tracking" || signals.topic === "other")) return "order";
    // A question is an inquiry, topic or not ("Can I change my PIN?"), unless it is small talk ("在吗").
    return signals.has("chitchat") && signals.topic === "other" && !signals.asksHowTo ? "other" : "inquiry";
  }
  if (order().hasQuantity && (order().filled >= 2 || signals.has("orderWeak"))) return "order";
  // "此单必须今天下午送到", "尽量明天上午十一点前送到", "这单明天你们一起发过来吧": insisting on or asking for a delivery, with
  // a date or another field, instructs an order.
  if (signals.has("deliveryRequests") && order().filled >= 1) return "order";
  // "14 walnut chairs at £145 each, delivered to …": priced items with a delivery word are an order, unit or not.
  if (order().filled >= 3 || (order().filled >= 2 && signals.has("orderWeak"))) return "order";
  if (signals.has("orderStrong")) return "order";
  // "我在买个这个要另外出邮费么", "能给个准确的发货时间么，谢谢": a question mark on a message that names a topic and no
  // problem asks about it, thanks or not; a notice to colleagues only checks they read it.
  if (signals.askedPlainly && signals.topic !== "other" && !signals.has("broadcast")) return "inquiry";
  // "三杯拿铁，一杯摩卡，谢谢": a list of goods and nothing else orders them, thanks or not.
  if (!question && order().bare()) return "order";
  // Small talk, thanks and the sender's own next step are cues too: only a message no cue reads is left to the examples.
  if (signals.has("chitchat") || signals.has("neutralReview") || signals.has("gratitude") || signals.has("ownFollowUp") || signals.has("broadcast")) return "other";
  return guess();
}

export interface SeverityFacts {
  largeLoss: boolean;
  /** Some amount of 1,000 or more is mentioned: a billing error of that size is no trifle. */
  bigAmount: boolean;
  hasReference: boolean;
}

const STEP_DOWN: Record<Severity, Severity> = { low: "low", medium: "low", high: "medium", critical: "high" };

/** Severity by the spec's conventions; a complaint's default is medium, adjusted by category and tone. */
export function decideSeverity(kind: "complaint" | "escalation", signals: Signals, reasons: EscalationReason[], facts: SeverityFacts): Severity {
  const cues = signals.severityCues;
  if (kind === "escalation") {
    const wholeLoad = reasons.includes("severe_incident") && signals.has("wholeLoad");
    const dangerousGoods = reasons.includes("safety") && cues.has("dangerousGoods");
    if (cues.has("critical") || wholeLoad || dangerousGoods || (facts.largeLoss && reasons.includes("legal_threat"))) return "critical";
    // "重点客户…晚了一天，问题不大，按规定上报": reported only for who the customer is, a minor problem stays ordinary.
    if (reasons.every((r) => r === "vip") && cues.has("mild")) return "medium";
    return "high";
  }
  if (cues.has("critical")) return "high";
  if (cues.has("high")) return "high";
  let severity: Severity = "medium";
  switch (signals.category) {
    case "service":
      // Rudeness alone is minor; with anger or a demand for a refund or compensation it is the ordinary complaint.
      severity = cues.has("intense") || cues.has("demand") ? "medium" : "low";
      break;
    case "billing":
      // A billing error of some size, or one the customer wants put right with money back or a credit note, is ordinary.
      severity = facts.bigAmount || cues.has("demand") ? "medium" : "low";
      break;
    case "delay":
      severity = cues.has("impact") || cues.has("intense") || facts.hasReference ? "medium" : "low";
      break;
    case "quality":
      // "一个月坏了两回": a fault that keeps coming back is no single-item trifle.
      severity = cues.has("singleItem") && !cues.has("intense") ? "low" : "medium";
      break;
    case "other":
      // No problem named, only a grumble about a rule or a glitch ("your new policy is a pain").
      severity = "low";
      break;
    default:
      severity = "medium";
  }
  return cues.has("mild") ? STEP_DOWN[severity] : severity;
}
