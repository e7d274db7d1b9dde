import "server-only";
import { Prisma } from "./client";

/**
 * The only way vectors cross into SQL: `toVector` turns an embedding into pgvector's text form (checked: finite
 * numbers, the column's dimension), `vectorColumn` names a model's column (checked against the known columns, as
 * identifiers cannot be bound as parameters), and `parseVector` reads pgvector's text form back.
 */
export function toVector(values: readonly number[], dimension: number): string {
  if (values.length !== dimension) {
    throw new RangeError(`expected a vector of ${dimension} dimensions, got ${values.length}`);
  }
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError("vector components must be finite numbers");
  }
  return `[${values.join(",")}]`;
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
