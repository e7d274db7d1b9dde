import "server-only";
import type { PGlite } from "@electric-sql/pglite";

/**
 * Vector parameters sent to the embedded PostgreSQL in pgvector's binary format instead of its text form.
 *
 * The grouping SQL binds embeddings already in that form (`vectorParam` in vectors.ts, built by `vectorToBinary`
 * here); they pass through as they are. A vector given as text (`toVector`: "[0.1,0.2,…]") is converted: PGlite's
 * WebAssembly build parses floats slowly, one 768-dimension vector took 1.1 ms of `vector_in` (measured with
 * `SELECT $1::vector`), more than the kNN search it was bound to. A parameter whose type is `vector` is therefore
 * converted here, in JavaScript, to what `vector_recv` reads: the dimension and a zero (int16 each), then each element
 * as a float4, big-endian. PostgreSQL's checks are the same (dimension, finite elements); text this parser does not
 * recognise is sent as it was, so that PostgreSQL reports it.
 */
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
/** pgvector's VECTOR_MAX_DIM. */
const MAX_DIMENSIONS = 16_000;

/** pgvector's binary form of `values` (what `vector_recv` reads); the caller has checked them (finite, dimension). */
export function vectorToBinary(values: ArrayLike<number>): Uint8Array {
  const out = new DataView(new ArrayBuffer(4 + 4 * values.length));
  out.setInt16(0, values.length);
  out.setInt16(2, 0);
  for (let i = 0; i < values.length; i++) out.setFloat32(4 + 4 * i, values[i]!);
  return new Uint8Array(out.buffer);
}

function vectorTextToBinary(text: string): Uint8Array | null {
  if (!text.startsWith("[") || !text.endsWith("]")) return null;
  const parts = text.slice(1, -1).split(",");
  if (parts.length > MAX_DIMENSIONS || (parts.length === 1 && parts[0]!.trim() === "")) return null;
  const out = new DataView(new ArrayBuffer(4 + 4 * parts.length));
  out.setInt16(0, parts.length);
  out.setInt16(2, 0);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!DECIMAL.test(part)) return null;
    const value = Math.fround(Number(part));
    if (!Number.isFinite(value)) return null;
    out.setFloat32(4 + 4 * i, value);
  }
  return new Uint8Array(out.buffer);
}

/** Makes `pglite` send parameters of type `vector` in binary; creates the extension when the database has none yet. */
export async function sendVectorsInBinary(pglite: PGlite): Promise<void> {
  await pglite.exec("CREATE EXTENSION IF NOT EXISTS vector");
  const [row] = (await pglite.query<{ oid: number }>("SELECT oid::int AS oid FROM pg_type WHERE typname = 'vector'"))
    .rows;
  if (!row) return;
  const serialize = (value: unknown): string | Uint8Array => {
    if (value instanceof Uint8Array) return value;
    const text = String(value);
    return vectorTextToBinary(text) ?? text;
  };
  // PGlite's type says a serializer returns text; its protocol writer sends an ArrayBuffer view as a binary value.
  pglite.serializers[row.oid] = serialize as (value: unknown) => string;
}
