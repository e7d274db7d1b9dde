// `npm run bench -- inference [--seconds 5] [--callers 32] [--model v2]`: texts/s and latency of the
// in-process InferenceService on CPU with 32 concurrent callers, with and without dynamic batching.
import { parseArgs } from "node:util";
import { generateCorpus } from "@/lib/synthetic";
import { LocalInferenceService, ModelRegistry } from "@/server/inference";
import { env } from "@/server/env";
import { eventText } from "@/server/training/dataset";

interface Result {
  label: string;
  texts: number;
  seconds: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function measure(label: string, service: LocalInferenceService, model: string, texts: string[], callers: number, seconds: number): Promise<Result> {
  await service.embed(model, texts.slice(0, 8)); // load the session and warm up
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < deadline) {
        const text = texts[next++ % texts.length] as string;
        const t0 = performance.now();
        await service.embed(model, [text]);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { label, texts: latencies.length, seconds: elapsed, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { seconds: { type: "string", default: "5" }, callers: { type: "string", default: "32" }, model: { type: "string", default: "v2" } },
  });
  const seconds = Number(values.seconds);
  const callers = Number(values.callers);
  const corpus = generateCorpus({ seed: "bench", apps: 16 });
  const texts = corpus.events.map((e) => eventText(e.event)).filter(Boolean);
  const registry = new ModelRegistry(env().MODELS_DIR);
  console.log(`model ${values.model}, ${callers} concurrent callers, one text per call, ${seconds} s each, CPU`);
  const results: Result[] = [];
  for (const [label, maxBatch] of [["no batching", 1], ["dynamic batching", 64]] as const) {
    const service = new LocalInferenceService(registry, { device: "cpu", maxBatch, maxWaitMs: 2 });
    results.push(await measure(label, service, values.model, texts, callers, seconds));
  }
  for (const r of results) {
    console.log(`${r.label.padEnd(17)} ${(r.texts / r.seconds).toFixed(0).padStart(7)} texts/s   p50 ${r.p50.toFixed(2).padStart(7)} ms   p99 ${r.p99.toFixed(2).padStart(7)} ms`);
  }
  const [off, on] = results as [Result, Result];
  console.log(`throughput ratio (batching / none): ${(on.texts / on.seconds / (off.texts / off.seconds)).toFixed(2)}×`);
}
