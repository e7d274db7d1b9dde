import "server-only";
import { vectorToBinary } from "./binary-vectors";
import { Prisma } from "./client";

/**
 * The only way vectors cross into SQL: `vectorParam` turns an embedding into a parameter (checked: finite numbers, the
 * column's dimension) and `toVector` into pgvector's text form, `vectorColumn` names a model's column (checked
 * against the known columns, as identifiers cannot be bound as parameters), and `parseVector` reads the text form back.
 */
function checkVector(values: readonly number[], dimension: number): void {
  if (values.length !== dimension) {
    throw new RangeError(`expected a vector of ${dimension} dimensions, got ${values.length}`);
  }
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError("vector components must be finite numbers");
  }
}

export function toVector(values: readonly number[], dimension: number): string {
  checkVector(values, dimension);
  return `[${values.join(",")}]`;
}

/**
 * An embedding as a `$n::vector` parameter: pgvector's binary form, which both drivers send as a binary value
 * (PGlite through binary-vectors.ts, node-postgres as it sends every buffer) and PostgreSQL reads with `vector_recv`,
 * the same floats as the text form without printing and parsing 768 decimals per vector (a quarter of the bytes
 * that cross to the embedded database's thread).
 */
export function vectorParam(values: readonly number[], dimension: number): Uint8Array {
  checkVector(values, dimension);
  return vectorToBinary(values);
}

export function parseVector(text: string): number[] {
  return text.slice(1, -1).split(",").map(Number);
}

const VECTOR_COLUMN = /^v\d+$/;

/** A model's embedding column of grouping_records as an SQL identifier. */
export function vectorColumn(column: string): Prisma.Sql {
  if (!VECTOR_COLUMN.test(column)) throw new Error(`not a vector column: ${column}`);
  return Prisma.raw(`"${column}"`);
}
