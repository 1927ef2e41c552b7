/** Prisma's unique-constraint violation; the adapters disagree on `meta`, so only the code is read. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
