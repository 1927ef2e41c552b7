import type { PaymentTerms } from "../schema.ts";
import { CueMatcher, longestHits, type CueHit } from "./cues.ts";
import { vocabulary } from "./vocab.ts";

/** Payment terms by phrase (spec: Conventions / Payment terms); a deposit wins over the balance's terms. */

const terms = new CueMatcher<PaymentTerms>(
  (Object.entries(vocabulary.payment.terms) as [PaymentTerms, string[]][]).flatMap(([term, cues]) => cues.map((c) => [c, term] as const)),
  { shared: true },
);

/** Freight or postage collect (运费到付, 邮费到付) is about shipping charges, not how the goods are paid. */
const FREIGHT_BEFORE = /(运费|邮费|快递费|物流费|运输费|快递|物流|顺丰|运|邮)\s?$/;

export function findPaymentTerms(lower: string): PaymentTerms | undefined {
  const found = new Set<PaymentTerms>();
  const hits = terms.findAll(lower);
  // "100% advance" is the whole amount up front: prepaid, not a deposit.
  const wholeAmount = (h: CueHit<PaymentTerms>) => h.cue.includes("#") && /(^|\D)100\s?%/.test(lower.slice(h.start, h.end));
  // A deposit wins even inside a longer phrase ("pay 30% in advance"); otherwise the longest phrase decides:
  // "paypal upfront" is prepaid, not the other means PayPal alone names.
  if (hits.some((h) => h.tag === "deposit" && !wholeAmount(h))) found.add("deposit");
  for (const h of longestHits(hits)) {
    if (h.tag === "deposit" && wholeAmount(h)) {
      found.add("prepaid");
      continue;
    }
    if (h.cue === "到付" && FREIGHT_BEFORE.test(lower.slice(Math.max(0, h.start - 4), h.start))) continue;
    found.add(h.tag);
  }
  return vocabulary.payment.priority.find((t) => found.has(t));
}
