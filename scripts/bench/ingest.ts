/**
 * `npm run bench -- ingest [--duration S] [--clients 1,16,64] [--models fixture]`: events through the real store
 * endpoint (`POST /api/<id>/store/`, the app's route handlers on a loopback port over a fresh embedded database), at
 * each client count: known-fingerprint events (the issue exists) and new traces (the AI step: the project's model and
 * the shadow). Prints events/s and p50/p99 per run. `--models fixture` swaps the ONNX models for the test ones, to
 * tell the database's share from inference's.
 */
import { randomUUID } from "node:crypto";
import { closedLoop, formatResult, installModelsOption, startBenchServer } from "./lib/in-process-server";
import { pythonErrorPayload } from "../../server/testing/events";
import { benchOptions } from "./lib/options";

function event(kind: "known" | "new", i: number) {
  return pythonErrorPayload({
    id: randomUUID().replaceAll("-", ""),
    type: kind === "known" ? "ValueError" : `Error${i}`,
    value: kind === "known" ? "bad input" : `failure number ${i}`,
    functions: ["main", "handle", kind === "known" ? "sync" : `step${i}`],
  });
}

export async function run(args: string[]): Promise<void> {
  const { duration, clients, models } = benchOptions(args, { duration: 3, clients: "1,16,64", models: null });
  const durationMs = duration * 1000;
  const clientCounts = clients.split(",").map(Number);
  await installModelsOption(models);
  const server = await startBenchServer();
  try {
    const project = await server.database.prisma.project.create({
      data: { id: 1, slug: "bench", name: "Bench", platform: "python" },
    });
    const headers = {
      "content-type": "application/json",
      "x-sentry-auth": `Sentry sentry_key=${project.publicKey}, sentry_version=7, sentry_client=bench/1.0`,
    };
    let offset = 0;
    const send = (kind: "known" | "new") => async (i: number) => {
      const response = await fetch(`${server.url}/api/${project.id}/store/`, {
        method: "POST",
        headers,
        body: JSON.stringify(event(kind, offset + i)),
      });
      await response.arrayBuffer();
      return response.status === 200;
    };
    // Warm-up: the issue of the known fingerprint, the models loaded, the statements planned once.
    for (let i = 0; i < 5; i += 1) {
      await send("known")(i);
      await send("new")(1_000_000 + i);
    }
    process.stdout.write(`POST /api/<id>/store/, ${durationMs / 1000} s per run\n`);
    for (const kind of ["known", "new"] as const) {
      for (const clients of clientCounts) {
        const result = await closedLoop(clients, durationMs, send(kind));
        offset += result.requests + 10_000;
        process.stdout.write(
          `${formatResult(kind === "known" ? "known fingerprint" : "new trace (AI step)", result)}\n`,
        );
      }
    }
    const [counts] = await server.database.driver.query<{ events: number; groups: number; records: number }>(
      `SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM groups) AS groups,
              (SELECT count(*)::int FROM grouping_records) AS records`,
    );
    process.stdout.write(`stored: ${counts!.events} events, ${counts!.groups} issues, ${counts!.records} records\n`);
  } finally {
    await server.close();
  }
}
