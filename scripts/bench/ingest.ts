/**
 * `npm run bench -- ingest [--duration S] [--clients 1,16,64] [--kinds known,new] [--models fixture]`: events through the real store
 * endpoint (`POST /api/<id>/store/`, the app's route handlers on a loopback port over a fresh embedded database), at
 * each client count: known-fingerprint events (the issue exists) and new traces (the AI step: the project's model and
 * the shadow), each in both ingest modes: sync (grouped before the answer) and queue (answered once in the inbox,
 * grouped by the worker in batches). Prints events/s answered and p50/p99 per run, the server thread's event-loop
 * delay (p99), and for the queue the events grouped per second until the inbox is empty and the longest inbox lag,
 * with the ratio to sync. `--models fixture` swaps the ONNX models for the test ones, to
 * tell the database's share from inference's. The load comes from a thread of its own (lib/http-load.ts): the server,
 * its worker and the database share the other. `--drain N` (1500 by default, 0 for none) then times the worker alone:
 * N events of each kind accepted with it stopped (16 at a time), then grouped until the inbox is empty.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInboxWorker, type InboxWorker } from "../../server/ingest/inbox/worker";
import { inboxLagSeconds } from "../../server/ingest/inbox/stats";
import { setIngestMode, type IngestMode } from "../../server/ingest/mode";
import { storeRequest, type IngestEventKind, type StoreRequestArgs } from "./lib/ingest-requests";
import { closedLoopOffThread } from "./lib/http-load";
import { installModelsOption, startBenchServer } from "./lib/in-process-server";
import { formatResult, type LoadResult } from "./lib/latencies";
import { benchOptions } from "./lib/options";

interface ModeRun {
  result: LoadResult;
  /** Events grouped per second, from the first request until the inbox is empty (sync: the answered rate). */
  processedPerSecond: number;
  /** The longest any event waited in the inbox, sampled every 100 ms. */
  maxLagSeconds: number;
  /** How late the server's thread ran its timers (p99, ms): what its own work kept the answers waiting. */
  loopDelayP99Ms: number;
}

/** One closed-loop run in one ingest mode; in queue mode it also waits until the worker has grouped everything. */
async function runMode(
  mode: IngestMode,
  load: { url: string; clients: number; durationMs: number; offset: number; args: StoreRequestArgs },
  worker: InboxWorker,
): Promise<ModeRun> {
  setIngestMode(mode);
  let maxLagSeconds = 0;
  const sampler = setInterval(() => {
    void inboxLagSeconds().then((lag) => (maxLagSeconds = Math.max(maxLagSeconds, lag)));
  }, 100);
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const started = performance.now();
  try {
    const { args, ...loop } = load;
    const result = await closedLoopOffThread({
      ...loop,
      factory: { module: new URL("./lib/ingest-requests.ts", import.meta.url).href, export: "storeRequest", args },
    });
    await worker.drained();
    const processedPerSecond = result.requests / ((performance.now() - started) / 1000);
    return { result, processedPerSecond, maxLagSeconds, loopDelayP99Ms: loopDelay.percentile(99) / 1e6 };
  } finally {
    loopDelay.disable();
    clearInterval(sampler);
  }
}

function formatModeRun(label: string, mode: IngestMode, run: ModeRun): string {
  const processed = mode === "queue" ? `  processed ${run.processedPerSecond.toFixed(0).padStart(5)}/s` : "";
  const lag = mode === "queue" ? `  max inbox lag ${run.maxLagSeconds.toFixed(2)} s` : "";
  const loop = `  loop delay p99 ${run.loopDelayP99Ms.toFixed(1)} ms`;
  return `${formatResult(`${label}, ${mode}`, run.result)}${processed}${lag}${loop}`;
}

const LABELS: Record<IngestEventKind, string> = { known: "known fingerprint", new: "new trace (AI step)" };

export async function run(args: string[]): Promise<void> {
  const { duration, clients, kinds, models, drain } = benchOptions(args, {
    duration: 3,
    clients: "1,16,64",
    kinds: "known,new",
    models: null,
    drain: 1500,
  });
  const chosenKinds = (["known", "new"] as const).filter((kind) => kinds.split(",").includes(kind));
  const durationMs = duration * 1000;
  const clientCounts = clients.split(",").map(Number);
  await installModelsOption(models);
  const server = await startBenchServer();
  let worker = createInboxWorker({ pollMs: 50 });
  try {
    const project = await server.database.prisma.project.create({
      data: { id: 1, slug: "bench", name: "Bench", platform: "python" },
    });
    const args = (kind: IngestEventKind): StoreRequestArgs => ({
      kind,
      projectId: project.id,
      publicKey: project.publicKey,
    });
    const send = (kind: IngestEventKind) => async (i: number) => {
      const { method, headers, body, path } = storeRequest(i, args(kind));
      const response = await fetch(`${server.url}${path}`, { method, headers, body });
      await response.arrayBuffer();
      return response.status === 200;
    };
    let offset = 0;
    // Warm-up: the issue of the known fingerprint, the models loaded, the statements planned once (both modes).
    for (const mode of ["sync", "queue"] as const) {
      setIngestMode(mode);
      for (let i = 0; i < 5; i += 1) {
        await send("known")(i);
        await send("new")(1_000_000 + i + (mode === "queue" ? 100 : 0));
      }
      await worker.drained();
    }
    process.stdout.write(
      `POST /api/<id>/store/, ${durationMs / 1000} s per run; sync: grouped before the answer, queue: answered once ` +
        `in the inbox, grouped by the worker in batches\n`,
    );
    for (const kind of chosenKinds) {
      const label = LABELS[kind];
      for (const clients of clientCounts) {
        const runs = {} as Record<IngestMode, ModeRun>;
        for (const mode of ["sync", "queue"] as const) {
          runs[mode] = await runMode(mode, { url: server.url, clients, durationMs, offset, args: args(kind) }, worker);
          offset += runs[mode].result.requests + 10_000;
          process.stdout.write(`${formatModeRun(label, mode, runs[mode])}\n`);
        }
        const ratio = (value: number) => (value / runs.sync.result.perSecond).toFixed(1);
        process.stdout.write(
          `${"".padEnd(30)}queue / sync: accepted ${ratio(runs.queue.result.perSecond)}×, processed ` +
            `${ratio(runs.queue.processedPerSecond)}×\n`,
        );
      }
    }
    if (drain > 0) {
      setIngestMode("queue");
      await worker.stop();
      for (const kind of chosenKinds) {
        for (let i = 0; i < drain; i += 16) {
          await Promise.all(Array.from({ length: Math.min(16, drain - i) }, (_, j) => send(kind)(offset + i + j)));
        }
        offset += drain + 10_000;
        worker = createInboxWorker({ pollMs: 50 });
        const started = performance.now();
        await worker.drained();
        const seconds = (performance.now() - started) / 1000;
        await worker.stop();
        process.stdout.write(
          `${`${LABELS[kind]}, drain`.padEnd(30)}${drain} events queued, grouped in ${seconds.toFixed(2)} s: ${(drain / seconds).toFixed(0)}/s\n`,
        );
      }
      worker = createInboxWorker({ pollMs: 50 });
    }
    const [counts] = await server.database.driver.query<{ events: number; groups: number; records: number }>(
      `SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM groups) AS groups,
              (SELECT count(*)::int FROM grouping_records) AS records`,
    );
    process.stdout.write(`stored: ${counts!.events} events, ${counts!.groups} issues, ${counts!.records} records\n`);
  } finally {
    setIngestMode(undefined);
    await worker.stop();
    await server.close();
  }
}
