import type { Tx } from "../db/client.ts";

export type RecordKindWithCode = "order" | "complaint" | "escalation" | "inquiry";

const PREFIX: Record<RecordKindWithCode, string> = {
  order: "ORD",
  complaint: "CMP",
  escalation: "ESC",
  inquiry: "INQ",
};

/** The next code of a kind (`ORD-0007`); the counter row is locked by the enclosing transaction. */
export async function nextCode(tx: Tx, kind: RecordKindWithCode): Promise<string> {
  const prefix = PREFIX[kind];
  const counter = await tx.codeCounter.upsert({
    where: { prefix },
    create: { prefix, value: 1 },
    update: { value: { increment: 1 } },
  });
  return `${prefix}-${String(counter.value).padStart(4, "0")}`;
}

/** What people type (`ord-7`, `ORD0007`, `＃ORD-0007`) → the stored form, or null when it is not a code. */
export function normaliseCode(input: string): string | null {
  const match = /^#?(ORD|CMP|ESC|INQ)-?0*(\d{1,9})$/i.exec(input.normalize("NFKC").trim());
  if (!match) return null;
  return `${match[1]!.toUpperCase()}-${match[2]!.padStart(4, "0")}`;
}
