import { extractWithRules } from "../src/extraction/rules/index.ts";
import { formatRow, timeEach } from "./stats.ts";
import { sampleTexts } from "./texts.ts";

const SENT_AT = "2026-03-04T10:15:00+08:00";
const THROUGHPUT_RUNS = 20_000;
const WARM_UP = 2_000;
const LONG_RUNS = 2_000;
const ADVERSARIAL_LENGTH = 20_000;

/** About 2,000 characters of ordinary chat: several real messages run together. */
function longMessage(texts: string[]): string {
  let out = "";
  for (let i = 0; out.length < 2_000; i++) out += `${texts[i % texts.length]} `;
  return out.slice(0, 2_000);
}

function repeat(unit: string, length = ADVERSARIAL_LENGTH): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Inputs built to make a careless regular expression or scanner go quadratic or worse. */
export const ADVERSARIAL_INPUTS: Record<string, string> = {
  "repeated digits": repeat("1"),
  "repeated 1,1,1,": repeat("1,"),
  "repeated Chinese numerals": repeat("一二三四五六七八九十百千万"),
  "spaces then a digit": `${" ".repeat(ADVERSARIAL_LENGTH - 1)}1`,
  "punctuation run": repeat("，。!?;:-—()（）【】"),
  "emoji soup": repeat("😀🔥🚚📦✅"),
  "digits and dashes": repeat("1-2 3-"),
  "cue soup": repeat("送到订单号明天下周三单价月底12315"),
  "letters and digits": repeat("SO1 a1 x 1 "),
  "spaced upper-case groups": repeat("ABCD 1234 "),
  "order number groups": repeat("order 1234 5678 "),
  "labelled letter groups": repeat("单号 AB 12 "),
  "order words and ids": repeat("order AB12 "),
  "negators and cues": repeat("refund never received not damaged "),
  // A stalled tracking asked about has its length looked for over the whole text.
  "stall then digits": `物流没更新吗？${repeat("1", ADVERSARIAL_LENGTH - 7)}`,
};

function timeOnce(text: string): number {
  const started = performance.now();
  extractWithRules({ text, sentAt: SENT_AT });
  return performance.now() - started;
}

/** Lines for `npm run bench`: throughput over real texts, latency on a long message, adversarial inputs. */
export async function benchRulesExtractor(): Promise<string[]> {
  const texts = sampleTexts();
  const input = (i: number) => ({ text: texts[i % texts.length]!, sentAt: SENT_AT });
  for (let i = 0; i < WARM_UP; i++) extractWithRules(input(i));
  const mix = await timeEach(THROUGHPUT_RUNS, (i) => extractWithRules(input(i)));

  const long = { text: longMessage(texts), sentAt: SENT_AT };
  for (let i = 0; i < 100; i++) extractWithRules(long);
  const longTiming = await timeEach(LONG_RUNS, () => extractWithRules(long));

  const lines = [
    `rules extractor (targets: ≥ 5,000 msg/s; p99 < 2 ms at 2,000 chars; < 50 ms per 20,000-char adversarial input)`,
    formatRow(`  real chat mix (${texts.length} texts, ${THROUGHPUT_RUNS} runs)`, mix),
    formatRow(`  one ${long.text.length}-character message`, longTiming),
  ];
  for (const [name, text] of Object.entries(ADVERSARIAL_INPUTS)) {
    timeOnce(text);
    const ms = Math.max(timeOnce(text), timeOnce(text));
    lines.push(`  adversarial ${name.padEnd(28)} ${String(text.length).padStart(6)} chars  ${ms.toFixed(2).padStart(8)} ms`);
  }
  return lines;
}
