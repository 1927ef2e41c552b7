import { Prisma } from "../generated/sqlite/client.ts";
import type { Tx, Db } from "./client.ts";

type Scalar = string | number | boolean | Date | null | undefined;
/** A column value: a scalar, or an object or array for a Json column. */
type Value = Scalar | object;

export interface InsertOptions {
  /** Rows that would break this unique key are skipped instead of failing the statement. */
  skipConflictsOn?: readonly string[];
  /** Columns to read back from the rows actually inserted. */
  returning?: readonly string[] | "*";
}

const column = (name: string) => Prisma.raw(`"${name}"`);

function sqlValue(value: Value): Prisma.Sql | Scalar {
  if (value === undefined) return null;
  // Both engines take Json columns as JSON text: SQLite stores it as is, PostgreSQL casts it to jsonb.
  if (value !== null && typeof value === "object" && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

/**
 * One multi-row INSERT, built with Prisma's own SQL template (so each engine gets its placeholders)
 * and run as raw SQL in the caller's transaction. The hot path writes a burst of messages this way:
 * `createMany` validates and compiles every row of every call: 32 audit rows took 5.1 ms through it
 * and 1.0 ms as this one statement, on the same connection. Every column must be given, in every row, with the
 * values Prisma would have written: DateTime as Date, Json as an object or array. Columns left out
 * take the database default, and `@updatedAt` has none.
 */
export async function insertRows<T = unknown>(
  tx: Tx | Db,
  table: Prisma.ModelName,
  rows: readonly Record<string, Value>[],
  options: InsertOptions = {},
): Promise<T[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(rows[0]!);
  const values = rows.map((row) => Prisma.sql`(${Prisma.join(names.map((name) => sqlValue(row[name])))})`);
  let query = Prisma.sql`INSERT INTO ${column(table)} (${Prisma.join(names.map(column))}) VALUES ${Prisma.join(values)}`;
  if (options.skipConflictsOn) {
    query = Prisma.sql`${query} ON CONFLICT (${Prisma.join(options.skipConflictsOn.map(column))}) DO NOTHING`;
  }
  if (!options.returning) {
    await tx.$executeRaw(query);
    return [];
  }
  const returning = options.returning === "*" ? Prisma.raw("*") : Prisma.join(options.returning.map(column));
  return tx.$queryRaw<T[]>(Prisma.sql`${query} RETURNING ${returning}`);
}
