/**
 * What the HTTP benchmarks share: the app's API routes served on a loopback port (the test API server) over a fresh
 * in-memory embedded database, and a closed-loop load of N clients that each send their next request when the
 * previous one is answered, timed per request.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../../../server/db/client";
import { setDatabase } from "../../../server/db";
import { migrate } from "../../../server/db/migrate";
import { parseEnv } from "../../../server/env";
import { summarizeLatencies, type LoadResult } from "./latencies";

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
 * The API server over a fresh embedded database in a temporary directory (removed on close), or over `database` (already migrated and installed as the
 * process's database), which it closes with itself.
 */
export async function startBenchServer(
  options: { database?: Database } = {},
): Promise<{ database: Database; url: string; close(): Promise<void> }> {
  process.env.GROUPING_API_SECRET ??= randomBytes(24).toString("hex");
  // The benchmark measures the pipeline, not the per-key rate limit.
  process.env.INGEST_RATE_LIMIT_PER_SECOND = "0";
  // As `npm start` runs: answers are not checked against their schemas (server/http/response-check.ts).
  (process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
  let database = options.database;
  let dataDir: string | null = null;
  if (!database) {
    // A data directory on disk, as `npm start` keeps one (memory:// is slower still: its files grow by copying).
    dataDir = await mkdtemp(path.join(os.tmpdir(), "regroup-bench-"));
    database = await openDatabase({ dataDir, role: "bench", embeddedThread: parseEnv().EMBEDDED_DATABASE_THREAD });
    await migrate(database.driver);
    setDatabase(database);
  }
  const { startApiServer } = await import("../../../server/testing/api-server");
  const api = await startApiServer();
  return {
    database,
    url: api.url,
    close: async () => {
      await api.close();
      await database.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

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
  return summarizeLatencies(clients, latencies, errors, performance.now() - started);
}
