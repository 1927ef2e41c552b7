import { CueMatcher } from "./cues.ts";
import { isAsciiLetter, isCjk, isCjkAt, isOneOfAt } from "./normalize.ts";
import { alternation, vocabulary } from "./vocab.ts";

/**
 * The customer and the contact person (spec: Customer and contact). A named company is the customer
 * and the named person the contact; with only a person named, that person is the customer. Names come
 * from labels (客户, 联系人, Customer), from a company next to a titled person (亿滋李经理, 顺达物流的陈经理),
 * from English phrasing (X from Y, for Y, Y would like, signatures) and from company suffixes.
 */

const P = vocabulary.parties;
const MAX_CJK_NAME = 16;
const MAX_LATIN_WORDS = 5;

const surnames = new Set([...P.surnames]);
const titles = [...P.personTitles].sort((a, b) => b.length - a.length);
const suffixes = [...P.companySuffixes].sort((a, b) => b.length - a.length);
const strongSuffixes = ["有限公司", "公司", "集团"];
/** Words that cannot sit inside a company name before its suffix ("送到公司", "我们公司"). */
const stems = [...P.nameStops.filter((w) => w.length > 1 || "说问要到送给在跟让".includes(w)), "我们", "你们", "他们", "送到", "发到", "运到", "寄到", "到"];
const latinSuffixes = new Set(P.latinCompanySuffixes.map((s) => s.toLowerCase().replace(/\.$/, "")));
const strongLatinSuffixes = new Set(["ltd", "limited", "inc", "llc", "corp", "corporation", "co", "gmbh", "plc", "pty"]);
const departments = [...P.departments].sort((a, b) => b.length - a.length);
const stops = [...P.nameStops].sort((a, b) => b.length - a.length);
const notNames = new Set(P.notNames);
const notLatinNames = new Set(P.englishNotNames.map((n) => n.toLowerCase()));
const clauseOpeners = [...P.nameStops.filter((w) => w.length > 1), ...P.clauseOpeners];
const titleBreakers = new Set([...P.titleBreakers]);
const labelWords = [...P.customerLabels, ...P.contactLabels];

/** `name` ends in a company suffix after a stem of at least `minStem` characters (佳和超市, 顺达物流). */
function endsLikeCompany(name: string, minStem: number): boolean {
  return suffixes.some((x) => name.endsWith(x) && name.length >= x.length + minStem);
}

/** The surname at `at` is a character of a word (安全主管, 项目经理, 谢谢老板). */
function insideWord(text: string, at: number): boolean {
  for (const w of P.wordsHoldingSurname) {
    for (let p = Math.max(0, at - w.length + 1); p <= at; p++) if (text.startsWith(w, p)) return true;
  }
  return false;
}
/** Characters that join two names ("公关和经理") and so never sit inside one. */
const JOINERS = new Set([..."和与跟及或的"]);
/** Characters that never start a name. */
const NOT_NAME_START = new Set([..."忙这那我你他她它该本每各某一上下前后已被把将对给让请谢从在是的了有送发寄运拉交到"]);
/** "三百包水泥说好七点到": a count of goods opens no company, though 水泥 ends names like 海螺水泥. */
const COUNTED_GOODS = new RegExp(`^[二两三四五六七八九十百千万]+(?:${alternation(vocabulary.units.zhCount)})`);
/** Characters of questions and talk, never inside a company name ("能不能开电子发票"). */
const FUNCTION_CHARS = /[而从跟催不没能吗呢吧么什怎哪谁很就才只过着得了是有们你我他她它啥咋请查看帮麻烦问让把给要想还再又都也已刚]/;
/** "箱子里少一个配件": a name holds no count of things, though it may end in 配件 (七台河汽配 is a place's). */
const COUNT_INSIDE = /[一二两三四五六七八九十几][个件箱只套]/;
/** A count before 小/老 makes a word of it (一小时, 几小时), not a name. */
const QUANTITY_BEFORE = new Set([..."一二两三四五六七八九十几半个每"]);

