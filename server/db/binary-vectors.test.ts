import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendVectorsInBinary } from "./binary-vectors";
import { toVector } from "./vectors";

let binary: PGlite;
let text: PGlite;

beforeAll(async () => {
  binary = await PGlite.create({ extensions: { vector } });
  await sendVectorsInBinary(binary);
  text = await PGlite.create({ extensions: { vector } });
  await text.exec("CREATE EXTENSION vector");
  for (const db of [binary, text]) await db.exec("CREATE TABLE t (id int PRIMARY KEY, v vector(3))");
}, 60_000);

afterAll(async () => {
  await binary.close();
  await text.close();
});

async function storedAs(db: PGlite, literal: string): Promise<string> {
  const rows = await db.query<{ v: string }>("SELECT $1::vector::text AS v", [literal]);
  return rows.rows[0]!.v;
}

async function errorOf(db: PGlite, sql: string, params: unknown[]): Promise<string> {
  try {
    await db.query(sql, params);
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
}

describe("vector parameters in binary on the embedded database", () => {
  it("store exactly the floats the text form gives", async () => {
    const random = Array.from({ length: 768 }, (_, i) => Math.sin(i * 12.9898) * (i % 7 === 0 ? 1e-7 : 0.7));
    const literals = [
      toVector(random, 768),
      "[1,-2.5,3e-8]",
      "[ 0.1 , +0.2,.3]",
      "[1.0000001192092896,0.30000001192092896,340282346638528860000000000000000000000]",
    ];
    const [type] = (await binary.query<{ oid: number }>("SELECT 'vector'::regtype::oid::int AS oid")).rows;
    const serialize = binary.serializers[type!.oid]!;
    for (const literal of literals) {
      expect(serialize(literal)).toBeInstanceOf(Uint8Array);
      expect(await storedAs(binary, literal)).toBe(await storedAs(text, literal));
    }
  });

  it("leave what they cannot read to PostgreSQL, which rejects it as before", async () => {
    const cases: [string, unknown[]][] = [
      ["SELECT $1::vector", ["[1,abc]"]],
      ["SELECT $1::vector", ["[]"]],
      ["SELECT $1::vector", ["[1e39]"]],
      ["SELECT $1::vector", ["[NaN]"]],
      ["SELECT $1::vector", ["1,2"]],
      ["INSERT INTO t VALUES (1, $1::vector)", ["[1,2]"]],
    ];
    for (const [sql, params] of cases) {
      const got = await errorOf(binary, sql, params);
      expect(got).not.toBe("no error");
      if (!sql.startsWith("INSERT")) expect(got).toBe(await errorOf(text, sql, params));
    }
    expect(await errorOf(binary, "INSERT INTO t VALUES (1, $1::vector)", ["[1,2]"])).toContain(
      "expected 3 dimensions, not 2",
    );
  });
});
