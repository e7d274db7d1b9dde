/**
 * `npm run bench -- row-storage [--records 1200] [--queries 100]`: an exact kNN scan of one project's records (what a
 * project too small for its HNSW graph, the stable model's fallback over the records the next model has not seen, and
 * a re-ranking read) with the committed v1's 768-dimension vectors kept out of line in the TOAST table (PostgreSQL's
 * default past 2 KB a row) and kept in the row (toast_tuple_target = 8160, as the migration `inline_vectors` sets on
 * grouping_records' partitions), side by side in one embedded PostgreSQL: per query, p50 time and buffers read.
 */
import path from "node:path";
import { openDatabase } from "../../server/db/client";
import { vectorParam } from "../../server/db/vectors";
import { LocalInferenceService } from "../../server/inference/local-service";
import { ModelRegistry } from "../../server/inference/registry";
import { benchOptions } from "./lib/options";
import { traceTexts } from "./lib/trace-texts";

const TABLES = { toasted: "", inline: "WITH (toast_tuple_target = 8160)" } as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function run(args: string[]): Promise<void> {
  const { records, queries } = benchOptions(args, { records: 1200, queries: 100 });
  const service = new LocalInferenceService(new ModelRegistry(path.resolve("models")), { device: "cpu" });
  const texts = traceTexts("row-storage", records + queries, 40);
  const vectors: number[][] = [];
  for (let start = 0; start < texts.length; start += 256)
    vectors.push(...(await service.embed("v1", texts.slice(start, start + 256))));
  const dims = vectors[0]!.length;

  const database = await openDatabase({ dataDir: "memory://", role: "bench" });
  const { driver } = database;
  for (const [table, options] of Object.entries(TABLES)) {
    await driver.exec(`CREATE TABLE ${table} (hash text PRIMARY KEY, v vector(${dims})) ${options}`);
    for (let i = 0; i < records; i += 1)
      await driver.query(`INSERT INTO ${table} VALUES ($1, $2::vector)`, [`h${i}`, vectorParam(vectors[i]!, dims)]);
  }
  console.log(
    `row-storage: exact kNN over ${records} records of ${dims} dimensions (committed v1), ${queries} queries`,
  );
  const measured = new Map<string, { ms: number[]; buffers: number }>();
  // Interleaved, so that whatever else the machine does affects both tables alike.
  for (let q = 0; q < queries; q += 1) {
    const param = vectorParam(vectors[records + q]!, dims);
    for (const table of Object.keys(TABLES)) {
      const sql = `SELECT hash, v <=> $1::vector AS distance FROM ${table} ORDER BY distance LIMIT 1`;
      const started = performance.now();
      await driver.query(sql, [param]);
      const tally = measured.get(table) ?? { ms: [], buffers: 0 };
      tally.ms.push(performance.now() - started);
      if (q === 0) {
        const plan = await driver.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [param]);
        const hits = plan.map((row) => /shared hit=(\d+)/.exec(row["QUERY PLAN"])?.[1]).find(Boolean);
        tally.buffers = Number(hits ?? NaN);
      }
      measured.set(table, tally);
    }
  }
  for (const [table, tally] of measured)
    console.log(`  ${table.padEnd(8)} p50 ${median(tally.ms).toFixed(3).padStart(7)} ms   buffers ${tally.buffers}`);
  const [toasted, inline] = [...measured.values()].map((tally) => median(tally.ms)) as [number, number];
  console.log(`  inline / toasted: ${(inline / toasted).toFixed(2)}×`);
  await database.close();
}
