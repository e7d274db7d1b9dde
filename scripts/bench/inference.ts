// `npm run bench -- inference [--seconds 5] [--callers 32] [--model v2]`: texts/s and latency of the
// in-process InferenceService on CPU with 32 concurrent callers, with and without dynamic batching.
import { generateCorpus } from "@/server/training/synthetic";
import { LocalInferenceService, ModelRegistry } from "@/server/inference";
import { env } from "@/server/env";
import { eventText } from "@/server/training/dataset";
import { benchOptions } from "./lib/options";

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

/** One round: `callers` concurrent loops, one text per call, for `seconds`. */
async function round(
  service: LocalInferenceService,
  model: string,
  texts: string[],
  callers: number,
  seconds: number,
  into: number[],
): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      while (performance.now() < deadline) {
        const text = texts[(caller * 7919 + next++) % texts.length] as string;
        const t0 = performance.now();
        await service.embed(model, [text]);
        into.push(performance.now() - t0);
      }
    }),
  );
  return (performance.now() - start) / 1000;
}

function summarise(label: string, latencies: number[], seconds: number): Result {
  latencies.sort((a, b) => a - b);
  return { label, texts: latencies.length, seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

export async function run(args: string[]): Promise<void> {
  const { seconds, callers, model } = benchOptions(args, { seconds: 5, callers: 32, model: "v2" });
  const corpus = generateCorpus({ seed: "bench", apps: 16 });
  const texts = corpus.events.map((e) => eventText(e.event)).filter(Boolean);
  const registry = new ModelRegistry(env().MODELS_DIR);
  console.log(`model ${model}, ${callers} concurrent callers, one text per call, ${seconds} s each, CPU`);
  // The two modes alternate in short rounds, so load from anything else on the machine hits both alike.
  const modes = [
    {
      label: "no batching",
      service: new LocalInferenceService(registry, { device: "cpu", maxBatch: 1 }),
      latencies: [] as number[],
      seconds: 0,
    },
    {
      label: "dynamic batching",
      service: new LocalInferenceService(registry, { device: "cpu", maxBatch: 64, maxWaitMs: 2 }),
      latencies: [] as number[],
      seconds: 0,
    },
  ];
  for (const mode of modes) await mode.service.embed(model, texts.slice(0, 64)); // load and warm up
  const rounds = Math.max(1, Math.round(seconds));
  for (let r = 0; r < rounds; r++) {
    for (const mode of modes)
      mode.seconds += await round(mode.service, model, texts, callers, seconds / rounds, mode.latencies);
  }
  const results = modes.map((m) => summarise(m.label, m.latencies, m.seconds));
  for (const r of results) {
    console.log(
      `${r.label.padEnd(17)} ${(r.texts / r.seconds).toFixed(0).padStart(7)} texts/s   p50 ${r.p50.toFixed(2).padStart(7)} ms   p99 ${r.p99.toFixed(2).padStart(7)} ms`,
    );
  }
  const [off, on] = results as [Result, Result];
  console.log(`throughput ratio (batching / none): ${(on.texts / on.seconds / (off.texts / off.seconds)).toFixed(2)}×`);
}
