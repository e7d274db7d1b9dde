/**
 * `npm run bench -- grouping [--records N] [--duration S] [--clients C] [--model v1|v2] [--models fixture]`: the
 * similar-issues API (`POST /api/v0/issues/similar-issues`, over HTTP to the app's route handlers on a fresh embedded
 * database holding N records) at C clients, with the coalescing of concurrent calls on and then off in the same run,
 * printed side by side with their ratio. Half the requests are near duplicates of indexed traces (lookups), half
 * new traces (lookup, then insert).
 */
import { signatureHeader } from "../../server/http/rpc-signature";
import { closedLoop, installModelsOption, startBenchServer } from "./lib/in-process-server";
import { formatResult } from "./lib/latencies";
import { benchOptions } from "./lib/options";

const trace = (i: number, variant = "") =>
  `KeyError${i % 997}: missing key ${i}${variant}\n  File "app/module${i}.py", line ${i % 50}, in handler${i}\n` +
  `  File "app/views${i % 13}.py", line 12, in dispatch\n  File "lib/core${i % 7}.py", line 3, in run`;

export async function run(args: string[]): Promise<void> {
  const { records, duration, clients, model, models } = benchOptions(args, {
    records: 2000,
    duration: 4,
    clients: 16,
    model: "v2",
    models: null,
  });
  const durationMs = duration * 1000;
  await installModelsOption(models);
  const { configureCoalescing, coalescingStats } = await import("../../server/grouping/coalescing");
  const server = await startBenchServer();
  const secret = process.env.GROUPING_API_SECRET!;
  const post = async (route: string, body: unknown) => {
    const text = JSON.stringify(body);
    const response = await fetch(`${server.url}${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: signatureHeader(text, secret) },
      body: text,
    });
    await response.arrayBuffer();
    return response.status === 200;
  };
  try {
    process.stdout.write(`indexing ${records} records (model ${model})…\n`);
    for (let start = 0; start < records; start += 100) {
      const ids = Array.from({ length: Math.min(100, records - start) }, (_, j) => start + j);
      await post("/api/v0/issues/similar-issues/grouping-record", {
        model,
        threshold: 0.0001,
        data: ids.map((i) => ({ group_id: i + 1, hash: `seed-${i}`, project_id: 1 })),
        stacktrace_list: ids.map((i) => trace(i)),
      });
    }
    let offset = 0;
    const send = async (i: number) => {
      const n = offset + i;
      const near = n % 2 === 0;
      return post("/api/v0/issues/similar-issues", {
        project_id: 1,
        hash: `q-${n}`,
        stacktrace: near ? trace(n % records, " (again)") : trace(records + n),
        model,
        k: 1,
      });
    };
    process.stdout.write(`POST /api/v0/issues/similar-issues, ${clients} clients, ${durationMs / 1000} s per run\n`);
    // Warm-up of both paths (statements planned, models and JIT warm), not measured.
    for (const enabled of [true, false]) {
      configureCoalescing({ enabled });
      offset += (await closedLoop(clients, 1000, send)).requests + 100_000;
    }
    const results = [];
    for (const enabled of [true, false]) {
      configureCoalescing({ enabled });
      const result = await closedLoop(clients, durationMs, send);
      offset += result.requests + 100_000;
      results.push(result);
      const stats = coalescingStats();
      const detail = enabled
        ? `  (${stats.search.items} lookups in ${stats.search.batches} statements, ${stats.write.items} writes in ${stats.write.batches} transactions)`
        : "";
      process.stdout.write(`${formatResult(enabled ? "coalesced" : "one by one", result)}${detail}\n`);
    }
    configureCoalescing({ enabled: true });
    process.stdout.write(
      `ratio coalesced / one by one: ${(results[0]!.perSecond / results[1]!.perSecond).toFixed(2)}×\n`,
    );
  } finally {
    await server.close();
  }
}
