/**
 * `npm run bench -- vectors [--records N] [--queries Q]`: the same embeddings stored at 768 and at 64 dimensions
 * (Matryoshka truncation, re-normalised), side by side in one embedded PostgreSQL: p50/p95 insert and lookup latency
 * with the HNSW index in place (m=8, ef_construction=64 as regroup builds it, ef_search=100), bytes per record, and the 768/64 ratios.
 */
import { openDatabase } from "../../server/db/client";
import { toVector } from "../../server/db/vectors";
import { benchOptions } from "./lib/options";

/** A seeded stream: clustered unit vectors (traces of one root cause are near each other), 768 dims. */
function makeEmbeddings(count: number, seed: number): number[][] {
  let state = seed >>> 0;
  const random = () => ((state = Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 4294967296;
  const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: Math.max(1, Math.floor(count / 20)) }, () =>
    Array.from({ length: 768 }, gaussian),
  );
  return Array.from({ length: count }, () => {
    const centre = centres[Math.floor(random() * centres.length)]!;
    return centre.map((value) => value + 0.25 * gaussian());
  });
}

function truncateAndNormalise(vector: number[], dims: number): number[] {
  const head = vector.slice(0, dims);
  const norm = Math.sqrt(head.reduce((sum, v) => sum + v * v, 0)) || 1;
  return head.map((v) => v / norm);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

export async function run(args: string[]): Promise<void> {
  const { records, queries } = benchOptions(args, { records: 3000, queries: 300 });
  const database = await openDatabase({ dataDir: "memory://", role: "bench" });
  const { driver } = database;
  const dimensions = [768, 64] as const;
  for (const dims of dimensions) {
    await driver.exec(`
      CREATE EXTENSION IF NOT EXISTS vector;
      CREATE TABLE bench_${dims} (project_id int NOT NULL, hash text NOT NULL, v vector(${dims}), PRIMARY KEY (project_id, hash));
      CREATE INDEX ON bench_${dims} USING hnsw (v vector_cosine_ops) WITH (m = 8, ef_construction = 64);`);
  }
  const data = makeEmbeddings(records + queries, 42);
  const results: Record<number, { insertMs: number[]; lookupMs: number[]; bytes: number }> = {};

  // Interleave the two sizes so that whatever else the machine does affects both alike.
  for (const dims of dimensions) results[dims] = { insertMs: [], lookupMs: [], bytes: 0 };
  process.stdout.write(`inserting ${records} records at each size…\n`);
  for (let i = 0; i < records; i += 1) {
    for (const dims of dimensions) {
      const started = performance.now();
      await driver.query(`INSERT INTO bench_${dims} (project_id, hash, v) VALUES (1, $1, $2::vector)`, [
        `h${i}`,
        toVector(truncateAndNormalise(data[i]!, dims), dims),
      ]);
      results[dims]!.insertMs.push(performance.now() - started);
    }
  }
  for (let q = 0; q < queries; q += 1) {
    for (const dims of dimensions) {
      const vector = toVector(truncateAndNormalise(data[records + q]!, dims), dims);
      const started = performance.now();
      await driver.transaction(async (tx) => {
        await tx.exec("SET LOCAL hnsw.ef_search = 100");
        await tx.query(
          `SELECT hash, v <=> $1::vector AS distance FROM bench_${dims} WHERE project_id = 1 ORDER BY v <=> $1::vector LIMIT 1`,
          [vector],
        );
      });
      results[dims]!.lookupMs.push(performance.now() - started);
    }
  }
  for (const dims of dimensions) {
    const [row] = await driver.query<{ bytes: string }>(`SELECT pg_total_relation_size('bench_${dims}') AS bytes`);
    results[dims]!.bytes = Number(row!.bytes) / records;
  }
  await database.close();

  const line = (label: string, pick: (r: (typeof results)[number]) => number, unit: string, digits = 2) => {
    const big = pick(results[768]!);
    const small = pick(results[64]!);
    console.log(
      `${label.padEnd(22)} ${big.toFixed(digits).padStart(10)} ${small.toFixed(digits).padStart(10)} ${unit.padEnd(6)} ${(big / small).toFixed(1).padStart(6)}×`,
    );
  };
  console.log(`vectors: ${records} records, ${queries} lookups, embedded PostgreSQL (PGlite) with pgvector HNSW`);
  console.log(
    `${"".padEnd(22)} ${"768 dims".padStart(10)} ${"64 dims".padStart(10)} ${"".padEnd(6)} ${"768/64".padStart(7)}`,
  );
  line("insert p50", (r) => percentile(r.insertMs, 50), "ms", 3);
  line("insert p95", (r) => percentile(r.insertMs, 95), "ms", 3);
  line("lookup p50", (r) => percentile(r.lookupMs, 50), "ms", 3);
  line("lookup p95", (r) => percentile(r.lookupMs, 95), "ms", 3);
  line("bytes per record", (r) => r.bytes, "B", 0);
}
