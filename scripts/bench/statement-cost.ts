/**
 * `npm run bench -- statement-cost [--statements 4000]`: what one small statement costs through the embedded
 * database's thread (server/db/embedded-thread/), CPU of both threads per statement, when its caller asks for the
 * column types the thread has adopted as text (server/db/text-columns.ts: what every ORM statement
 * asks for) and when it asks for another set, which PGlite merges into its map of some 450 types on every call (what
 * every ORM statement cost before). Eight callers at once, the two kinds interleaved in rounds; prints both and
 * their ratio.
 */
import { ThreadedPGlite } from "../../server/db/embedded-thread/client";
import { benchOptions } from "./lib/options";

const asText = (value: string) => value;
/** The types the ORM's adapter parses itself (timestamps, JSON, numerics, 64-bit integers and their arrays, …). */
const ADAPTER_TYPES = [1700, 1231, 1083, 1183, 1266, 1082, 1182, 1114, 1115, 1184, 1185, 790, 791, 114, 199, 3802];
const adopted = Object.fromEntries(ADAPTER_TYPES.map((type) => [type, asText]));
const another = Object.fromEntries(ADAPTER_TYPES.slice(1).map((type) => [type, asText]));

export async function run(args: string[]): Promise<void> {
  const { statements } = benchOptions(args, { statements: 4000 });
  const db = await ThreadedPGlite.open(undefined);
  await db.exec("CREATE TABLE item (id int PRIMARY KEY, name text, created_at timestamptz DEFAULT now())");
  await db.exec("INSERT INTO item (id, name) SELECT i, 'item ' || i FROM generate_series(1, 100) AS i");
  // The first set asked for is the one the thread adopts.
  await db.query("SELECT 1", [], { parsers: adopted });
  const cpuMs = { adopted: 0, another: 0 };
  const rounds = 8;
  for (let round = 0; round < rounds; round += 1) {
    for (const [kind, parsers] of [
      ["adopted", adopted],
      ["another", another],
    ] as const) {
      const started = process.cpuUsage();
      await Promise.all(
        Array.from({ length: 8 }, async (_, caller) => {
          for (let i = caller; i < statements / rounds; i += 8)
            await db.query("SELECT id, name, created_at FROM item WHERE id = $1", [(i % 100) + 1], { parsers });
        }),
      );
      const used = process.cpuUsage(started);
      if (round > 0) cpuMs[kind] += (used.user + used.system) / 1000;
    }
  }
  const perStatement = (ms: number) => ms / ((statements * (rounds - 1)) / rounds);
  console.log(`statement-cost: ${statements} statements of each kind through the database's thread, 8 callers`);
  console.log(`  text types adopted by the thread   ${perStatement(cpuMs.adopted).toFixed(3)} ms CPU a statement`);
  console.log(`  another set, merged by PGlite      ${perStatement(cpuMs.another).toFixed(3)} ms CPU a statement`);
  console.log(`  adopted / merged: ${(cpuMs.adopted / cpuMs.another).toFixed(2)}×`);
  await db.close();
}
