/**
 * What the HTTP benchmarks share: the app's API routes served on a loopback port (the test API server) over a fresh
 * in-memory embedded database, and a closed-loop load of N clients that each send their next request when the
 * previous one is answered, timed per request.
 */
import { randomBytes } from "node:crypto";
import { openDatabase, type Database } from "../../../server/db/client";
import { setDatabase } from "../../../server/db";
import { migrate } from "../../../server/db/migrate";

/** `--models fixture`: the benchmark embeds with the tests' fixture models instead of the committed ONNX ones. */
export async function installModelsOption(models: string | undefined): Promise<void> {
  if (models !== "fixture") return;
  const [{ useGroupingModels: installGroupingModels }, { fixtureModels }] = await Promise.all([
    import("../../../server/grouping/default-models"),
    import("../../../server/testing/fixture-models"),
  ]);
  installGroupingModels(fixtureModels);
}

/**
 * The API server over a fresh in-memory embedded database, or over `database` (already migrated and installed as the
 * process's database), which it closes with itself.
 */
export async function startBenchServer(
  options: { database?: Database } = {},
): Promise<{ database: Database; url: string; close(): Promise<void> }> {
  process.env.GROUPING_API_SECRET ??= randomBytes(24).toString("hex");
  // The benchmark measures the pipeline, not the per-key rate limit.
  process.env.INGEST_RATE_LIMIT_PER_SECOND = "0";
  let database = options.database;
  if (!database) {
    database = await openDatabase({ dataDir: "memory://", role: "bench" });
    await migrate(database.driver);
    setDatabase(database);
  }
  const { startApiServer } = await import("../../../server/testing/api-server");
  const api = await startApiServer();
  return {
    database,
    url: api.url,
    close: async () => (await api.close(), await database.close()),
  };
}

export interface LoadResult {
  clients: number;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

/** `clients` loops sending `send(i)` (i counts requests across clients) for `durationMs`; ok() says a success. */
export async function closedLoop(
  clients: number,
  durationMs: number,
  send: (i: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const ok = await send(next++).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors += 1;
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    clients,
    requests: latencies.length,
    errors,
    perSecond: latencies.length / elapsedS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

export function formatResult(label: string, result: LoadResult): string {
  return `${label.padEnd(28)} ${String(result.clients).padStart(3)} clients  ${result.perSecond.toFixed(0).padStart(5)}/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms  ${result.requests} requests, ${result.errors} errors`;
}
