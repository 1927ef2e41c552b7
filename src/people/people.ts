import type { Db, Tx } from "../db/client.ts";
import type { Person } from "../generated/sqlite/client.ts";
import type { Platform } from "../chat/port.ts";
import { audit } from "../audit.ts";
import { isUniqueViolation } from "../db/errors.ts";

export const ROLES = ["agent", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  platform: Platform;
  externalId: string;
}

/**
 * The person behind a platform identity, created on first sight. Identities listed in the ADMINS
 * configuration start as admins: someone has to be able to hand out the first roles.
 */
export async function identify(
  tx: Tx,
  identity: Identity & { name?: string },
  admins: readonly Identity[],
  at: Date,
): Promise<Person> {
  const existing = await tx.personIdentity.findUnique({
    where: { platform_externalId: { platform: identity.platform, externalId: identity.externalId } },
    include: { person: true },
  });
  if (existing) return existing.person;
  const isAdmin = admins.some((a) => a.platform === identity.platform && a.externalId === identity.externalId);
  const person = await tx.person.create({
    data: {
      displayName: identity.name ?? identity.externalId,
      role: isAdmin ? "admin" : "agent",
      identities: { create: { platform: identity.platform, externalId: identity.externalId, handle: identity.name } },
    },
  });
  if (isAdmin) {
    await audit(tx, { actorId: null, action: "role.bootstrap", entity: "person", entityId: person.id, after: { role: "admin" }, at });
  }
  return person;
}

/** Like `identify`, outside a transaction; a concurrent first sighting of the same identity is not an error. */
export async function identifyOutside(db: Db, identity: Identity & { name?: string }, admins: readonly Identity[], at: Date) {
  try {
    return await db.$transaction((tx) => identify(tx, identity, admins, at));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.$transaction((tx) => identify(tx, identity, admins, at));
  }
}

export async function setRole(tx: Tx, person: Person, role: Role, actorId: number | null, at: Date, sourceMessageId?: number) {
  if (person.role === role) return person;
  const updated = await tx.person.update({ where: { id: person.id }, data: { role } });
  await audit(tx, {
    actorId,
    action: "role.set",
    entity: "person",
    entityId: person.id,
    before: { role: person.role },
    after: { role },
    sourceMessageId,
    at,
  });
  return updated;
}

/** `<@U123>` (a platform mention) or `@name` (a handle or display name) → the person, on the speaker's platform. */
export async function findByMention(tx: Tx, platform: Platform, mention: string): Promise<Person | null> {
  const id = /^<@([^>|]+)(?:\|[^>]*)?>$/.exec(mention)?.[1];
  if (id) {
    const identity = await tx.personIdentity.findUnique({
      where: { platform_externalId: { platform, externalId: id } },
      include: { person: true },
    });
    return identity?.person ?? null;
  }
  const name = mention.replace(/^@/, "");
  const byHandle = await tx.personIdentity.findFirst({
    where: { platform, OR: [{ handle: name }, { externalId: name }] },
    include: { person: true },
  });
  if (byHandle) return byHandle.person;
  return tx.person.findFirst({ where: { displayName: name } });
}

export async function ensureAdmins(db: Db, admins: readonly Identity[], at: Date): Promise<void> {
  for (const admin of admins) {
    const person = await identifyOutside(db, admin, admins, at);
    if (person.role !== "admin") await db.$transaction((tx) => setRole(tx, person, "admin", null, at));
  }
}
