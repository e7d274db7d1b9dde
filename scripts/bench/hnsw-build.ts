/**
 * `npm run bench -- hnsw-build [--records 4000] [--queries 400] [--settings 16/64,8/64]`: HNSW graphs built with two
 * settings (m / ef_construction; Seer's is 16/200, pgvector's default 16/64), side by side in one embedded PostgreSQL,
 * with the committed v1 (768 dimensions) and v2 (64) embeddings of synthetic traces, all in one project (one graph, as
 * a large project's partition): the index's share of an insert (records go 16 to a statement, as the ingest worker
 * writes them) over the second half of the records, and for lookups as regroup makes them (ef_search = 100,
 * strict-order iterative scans): how often the index's nearest record is the exact nearest (recall@1), and how often
 * the two disagree on grouping (one within the model's threshold, the other not). Half the queries vary a stored
 * trace's message (near duplicates), half are traces of other applications.
 */
import path from "node:path";
import { openDatabase } from "../../server/db/client";
import { vectorParam } from "../../server/db/vectors";
import { LocalInferenceService } from "../../server/inference/local-service";
import { ModelRegistry } from "../../server/inference/registry";
import { benchOptions } from "./lib/options";
import { traceTexts } from "./lib/trace-texts";

interface IndexSetting {
  m: number;
  efc: number;
}

const label = ({ m, efc }: IndexSetting) => `m${m}/${efc}`;
const table = ({ m, efc }: IndexSetting) => `m${m}_efc${efc}`;

function parseSettings(text: string): [IndexSetting, IndexSetting] {
  const settings = text.split(",").map((item) => {
    const [m, efc] = item.split("/").map(Number);
    if (!Number.isInteger(m) || !Number.isInteger(efc))
      throw new Error(`--settings: "${item}" is not m/ef_construction`);
    return { m: m!, efc: efc! };
  });
  if (settings.length !== 2) throw new Error("--settings: give two, as 16/64,8/64");
  return settings as [IndexSetting, IndexSetting];
}

async function embedAll(service: LocalInferenceService, model: string, texts: string[]): Promise<number[][]> {
  const out: number[][] = [];
  for (let start = 0; start < texts.length; start += 256)
    out.push(...(await service.embed(model, texts.slice(start, start + 256))));
  return out;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function run(args: string[]): Promise<void> {
  const options = benchOptions(args, { records: 4000, queries: 400, settings: "16/64,8/64" });
  const { records, queries } = options;
  const SETTINGS = parseSettings(options.settings);
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
    `hnsw-build: ${records} records in one graph, ${queries} lookups (${queries / 2} near duplicates, ${queries / 2} other traces), PGlite + pgvector; settings m/ef_construction`,
  );
  const [first, second] = SETTINGS.map(label) as [string, string];
  console.log(`${"".padEnd(34)} ${first.padStart(9)} ${second.padStart(9)} ${"ratio".padStart(8)}`);

  for (const version of ["v1", "v2"]) {
    const entry = registry.require(version);
    const dims = entry.dimensionStored;
    const vectors = await embedAll(service, version, stored);
    const queryVectors = await embedAll(service, version, asked);
    const tables = ["exact", ...SETTINGS.map(table)];
    for (const name of tables) await driver.exec(`CREATE TABLE ${name} (hash text PRIMARY KEY, v vector(${dims}))`);
    for (const setting of SETTINGS)
      await driver.exec(
        `CREATE INDEX ON ${table(setting)} USING hnsw (v vector_cosine_ops) WITH (m = ${setting.m}, ef_construction = ${setting.efc})`,
      );

    // Interleaved, so that whatever else the machine does affects every table alike; timed over the second half.
    const insertMs = new Map(tables.map((name) => [name, 0]));
    const perStatement = 16;
    const timedFrom = Math.floor(records / 2 / perStatement) * perStatement;
    for (let i = 0; i < records; i += perStatement) {
      const rows = vectors.slice(i, i + perStatement);
      const values = rows.map((_, j) => `($${2 * j + 1}, $${2 * j + 2}::vector)`).join(", ");
      const params = rows.flatMap((vector, j) => [`h${i + j}`, vectorParam(vector, dims)]);
      for (const name of tables) {
        const started = performance.now();
        await driver.query(`INSERT INTO ${name} VALUES ${values}`, params);
        if (i >= timedFrom) insertMs.set(name, insertMs.get(name)! + performance.now() - started);
      }
    }
    const perRecord = (name: string) => (insertMs.get(name)! - insertMs.get("exact")!) / (records - timedFrom);

    // The index, not a scan of the whole table, answers the indexed tables (at this size the planner could do either;
    // the table without an index is scanned regardless, exactly).
    await driver.exec("SET enable_seqscan = off");
    const threshold = entry.threshold;
    const found = new Map(SETTINGS.map((setting) => [setting, { same: 0, disagree: 0, lookupMs: [] as number[] }]));
    let within = 0;
    for (const vector of queryVectors) {
      const param = vectorParam(vector, dims);
      const nearest = async (name: string) => {
        const [row] = await driver.query<{ hash: string; distance: number }>(
          `SELECT hash, v <=> $1::vector AS distance FROM ${name} ORDER BY distance LIMIT 1`,
          [param],
        );
        return row!;
      };
      const exact = await nearest("exact");
      if (exact.distance <= threshold) within += 1;
      for (const setting of SETTINGS) {
        const started = performance.now();
        const answer = await nearest(table(setting));
        const tally = found.get(setting)!;
        tally.lookupMs.push(performance.now() - started);
        if (answer.hash === exact.hash || Math.abs(answer.distance - exact.distance) < 1e-6) tally.same += 1;
        if (answer.distance <= threshold !== exact.distance <= threshold) tally.disagree += 1;
      }
    }
    const row = (name: string, pick: (setting: IndexSetting) => number, digits: number, ratio = true) => {
      const [before, after] = SETTINGS.map(pick) as [number, number];
      console.log(
        `${name.padEnd(34)} ${before.toFixed(digits).padStart(9)} ${after.toFixed(digits).padStart(9)} ${ratio ? `${(after / before).toFixed(2)}×`.padStart(8) : ""}`,
      );
    };
    console.log(
      `${version} (${dims} dims, threshold ${threshold}; ${within} of ${queries} queries have a record within it)`,
    );
    row("  index's share of an insert, ms", (setting) => perRecord(table(setting)), 3);
    row("  recall@1, %", (setting) => (100 * found.get(setting)!.same) / queries, 1, false);
    row("  grouping disagreements", (setting) => found.get(setting)!.disagree, 0, false);
    row("  lookup p50, ms", (setting) => median(found.get(setting)!.lookupMs), 3);
    await driver.exec("RESET enable_seqscan");
    for (const name of tables) await driver.exec(`DROP TABLE ${name}`);
  }
  await database.close();
}
