import type { Tx } from "./db/client.ts";

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  sourceMessageId?: number | null;
  at: Date;
}

/** Every change to what the team relies on leaves who, what, when, before and after. */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      at: entry.at,
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
      sourceMessageId: entry.sourceMessageId ?? null,
    },
  });
}

/** Decimals and dates become plain JSON values; undefined stays out. */
function toJson(value: unknown) {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as object;
}
