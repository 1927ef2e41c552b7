/**
 * How the scorer compares values (spec: How a case is scored): phones as digits with one leading 0
 * ignored, references with case and spaces folded, free text folded (case, spaces, punctuation) and
 * matched by containment either way, numbers and everything else exactly.
 */

export function foldPhone(phone: string): string {
  return phone.replace(/\D/g, "").replace(/^0/, "");
}

export function foldReference(ref: string): string {
  return ref.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

export function foldFreeText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
}

export function freeTextMatches(expected: string, actual: string): boolean {
  const e = foldFreeText(expected);
  const a = foldFreeText(actual);
  if (e === "" || a === "") return e === a;
  return e.includes(a) || a.includes(e);
}

export function numbersMatch(expected: number, actual: number): boolean {
  return Math.abs(expected - actual) < 1e-9;
}
