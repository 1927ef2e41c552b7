import type { Tx, Db } from "../db/client.ts";
import type { Prisma } from "../generated/sqlite/client.ts";

export const RECORD_INCLUDE = {
  order: { include: { items: { orderBy: { position: "asc" } } } },
  complaint: true,
  inquiry: true,
  escalations: { orderBy: { id: "asc" } },
  assignee: true,
  createdBy: true,
  sourceMessage: true,
  notes: { orderBy: { id: "asc" } },
} as const satisfies Prisma.RecordInclude;

export type FullRecord = Prisma.RecordGetPayload<{ include: typeof RECORD_INCLUDE }>;

export function loadRecordByCode(tx: Tx | Db, code: string): Promise<FullRecord | null> {
  return tx.record.findUnique({ where: { code }, include: RECORD_INCLUDE });
}

export function loadRecord(tx: Tx | Db, id: number): Promise<FullRecord> {
  return tx.record.findUniqueOrThrow({ where: { id }, include: RECORD_INCLUDE });
}

/** States in which a record still asks something of someone. */
export const OPEN_STATUSES = ["open", "confirmed"] as const;
