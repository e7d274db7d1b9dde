import { describe, expect, it } from "vitest";
import { ThreadedPGlite } from "./embedded-thread/client";
import { LocalPGlite } from "./local-pglite";
import { openPGlite } from "./open-pglite";

const SQL = `SELECT '2026-12-07 01:02:03.456789+00'::timestamptz AS at, ARRAY['2026-01-02T03:04:05Z'::timestamptz] AS ats,
  '{"a": [1, 2]}'::json AS doc, '{"b": true}'::jsonb AS docb, ARRAY['{"c": 1}'::jsonb] AS docs,
  9007199254740993::int8 AS big, ARRAY[1, 2]::int8[] AS bigs, 1.50::numeric AS amount, ARRAY[2.5]::numeric[] AS amounts,
  '2026-12-07'::date AS day, '\\x0102'::bytea AS bytes, ARRAY['x', 'y'] AS texts, 7 AS n`;

const asText = (value: string) => `text:${value}`;
/** What the ORM's adapter asks for as text on every statement (it parses these itself). */
const ADAPTER_SET = Object.fromEntries(
  [1184, 1185, 114, 3802, 3807, 20, 1016, 1700, 1231, 1082, 17].map((type) => [type, asText]),
);

// A database of its own per case: the first set of text types asked for is the one kept.
describe.each([
  ["on its own thread", ThreadedPGlite.open],
  ["on the caller's thread", LocalPGlite.open],
])("the embedded database %s", (_, open) => {
  it("gives a caller that asks for some types as text those columns as text, and a caller that asks for none PGlite's values", async () => {
    const [session, plain] = await Promise.all([open(undefined), openPGlite(undefined)]);
    try {
      const expected = (await plain.query<Record<string, unknown>>(SQL)).rows;
      const [adapter] = (await session.query<Record<string, unknown>>(SQL, [], { parsers: ADAPTER_SET })).rows;
      expect(adapter).toMatchObject({ at: "text:2026-12-07 01:02:03.456789+00", big: "text:9007199254740993", n: 7 });
      expect(adapter!.texts).toEqual(["x", "y"]);
      // Asking for none, or for another set, gives what PGlite itself gives, except what that set asks for.
      expect((await session.query(SQL)).rows).toEqual(expected);
      expect((await session.query(SQL, [], { rowMode: "array" })).rows).toEqual([Object.values(expected[0]!)]);
      const [other] = (await session.query<Record<string, unknown>>(SQL, [], { parsers: { 1184: asText } })).rows;
      expect(other).toEqual({ ...expected[0], at: "text:2026-12-07 01:02:03.456789+00" });
      // The same inside a transaction.
      await session.transaction(async (tx) => {
        expect((await tx.query(SQL, [], { parsers: ADAPTER_SET })).rows).toEqual([adapter]);
        expect((await tx.query(SQL)).rows).toEqual(expected);
      });
    } finally {
      await Promise.all([session.close(), plain.close()]);
    }
  });
});
