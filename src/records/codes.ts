import type { Tx } from "../db/client.ts";

export type RecordKindWithCode = "order" | "complaint" | "escalation" | "inquiry";

const PREFIX: Record<RecordKindWithCode, string> = {
  order: "ORD",
  complaint: "CMP",
  escalation: "ESC",
  inquiry: "INQ",
};

/**
 * The next codes for records of these kinds (`ORD-0007`), in order: one counter update per kind,
 * its row locked by the enclosing transaction.
 */
export async function allocateCodes(tx: Tx, kinds: RecordKindWithCode[]): Promise<string[]> {
  const counts = new Map<RecordKindWithCode, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const next = new Map<RecordKindWithCode, number>();
  for (const [kind, count] of counts) {
    const prefix = PREFIX[kind];
    const counter = await tx.codeCounter.upsert({
      where: { prefix },
      create: { prefix, value: count },
      update: { value: { increment: count } },
    });
    next.set(kind, counter.value - count + 1);
  }
  return kinds.map((kind) => {
    const value = next.get(kind)!;
    next.set(kind, value + 1);
    return `${PREFIX[kind]}-${String(value).padStart(4, "0")}`;
  });
}

/** What people type (`ord-7`, `ORD0007`, `＃ORD-0007`) → the stored form, or null when it is not a code. */
export function normaliseCode(input: string): string | null {
  const match = /^#?(ORD|CMP|ESC|INQ)-?0*(\d{1,9})$/i.exec(input.normalize("NFKC").trim());
  if (!match) return null;
  return `${match[1]!.toUpperCase()}-${match[2]!.padStart(4, "0")}`;
}
