import { Prisma } from "../generated/sqlite/client.ts";
import type { Tx } from "../db/client.ts";

export type RecordKindWithCode = "order" | "complaint" | "escalation" | "inquiry";

const PREFIX: Record<RecordKindWithCode, string> = {
  order: "ORD",
  complaint: "CMP",
  escalation: "ESC",
  inquiry: "INQ",
};

/**
 * The next codes for records of these kinds (`ORD-0007`), in order: one statement adds the batch's
 * count to each kind's counter and reads the new values back, the counter rows then locked by the
 * enclosing transaction until it commits.
 */
export async function allocateCodes(tx: Tx, kinds: RecordKindWithCode[]): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(PREFIX[kind], (counts.get(PREFIX[kind]) ?? 0) + 1);
  // In one order for every transaction, so that two processes writing records never deadlock on the counters.
  const rows = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([prefix, count]) => Prisma.sql`(${prefix}, ${count})`);
  const counters = await tx.$queryRaw<{ prefix: string; value: number }[]>(Prisma.sql`
    INSERT INTO "CodeCounter" ("prefix", "value") VALUES ${Prisma.join(rows)}
    ON CONFLICT ("prefix") DO UPDATE SET "value" = "CodeCounter"."value" + excluded."value"
    RETURNING "prefix", "value"`);
  const next = new Map(counters.map(({ prefix, value }) => [prefix, Number(value) - counts.get(prefix)! + 1]));
  return kinds.map((kind) => {
    const value = next.get(PREFIX[kind])!;
    next.set(PREFIX[kind], value + 1);
    return `${PREFIX[kind]}-${String(value).padStart(4, "0")}`;
  });
}

/** What people type (`ord-7`, `ORD0007`, `＃ORD-0007`) → the stored form, or null when it is not a code. */
export function normaliseCode(input: string): string | null {
  const match = /^#?(ORD|CMP|ESC|INQ)-?0*(\d{1,9})$/i.exec(input.normalize("NFKC").trim());
  if (!match) return null;
  return `${match[1]!.toUpperCase()}-${match[2]!.padStart(4, "0")}`;
}