type LabelTag = "customer" | "contact";
const labels = new CueMatcher<LabelTag>([
  ...P.customerLabels.map((l) => [l, "customer"] as const),
  ...P.contactLabels.map((l) => [l, "contact"] as const),
], { shared: true });
const customerVerbs = new CueMatcher<true>(P.englishCustomerVerbs.map((v) => [v, true] as const), { shared: true });

export interface Parties {
  customer?: string;
  contactName?: string;
}

interface Name {
  name: string;
  start: number;
  end: number;
  person: boolean;
}

function startsWithAny(text: string, at: number, words: string[]): string | undefined {
  for (const w of words) if (text.startsWith(w, at)) return w;
  return undefined;
}

/** First code units of the words of a list: most positions are ruled out by one lookup. */
function firstCodes(words: Iterable<string>): Set<number> {
  return new Set([...words].map((w) => w.charCodeAt(0)));
}

const SURNAME_CODES = firstCodes([...surnames].filter((s) => s.length === 1));
const TITLE_STARTS = firstCodes(titles);

function isSurnameAt(text: string, i: number): boolean {
  return SURNAME_CODES.has(text.charCodeAt(i));
}

/** A title after a one- or two-character name: 王总, 李经理, 陈姐; 老周 and 小刘 need none. */
function personAt(text: string, at: number): Name | undefined {
  if (!isCjkAt(text, at)) return undefined;
  if (isOneOfAt(text, at, "老小") && isSurnameAt(text, at + 1)) {
    // 小刘下单 / 老周： are names; 一小时 and 小时候 are not.
    const standsAlone = !isCjkAt(text, at + 2) || startsWithAny(text, at + 2, stops) !== undefined;
    if (standsAlone && !QUANTITY_BEFORE.has(text[at - 1] ?? "")) return { name: text.slice(at, at + 2), start: at, end: at + 2, person: true };
  }
  if (!isSurnameAt(text, at)) return undefined;
  if (insideWord(text, at)) return undefined;
  for (let given = 1; given <= 2; given++) {
    const titleAt = at + given;
    // The title is looked up first: it is cheap and rules out nearly every character.
    const title = TITLE_STARTS.has(text.charCodeAt(titleAt)) ? startsWithAny(text, titleAt, titles) : undefined;
    if (!title) continue;
    if (given === 2 && (!isCjkAt(text, at + 1) || JOINERS.has(text[at + 1]!))) break;
    // "有限公司陈经理": 司 ends the company; the person is 陈经理.
    if (given === 2 && suffixes.some((x) => x.length > 1 && text.startsWith(x, at + 1 - x.length))) break;
    if (title === "总" && titleBreakers.has(text[titleAt + 1] ?? "")) continue;
    if (given === 2 && (title === "总" || title === "姐" || title === "哥" || title === "叔")) continue;
    // 周工 (an engineer), 林太 (Mrs Lin) only standing alone: 周工作日, 李太多 are words.
    if ((title === "工" || title === "太") && (given === 2 || (isCjkAt(text, titleAt + 1) && !startsWithAny(text, titleAt + 1, stops)))) continue;
    return { name: text.slice(at, titleAt + title.length), start: at, end: titleAt + title.length, person: true };
  }
  return undefined;
}

function stripDepartment(name: string): string {
  for (const d of departments) if (name.endsWith(d) && name.length > d.length + 1) return name.slice(0, -d.length).trim();
  return name;
}

/**
 * A company name ending in a known suffix (佳和超市, 顺达物流), found before any word that clearly ends a
 * name: single-character stops (和, 在, 有) may sit inside a company name, so only longer ones and
 * 说/问/的 count here.
 */
function companyBySuffix(text: string, at: number): Name | undefined {
  for (let j = at + 1; j < text.length && j - at < MAX_CJK_NAME && isCjkAt(text, j); j++) {
    const stop = startsWithAny(text, j, stops);
    if (stop && (stop.length > 1 || "说问的".includes(stop))) return undefined;
    const suffix = startsWithAny(text, j, suffixes);
    if (suffix) {
      const name = stripDepartment(text.slice(at, j + suffix.length));
      return notNames.has(name) ? undefined : { name, start: at, end: at + name.length, person: false };
    }
  }
  return undefined;
}

