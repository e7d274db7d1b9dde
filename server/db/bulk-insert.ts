import "server-only";
import { Prisma, type Transaction } from "./client";

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checkedIdentifiers(names: string[]): string[] {
  const bad = names.find((name) => !IDENTIFIER.test(name));
  if (bad !== undefined) throw new Error(`bulk insert: bad identifier ${JSON.stringify(bad)}`);
  return names;
}

/**
 * Rows as a FROM item `r`: they travel as one JSON document (one parameter) that PostgreSQL unpacks with
 * jsonb_to_recordset, with the given columns and SQL types and `r.ordinality`, each row's place in the list (from 1).
 * Keys of a row are its column names; a missing key is NULL. The column names and types are the caller's constants,
 * never input.
 */
export function jsonRecordset(columns: Record<string, string>, rows: Record<string, unknown>[]): Prisma.Sql {
  const names = checkedIdentifiers(Object.keys(columns));
  const definitions = names.map((name) => `${name} ${columns[name]}`).join(", ");
  return Prisma.sql`ROWS FROM (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS (${Prisma.raw(definitions)}))
    WITH ORDINALITY AS r(${Prisma.raw([...names, "ordinality"].join(", "))})`;
}

/**
 * Inserts many rows in one statement (jsonRecordset), in their order, so that serial ids follow it. The ORM's
 * createMany builds and checks every field of every row in JavaScript first: a quarter of an ingest batch's time,
 * and a tenth of a grouping call's. `table` and `onConflict` are the caller's constants.
 */
export async function bulkInsert<Returned>(
  tx: Transaction,
  table: string,
  columns: Record<string, string>,
  rows: Record<string, unknown>[],
  options: { onConflict?: string; returning: string },
): Promise<Returned[]> {
  if (!rows.length) return [];
  const names = checkedIdentifiers([table, ...Object.keys(columns)]).slice(1);
  return tx.$queryRaw<Returned[]>`
    INSERT INTO ${Prisma.raw(table)} (${Prisma.raw(names.join(", "))})
    SELECT ${Prisma.raw(names.map((name) => `r.${name}`).join(", "))} FROM ${jsonRecordset(columns, rows)}
     ORDER BY r.ordinality
    ${Prisma.raw(options.onConflict ? `ON CONFLICT ${options.onConflict}` : "")}
    RETURNING ${Prisma.raw(options.returning)}`;
}
