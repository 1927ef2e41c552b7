import type { PaymentTerms } from "../schema.ts";
import { CueMatcher } from "./cues.ts";
import { vocabulary } from "./vocab.ts";

/** Payment terms by phrase (spec: Conventions / Payment terms); a deposit wins over the balance's terms. */

const terms = new CueMatcher<PaymentTerms>(
  (Object.entries(vocabulary.payment.terms) as [PaymentTerms, string[]][]).flatMap(([term, cues]) => cues.map((c) => [c, term] as const)),
);

export function findPaymentTerms(lower: string): PaymentTerms | undefined {
  const found = new Set(terms.findAll(lower).map((h) => h.tag));
  return vocabulary.payment.priority.find((t) => found.has(t));
}