/** A Chinese name starting at `at`: a titled person, a company by its suffix, or a name up to the first stop word. */
function readCjkName(text: string, at: number): Name | undefined {
  const person = personAt(text, at);
  if (person) return person;
  if (startsWithAny(text, at, stops)) return undefined;
  const company = companyBySuffix(text, at);
  if (company) return company;
  let i = at;
  while (i < text.length && i - at < MAX_CJK_NAME && isCjkAt(text, i)) {
    const suffix = startsWithAny(text, i, suffixes);
    if (suffix && i > at) {
      i += suffix.length;
      continue;
    }
    if (i > at && (startsWithAny(text, i, stops) || personAt(text, i))) break;
    i++;
  }
  const name = stripDepartment(text.slice(at, i));
  if (name.length < 2 || notNames.has(name)) return undefined;
  return { name, start: at, end: at + name.length, person: false };
}

function isLatinWord(w: string): boolean {
  return /^[A-Z][A-Za-z'’.&-]{0,30}$/.test(w) || w === "&";
}

/** Capitalised words from `at` on: "Lisa Wong", "Mr. Lee", "Oak & Pine Furniture". */
function readLatinName(text: string, at: number): Name | undefined {
  const words: string[] = [];
  let i = at;
  while (words.length < MAX_LATIN_WORDS && i < text.length) {
    let j = i;
    while (j < text.length && /[A-Za-z'’.&-]/.test(text[j]!)) j++;
    let word = text.slice(i, j);
    const abbreviation = /^(Mr|Ms|Mrs|Dr|Co|Inc|Ltd|Corp|St)\.$/.test(word);
    if (word.endsWith(".") && !abbreviation) word = word.slice(0, -1);
    if (!isLatinWord(word) && !(words.length > 0 && (word === "of" || word === "and" || word === "de"))) break;
    if (words.length === 0 && notLatinNames.has(word.replace(/\.$/, "").toLowerCase()) && !/^(Mr|Ms|Mrs|Dr)\.?$/.test(word)) return undefined;
    words.push(word);
    i = i + word.length;
    if (text[i] !== " " || !/[A-Z&a-z]/.test(text[i + 1] ?? "")) break;
    i++;
  }
  while (words.length > 0 && /^(of|and|de|&)$/.test(words[words.length - 1]!)) words.pop();
  if (words.length === 0) return undefined;
  const name = words.join(" ");
  const last = words[words.length - 1]!.toLowerCase().replace(/\.$/, "");
  return { name, start: at, end: at + name.length, person: !latinSuffixes.has(last) && words.length <= 3 };
}

function readName(text: string, at: number): Name | undefined {
  let i = at;
  while (i < text.length && i - at < 3 && /[\s:：是叫为(（"“]/.test(text[i]!)) i++;
  if (isAsciiLetter(text[i])) return readLatinName(text, i);
  return readCjkName(text, i);
}

/** The CJK or Latin name that ends right before `end` ("Lotus Home(VIP客户)", "天宇电器 采购部"). */
function readNameBackward(text: string, end: number): Name | undefined {
  let e = end;
  while (e > 0 && text[e - 1] === " ") e--;
  if (isAsciiLetter(text[e - 1])) {
    let s = e;
    while (s > 0 && /[A-Za-z'’.& -]/.test(text[s - 1]!) && e - s < 60) s--;
    while (s < e && !/[A-Z]/.test(text[s]!)) s++;
    const words = text.slice(s, e).split(" ").filter(Boolean);
    let k = words.length;
    while (k > 0 && (isLatinWord(words[k - 1]!) || words[k - 1] === "&")) k--;
    const kept = words.slice(k);
    while (kept.length > 0 && notLatinNames.has(kept[0]!.toLowerCase())) kept.shift();
    if (kept.length === 0) return undefined;
    const name = kept.join(" ");
    return { name, start: e - name.length, end: e, person: false };
  }
  let s = e;
  while (s > 0 && isCjkAt(text, s - 1) && e - s < MAX_CJK_NAME) s--;
  const name = stripDepartment(text.slice(s, e));
  if (name.length < 2 || notNames.has(name)) return undefined;
  return { name, start: s, end: s + name.length, person: false };
}

function isStaffMention(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 8), at).toLowerCase();
  return /@\S{0,3}$|\b(hi|hello|hey|dear|thanks|thx)\s$|请\s?$|谢谢\s?$|感谢\s?$|多谢\s?$|辛苦\s?$|麻烦\s?$/.test(before);
}

/**
 * "客户急用", "客户同意", "客户拆了包装": what runs on from a label with nothing between is what the customer
 * does, unless it reads as a person or a company by its suffix. Only the words of action rule it out, so
 * unsuffixed brands (客户博世, 客户三只松鼠, 客户一汽大众) still stand.
 */
function actionAfterLabel(text: string, at: number, name: Name): boolean {
  if (name.person || name.start !== at || !isCjkAt(text, at)) return false;
  if (companyBySuffix(text, at)) return false;
  return startsWithAny(name.name, 0, P.actionWords) !== undefined;
}

/** Words before 客户 that speak of customers in general (普通客户, 其他客户). */
const CUSTOMERS_IN_GENERAL = /(?:普通|一般|其他|其它|别的|很多|所有|广大|部分|好多|不少|许多)$/;

/** A titled person, a company by its suffix, or a surname with one or two given characters (王建国, 李明). */
function looksLikeName(name: Name | undefined): boolean {
  if (!name) return false;
  if (name.person || endsLikeCompany(name.name, 1)) return true;
  return name.name.length >= 2 && name.name.length <= 3 && isSurnameAt(name.name, 0);
}

function fromLabels(text: string, lower: string): { customer?: Name; contact?: Name } {
  let customer: Name | undefined;
  let contact: Name | undefined;
  for (const hit of labels.findAll(lower)) {
    // "有客户爆料" speaks of some customer, not of one by name; so does "普通客户遇到…", unless a name follows
    // ("其他客户王建国也要了100箱").
    const some = /[有个位些]$/.test(text.slice(Math.max(0, hit.start - 1), hit.start));
    const general = CUSTOMERS_IN_GENERAL.test(text.slice(Math.max(0, hit.start - 2), hit.start));
    const indefinite = some || (general && !looksLikeName(readName(text, hit.end)));
    if (hit.tag === "customer" && !customer && !indefinite) {
      const inBrackets = text[hit.end] === ")" && text.lastIndexOf("(", hit.start) > text.lastIndexOf(")", hit.start);
      if (inBrackets) {
        customer = readNameBackward(text, text.lastIndexOf("(", hit.start));
      } else {
        const name = readName(text, hit.end);
        const english = /^[a-z]/.test(hit.cue);
        if (name && (!english || isAsciiLetter(name.name[0])) && !actionAfterLabel(text, hit.end, name)) customer = name;
      }
    } else if (hit.tag === "contact" && !contact) {
      contact = readName(text, hit.end);
    }
  }
  return { customer, contact };
}

const PLACE_END = /[城市区县镇村路街省乡场]$/;

/** "王总（Pacific Rim Foods）": a company in brackets right after a person. */
function bracketedCompany(text: string, at: number): Name | undefined {
  const m = /^\s?[(（]([^()（）]{2,40})[)）]/.exec(text.slice(at, at + 48));
  if (!m) return undefined;
  const inner = m[1]!.trim();
  const start = at + m[0].indexOf(inner);
  if (isAsciiLetter(inner[0])) {
    const name = readLatinName(text, start);
    return name && !name.person && name.name.length >= inner.length - 1 ? name : undefined;
  }
  const company = companyBySuffix(text, start);
  return company && company.end <= start + inner.length ? company : undefined;
}

/** A titled person and the company written just before them: 亿滋李经理, 瑞丰包装的采购小刘, ——东方五金 刘经理. */
function companyAndPerson(text: string): { company?: Name; person?: Name } {
  let firstPerson: Name | undefined;
  for (let i = 0; i < text.length; i++) {
    if (!isCjkAt(text, i)) continue;
    const person = personAt(text, i);
    if (!person || isStaffMention(text, i)) continue;
    firstPerson ??= person;
    let before = text.slice(Math.max(0, i - MAX_CJK_NAME), i);
    before = before.replace(/\s+$/, "");
    for (const d of departments) if (before.endsWith(d)) before = before.slice(0, -d.length).replace(/\s+$/, "");
    before = before.replace(/的$/, "").replace(/\s+$/, "");
    const bracketed = bracketedCompany(text, person.end);
    if (bracketed) return { company: bracketed, person };
    const company = labelWords.some((l) => before.endsWith(l)) ? undefined : readNameBackward(before, before.length);
    // "汽配城老黄": a place (…城, …市, …区) before a person is where they are, not who they work for.
    const place = company !== undefined && PLACE_END.test(company.name) && !endsLikeCompany(company.name, 0);
    if (company && !company.person && !place) {
      const name = company.name.replace(/^.*[说问要是在]/, "");
      if (P.dealerWords.some((d) => name.endsWith(d))) return { person };
      if (name.length >= 2 && !startsWithAny(name, 0, stops) && !notNames.has(name)) return { company: { ...company, name }, person };
    }
    i = person.end - 1;
  }
  return { person: firstPerson };
}

/** "from LAX to IAD", "from USD to GBP": a route or a conversion, not who sends. */
function isRoute(text: string, name: Name): boolean {
  return /^\s?(to|→)\s/.test(text.slice(name.end, name.end + 4));
}

const SENDER_BEFORE_FROM = /(?:\b(?:order|po|fwd|fw|forwarded|message|msg|email|e-mail|mail|letter|call|note|request|complaint|feedback|question|quote|enquiry|inquiry|rfq|heard|back|update|one|word|news|reply|response|text|voicemail|whatsapp|wechat)|\d[\w-]*)\s?:?$/;

/** English phrasing: "Mark Jensen from Brightline Tools", "Apex Logistics 的 Jason", "for Nordic Home", "Greenleaf Foods would like". */
function fromEnglish(text: string, lower: string): { company?: Name; person?: Name } {
  for (const m of lower.matchAll(/\s(from|at)\s/g)) {
    const company = readName(text, m.index + m[0].length);
    const person = readNameBackward(text, m.index);
    // "Dana Ruiz at Pinecrest Bakery": "at" introduces a company only between a person and a company name.
    if (m[1] === "at" && (!company || company.person || !person)) continue;
    if (company && m[1] === "from" && isRoute(text, company)) continue;
    // "flights from Newark", "a transfer from China": from a bare place or brand is where, not who, unless a
    // person, a message ("order from", "fwd from") or its reference ("PO 77-3021 from") comes before it.
    if (company?.person && m[1] === "from" && !person && !SENDER_BEFORE_FROM.test(lower.slice(Math.max(0, m.index - 24), m.index))) continue;
    if (company) return { company, person: person && person.name.split(" ").length <= 3 && !/^(order|po)$/i.test(person.name) ? person : undefined };
  }
  const de = /([A-Za-z][A-Za-z .&'-]{1,40}?)\s?的\s?([A-Z][a-z]+)/.exec(text);
  if (de) {
    const company = readNameBackward(text, de.index + de[1]!.length);
    if (company) return { company, person: { name: de[2]!, start: 0, end: 0, person: true } };
  }
  for (const m of text.matchAll(/\b(?:for|to)\s([A-Z])/g)) {
    const name = readLatinName(text, m.index + m[0].length - 1);
    if (!name) continue;
    const after = text.slice(name.end, name.end + 3);
    const isFor = m[0].startsWith("for");
    const companyBeforeAddress = !name.person && /^, ?\d/.test(after);
    if ((isFor && !name.person) || (isFor && name.name.split(" ").length >= 2) || companyBeforeAddress) return { company: name };
  }
  for (const hit of customerVerbs.findAll(lower)) {
    const name = readNameBackward(text, hit.start);
    if (name && name.name.split(" ").length >= 2) return { company: name };
  }
  return signature(text);
}

/** A sign-off: "– Karen, Oak & Pine Furniture", "Thanks, Dave – Harlow Municipal Services". */
function signature(text: string): { company?: Name; person?: Name } {
  const m = /\s[–—-]{1,2}\s?([^–—]{2,60})$/.exec(text.trim());
  if (!m) return {};
  const tail = m[1]!.replace(/[.!]$/, "");
  const parts = tail.split(/,\s?/);
  if (parts.length >= 2) {
    const person = readLatinName(parts[0]!, 0);
    const company = readLatinName(parts[1]!, 0);
    return { company, person };
  }
  const company = readLatinName(tail, 0);
  const before = text.trim().slice(0, m.index);
  const person = /,\s?([A-Z][a-z]+)$/.exec(before);
  return { company, person: person ? { name: person[1]!, start: 0, end: 0, person: true } : undefined };
}

/** A company that names itself by its legal suffix anywhere: 上海锦程国际物流有限公司, Acme Ltd. */
function byStrongSuffix(text: string): Name | undefined {
  for (const suffix of strongSuffixes) {
    const at = text.indexOf(suffix);
    if (at > 0) {
      const name = readNameBackward(text, at + suffix.length);
      // "送到公司" is a place, not a name: a verb or function word before the suffix disqualifies it.
      const stem = name?.name.slice(0, -suffix.length) ?? "";
      if (name && stem.length >= 2 && !stems.some((w) => stem.includes(w))) return name;
    }
  }
  for (const m of text.matchAll(/\b(Ltd|Limited|Inc|LLC|Corp|Corporation|GmbH|PLC|Pty)\b\.?/g)) {
    const name = readNameBackward(text, m.index + m[0].length);
    if (name && strongLatinSuffixes.has(m[1]!.toLowerCase())) return name;
  }
  return undefined;
}

/** A Chinese run standing alone between spaces or punctuation that ends like a company: "，宏达机械 订购". */
function byStandaloneCompany(text: string): Name | undefined {
  let i = 0;
  while (i < text.length) {
    if (!isCjkAt(text, i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isCjkAt(text, j)) j++;
    const whole = text.slice(i, j);
    const run = stripDepartment(whole);
    // Standing alone means followed by a space before more text ("宏达机械 订购") or by a department ("美佳超市采购部").
    const standsAlone = run !== whole || (text[j] === " " && j + 1 < text.length);
    if (standsAlone && run.length >= 3 && run.length <= 10 && endsLikeCompany(run, 2) && !startsWithAny(run, 0, stops) && !FUNCTION_CHARS.test(run) && !/[要的说问在]/.test(run)) {
      return { name: run, start: i, end: i + run.length, person: false };
    }
    i = j;
  }
  return undefined;
}

/** Characters after a company name that show the name has ended ("美联百货在催", "富锐汽车部件那车"). */
const AFTER_COMPANY = new Set([..."在问要来说订反投催的那这已又还送发找也都和跟对给被把让想今明刚"]);
/** Words after which a company name may start: 回访宏泰机电, for 美好家居, 给宏达机械送货. */
const BEFORE_COMPANY = ["回访", "拜访", "致电", "通知", "联系", "for ", "给", "帮", "替", "为"];

const BEFORE_COMPANY_ENDS = new Set(BEFORE_COMPANY.map((w) => w[w.length - 1]!));
const STOP_STARTS = firstCodes(stops);
const SUFFIX_STARTS = firstCodes(suffixes);
/** Clause starts tried for a company name: a real message has far fewer; keeps long texts linear and cheap. */
const MAX_COMPANY_STARTS = 48;

/**
 * A Chinese company name at the start of a clause (or after 回访, for, 给 …): up to the last company
 * suffix in the run (富锐汽车部件), when what follows ends a name (a department, a person, a verb, punctuation).
 */
function clauseStartCompany(text: string): Name | undefined {
  let tried = 0;
  for (let at = 0; at < text.length && tried < MAX_COMPANY_STARTS; at++) {
    if (!isCjkAt(text, at)) continue;
    const starts =
      at === 0 || !isCjkAt(text, at - 1) || (BEFORE_COMPANY_ENDS.has(text[at - 1]!) && BEFORE_COMPANY.some((w) => text.startsWith(w, at - w.length)));
    // A name is at least two characters of one run ("7瓶,包装" is none).
    if (!starts || NOT_NAME_START.has(text[at]!) || !isCjkAt(text, at + 1) || startsWithAny(text, at, clauseOpeners) || COUNTED_GOODS.test(text.slice(at, at + 8))) continue;
    tried++;
    let best: Name | undefined;
    for (let j = at + 2; j < text.length && j - at < MAX_CJK_NAME && isCjkAt(text, j); j++) {
      const stop = STOP_STARTS.has(text.charCodeAt(j)) ? startsWithAny(text, j, stops) : undefined;
      if (stop && (stop.length > 1 || "说问的在要了".includes(stop))) break;
      const suffix = SUFFIX_STARTS.has(text.charCodeAt(j)) ? startsWithAny(text, j, suffixes) : undefined;
      if (!suffix) continue;
      const end = j + suffix.length;
      const next = text[end];
      const ends = !isCjk(next) || AFTER_COMPANY.has(next!) || startsWithAny(text, end, departments) !== undefined || startsWithAny(text, end, stops) !== undefined || personAt(text, end) !== undefined;
      const name = text.slice(at, end);
      if (ends && !notNames.has(name) && !FUNCTION_CHARS.test(name) && !COUNT_INSIDE.test(name) && !stems.some((w) => w.length > 1 && name.includes(w))) best = { name, start: at, end, person: false };
      j = end - 1;
    }
    if (best) return best;
  }
  return undefined;
}

/** A Chinese sign-off: "—— 鼎丰粮油", "—— 林太". A company by its suffix, or a short name as the person. */
function cjkSignature(text: string): Name | undefined {
  const m = /[—–-]{1,2}\s?([\u3400-\u9fff]{2,12})[\s.。!！]*$/u.exec(text);
  if (!m) return undefined;
  const name = stripDepartment(m[1]!);
  if (notNames.has(name)) return undefined;
  const company = endsLikeCompany(name, 2);
  if (!company && name.length > 4) return undefined;
  return { name, start: m.index, end: m.index + m[0].length, person: !company };
}

/** English self-introductions and sign-offs: "This is Daniel Reyes, owner of Reyes Catering", "Thanks, Hannah", "Mrs. Okafor called". */
function englishPeople(text: string): { company?: Name; person?: Name } {
  let person: Name | undefined;
  let company: Name | undefined;
  const intro = /\b(?:this is|i am|i'm|my name is|it's)\s([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)/i.exec(text);
  if (intro && /^[A-Z]/.test(intro[1]!) && !notLatinNames.has(intro[1]!.split(" ")[0]!.toLowerCase())) {
    person = { name: intro[1]!, start: intro.index, end: intro.index + intro[0].length, person: true };
  }
  const role = /\b(?:owner|manager|director|buyer|head|ceo|founder|president|gm|chef|partner|purchasing|procurement|ops)\s(?:of|at|for)\s(?=[A-Z])/g.exec(text);
  if (role) {
    const name = readLatinName(text, role.index + role[0].length);
    if (name) company = name;
  }
  const title = /\b(Mr|Mrs|Ms|Miss|Dr)\.?\s([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)/.exec(text);
  if (!person && title && !isStaffMention(text, title.index)) person = { name: title[0], start: title.index, end: title.index + title[0].length, person: true };
  const thanks = /(?:^|[\s.!?,])(?:thanks|thank you|thx|regards|best|cheers|br|sincerely)[,!.]?\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)[.!\s]*$/i.exec(text);
  if (!person && thanks && /^[A-Z]/.test(thanks[1]!) && !notLatinNames.has(thanks[1]!.split(" ")[0]!.toLowerCase())) {
    person = { name: thanks[1]!, start: 0, end: 0, person: true };
  }
  // "… appreciated. Fiona, Whitmore Bakeries": a closing "Name, Company" without a dash.
  const closing = /(?:^|[.!?]\s+)([A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s([A-Z][A-Za-z&'’.-]*(?:\s[A-Z&][A-Za-z&'’.-]*){0,4})[.!\s]*$/.exec(text);
  if (closing && !notLatinNames.has(closing[1]!.split(" ")[0]!.toLowerCase())) {
    const c = readLatinName(closing[2]!, 0);
    if (c && !c.person) {
      company ??= c;
      person ??= { name: closing[1]!, start: 0, end: 0, person: true };
    }
  }
  return { company, person };
}

const SIDE_WORDS = ["这边", "那边", "这里", "here"];

/** "Kevin@捷顺物流", "佳美制衣 Lily 这边": a Latin first name joined to a Chinese company. */
function latinPersonWithCjkCompany(text: string): { company?: Name; person?: Name } {
  const at = /\b([A-Z][a-z]{1,15})\s?@\s?(?=[\u3400-\u9fff])/.exec(text);
  if (at) {
    const company = readCjkName(text, at.index + at[0].length);
    if (company && !company.person) return { company, person: { name: at[1]!, start: at.index, end: at.index + at[1]!.length, person: true } };
  }
  // The pattern tries up to twelve characters at every Chinese one: run it only when its last word is there.
  const sideWord = SIDE_WORDS.some((w) => text.includes(w));
  const side = sideWord ? /([\u3400-\u9fff]{2,12})\s([A-Z][a-z]{1,15})\s?(?:这边|那边|这里|here)/u.exec(text) : null;
  if (side) {
    const run = side[1]!;
    for (let k = 0; k < run.length - 2; k++) {
      const company = endsLikeCompany(run.slice(k), 2) && !NOT_NAME_START.has(run[k]!) ? run.slice(k) : undefined;
      if (company && !stems.some((w) => w.length > 1 && company.includes(w))) {
        return { company: { name: company, start: side.index + k, end: side.index + run.length, person: false }, person: { name: side[2]!, start: 0, end: 0, person: true } };
      }
    }
  }
  return {};
}

/** A Latin name opening the message and followed by Chinese ("Kevin 那边确认订单"): the customer in person. */
function latinOpener(text: string): Name | undefined {
  const name = readLatinName(text, 0);
  if (!name) return undefined;
  let i = name.end;
  while (text[i] === " ") i++;
  return isCjkAt(text, i) && startsWithAny(text, i, stops) ? name : undefined;
}

export function findParties(text: string, lower: string): Parties {
  const labelled = fromLabels(text, lower);
  let adjacency = companyAndPerson(text);
  const english = fromEnglish(text, lower);
  const mixed = latinPersonWithCjkCompany(text);
  if (!adjacency.company && mixed.company) adjacency = { company: mixed.company, person: adjacency.person ?? mixed.person };
  const people = englishPeople(text);
  const signed = cjkSignature(text);
  const company =
    (labelled.customer && !labelled.customer.person ? labelled.customer : undefined) ??
    adjacency.company ??
    english.company ??
    people.company ??
    byStrongSuffix(text) ??
    byStandaloneCompany(text) ??
    (signed && !signed.person ? signed : undefined) ??
    clauseStartCompany(text);
  const person = labelled.customer?.person
    ? labelled.customer
    : (adjacency.person ?? english.person ?? people.person ?? latinOpener(text) ?? (signed?.person ? signed : undefined));
  const customer = labelled.customer ?? company ?? person;
  let contact =
    labelled.contact ?? (customer && !customer.person ? (adjacency.company ? adjacency.person : (english.person ?? people.person ?? adjacency.person)) : undefined);
  if (contact && customer && contact.name === customer.name) contact = undefined;
  // With only a person named, that person is the customer (spec: Customer and contact).
  if (!customer && contact) return { customer: contact.name };
  return {
    ...(customer ? { customer: customer.name } : {}),
    ...(contact ? { contactName: contact.name } : {}),
  };
}
