/**
 * `npm run bench -- hnsw-build [--records 4000] [--queries 400]`: the HNSW graph built with ef_construction 200
 * (Seer's setting) and 64 (pgvector's default), side by side in one embedded PostgreSQL, with the committed v1 (768
 * dimensions) and v2 (64) embeddings of synthetic traces, all in one project (one graph, as a large project's
 * partition): the index's share of an insert once the graph holds most records, and for lookups as regroup makes
 * them (ef_search = 100, strict-order iterative scans): how often the index's nearest record is the exact nearest
 * (recall@1), and how often the two disagree on grouping (one within the model's threshold, the other not). Half the
 * queries vary a stored trace's message (near duplicates), half are traces of other applications.
 */
import path from "node:path";
import { openDatabase } from "../../server/db/client";
import { vectorParam } from "../../server/db/vectors";
import { LocalInferenceService } from "../../server/inference/local-service";
import { ModelRegistry } from "../../server/inference/registry";
import { benchOptions } from "./lib/options";
import { traceTexts } from "./lib/trace-texts";

const SETTINGS = [200, 64] as const;

async function embedAll(service: LocalInferenceService, model: string, texts: string[]): Promise<number[][]> {
  const out: number[][] = [];
  for (let start = 0; start < texts.length; start += 256)
    out.push(...(await service.embed(model, texts.slice(start, start + 256))));
  return out;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function run(args: string[]): Promise<void> {
  const { records, queries } = benchOptions(args, { records: 4000, queries: 400 });
  const registry = new ModelRegistry(path.resolve("models"));
  const service = new LocalInferenceService(registry, { device: "cpu" });
  const stored = traceTexts("hnsw-build", records, 40);
  // A near duplicate: a stored trace whose message says a little more (spread over the whole list).
  const step = Math.max(1, Math.floor(records / (queries / 2)));
  const near = Array.from({ length: queries / 2 }, (_, i) =>
    stored[(i * step) % records]!.replace(/^([^\n]*)/, "$1 (again)"),
  );
  const asked = [...near, ...traceTexts("hnsw-build-other", queries / 2, 40)];
  const database = await openDatabase({ dataDir: "memory://", role: "bench" });
  const { driver } = database;
  console.log(
    `hnsw-build: ${records} records in one graph, ${queries} lookups (${queries / 2} near duplicates, ${queries / 2} other traces), PGlite + pgvector, m = 16`,
  );
  console.log(`${"".padEnd(34)} ${"efc 200".padStart(9)} ${"efc 64".padStart(9)} ${"64/200".padStart(8)}`);

  for (const version of ["v1", "v2"]) {
    const entry = registry.require(version);
    const dims = entry.dimensionStored;
    const vectors = await embedAll(service, version, stored);
    const queryVectors = await embedAll(service, version, asked);
    const tables = ["exact", ...SETTINGS.map((efc) => `efc${efc}`)];
    for (const table of tables) await driver.exec(`CREATE TABLE ${table} (hash text PRIMARY KEY, v vector(${dims}))`);
    for (const efc of SETTINGS)
      await driver.exec(
        `CREATE INDEX ON efc${efc} USING hnsw (v vector_cosine_ops) WITH (m = 16, ef_construction = ${efc})`,
      );

    // Interleaved, so that whatever else the machine does affects every table alike; timed over the last quarter.
    const insertMs = new Map(tables.map((table) => [table, 0]));
    const timedFrom = Math.floor((records * 3) / 4);
    for (let i = 0; i < records; i += 1) {
      for (const table of tables) {
        const started = performance.now();
        await driver.query(`INSERT INTO ${table} VALUES ($1, $2::vector)`, [`h${i}`, vectorParam(vectors[i]!, dims)]);
        if (i >= timedFrom) insertMs.set(table, insertMs.get(table)! + performance.now() - started);
      }
    }
    const perRecord = (table: string) => (insertMs.get(table)! - insertMs.get("exact")!) / (records - timedFrom);

    // The index, not a scan of the whole table, answers the indexed tables (at this size the planner could do either;
    // the table without an index is scanned regardless, exactly).
    await driver.exec("SET enable_seqscan = off");
    const threshold = entry.threshold;
    const found = new Map(SETTINGS.map((efc) => [efc, { same: 0, disagree: 0, lookupMs: [] as number[] }]));
    let within = 0;
    for (const vector of queryVectors) {
      const param = vectorParam(vector, dims);
      const nearest = async (table: string) => {
        const [row] = await driver.query<{ hash: string; distance: number }>(
          `SELECT hash, v <=> $1::vector AS distance FROM ${table} ORDER BY distance LIMIT 1`,
          [param],
        );
        return row!;
      };
      const exact = await nearest("exact");
      if (exact.distance <= threshold) within += 1;
      for (const efc of SETTINGS) {
        const started = performance.now();
        const answer = await nearest(`efc${efc}`);
        const tally = found.get(efc)!;
        tally.lookupMs.push(performance.now() - started);
        if (answer.hash === exact.hash || Math.abs(answer.distance - exact.distance) < 1e-6) tally.same += 1;
        if (answer.distance <= threshold !== exact.distance <= threshold) tally.disagree += 1;
      }
    }
    const row = (label: string, pick: (efc: (typeof SETTINGS)[number]) => number, digits: number, ratio = true) => {
      const [high, low] = SETTINGS.map(pick) as [number, number];
      console.log(
        `${label.padEnd(34)} ${high.toFixed(digits).padStart(9)} ${low.toFixed(digits).padStart(9)} ${ratio ? `${(low / high).toFixed(2)}×`.padStart(8) : ""}`,
      );
    };
    console.log(
      `${version} (${dims} dims, threshold ${threshold}; ${within} of ${queries} queries have a record within it)`,
    );
    row("  index's share of an insert, ms", (efc) => perRecord(`efc${efc}`), 3);
    row("  recall@1, %", (efc) => (100 * found.get(efc)!.same) / queries, 1, false);
    row("  grouping disagreements", (efc) => found.get(efc)!.disagree, 0, false);
    row("  lookup p50, ms", (efc) => median(found.get(efc)!.lookupMs), 3);
    await driver.exec("RESET enable_seqscan");
    for (const table of tables) await driver.exec(`DROP TABLE ${table}`);
  }
  await database.close();
}
