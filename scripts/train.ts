// `npm run train [-- --seed 7 --epochs 2 --scale 1 --labels expert.jsonl --label-events events.jsonl.gz --out models]`
// Writes models/v1 (untrained lexical baseline) and models/v2 (trained encoder), calibrates both thresholds on
// the validation split, and evaluates on the held-out test split (apps and seeds never seen in training).
//
// On the corpus of real executions (corpus/README.md):
// `npm run train -- --events corpus/data/train/events.jsonl.gz --pairs corpus/data/train/pairs.jsonl.gz
//    [--dev-events corpus/data/dev/events.jsonl.gz --dev-pairs corpus/data/dev/pairs.jsonl.gz] [--synthetic 0.25] [--epochs 4] [--bag-dim 128] [--hidden 256]
//    [--position-decay 0.6] [--inner-prior 0.1]`
// trains v2 on pairs labeled by root cause within each training app (dense: many hard negatives per event) plus
// the train pair file, and chooses thresholds on the dev apps, which are never trained on: v2 the loosest keeping
// precision_GROUP ≥ 0.97 (per platform with enough pairs), v1 at precision 0.92 (production v1's 8% overgrouping).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { readTimeoutPair } from "@/server/training/synthetic";
import { LocalInferenceService, ModelRegistry } from "@/server/inference";
import { cosineDistance } from "@/engine/math/cosine";
import { OUTPUT_DIM, v1Config, v2Config, writeModel, writeV1, writeV2 } from "@/server/training/artifacts";
import { buildSplit, defaultSplits, eventText, mergePairSets } from "@/server/training/dataset";
import { calibrateThreshold, scorePairs } from "@/server/training/evaluate";
import { readEvents } from "@/server/training/events-file";
import { readLabeledPairs } from "@/server/training/labels";
import { MATRYOSHKA_DIMS } from "@/server/training/loss";
import { summarise, summariseBy } from "@/server/training/metrics";
import { formatReport, type EvaluationReport } from "@/server/training/report";
import { DEFAULT_TRAINER_OPTIONS } from "@/server/training/trainer";
import { trainV2WithProgress } from "./training/train-v2-with-progress";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "7" },
    epochs: { type: "string" },
    scale: { type: "string", default: "1" },
    labels: { type: "string" },
    "label-events": { type: "string" },
    out: { type: "string", default: process.env.MODELS_DIR ?? "models" },
    "export-test": { type: "string" },
    events: { type: "string" },
    pairs: { type: "string" },
    "dev-events": { type: "string", default: "corpus/data/dev/events.jsonl.gz" },
    "dev-pairs": { type: "string", default: "corpus/data/dev/pairs.jsonl.gz" },
    synthetic: { type: "string", default: "0" },
    "position-decay": { type: "string", default: "0.6" },
    "inner-prior": { type: "string", default: "0.1" },
    "bag-dim": { type: "string", default: "128" },
    hidden: { type: "string", default: "256" },
  },
});
if (values.events) {
  const { trainOnCorpus } = await import("./train-corpus");
  await trainOnCorpus({
    seed: Number(values.seed),
    // The committed v2 was trained 4 epochs on the corpus (2 gave recall at 95% precision 0.900 on the dev apps, 4 0.907).
    epochs: Number(values.epochs ?? 4),
    events: values.events,
    pairs: values.pairs,
    devEvents: values["dev-events"],
    devPairs: values["dev-pairs"],
    synthetic: Number(values.synthetic),
    positionDecay: Number(values["position-decay"]),
    innerPrior: Number(values["inner-prior"]),
    bagDim: Number(values["bag-dim"]),
    hidden: Number(values.hidden),
    out: path.resolve(values.out),
  });
  process.exit(0);
}
const seed = Number(values.seed);
const outDir = path.resolve(values.out);
const started = performance.now();
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

console.log(`Generating the synthetic corpus (seed ${seed}) …`);
const splits = defaultSplits(seed, Number(values.scale));
const train = buildSplit(splits.train);
const validation = buildSplit(splits.validation);
const test = buildSplit(splits.test);
if (values["export-test"]) {
  // The held-out split as `npm run eval` reads it: Sentry events (JSON lines, gzip) and labeled pairs.
  const dir = path.resolve(values["export-test"]);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "events.jsonl.gz"),
    gzipSync(test.events.map((e) => JSON.stringify(e.event)).join("\n")),
  );
  fs.writeFileSync(path.join(dir, "pairs.jsonl"), test.labeled.map((p) => JSON.stringify(p)).join("\n"));
  console.log(`Exported the held-out split to ${dir} (events.jsonl.gz, pairs.jsonl).`);
}
let trainSet = train.set;
if (values.labels) {
  const events = values["label-events"] ? await readEvents(values["label-events"]) : new Map<string, unknown>();
  const expert = await readLabeledPairs(values.labels, events, 2);
  console.log(
    `Expert labels: ${expert.set.pairs.length} pairs (weight 2)${expert.skipped ? `, ${expert.skipped} skipped (events not found or empty)` : ""}.`,
  );
  trainSet = mergePairSets([trainSet, expert.set]);
}
console.log(
  `train ${trainSet.pairs.length} pairs / ${trainSet.texts.length} texts; validation ${validation.set.pairs.length}; test ${test.set.pairs.length} (${seconds(started)} s)`,
);

writeV1(path.join(outDir, "v1"), seed);
const { params, seconds: trainSeconds } = trainV2WithProgress(
  trainSet,
  { bagDim: 64, hidden: 256 },
  { seed, epochs: Number(values.epochs ?? DEFAULT_TRAINER_OPTIONS.epochs) },
);
writeV2(path.join(outDir, "v2"), params);

const service = new LocalInferenceService(new ModelRegistry(outDir), { device: "cpu" });
const allDims = MATRYOSHKA_DIMS.map((m) => m.dim).sort((a, b) => a - b);
const targets = { v1: 0.9, v2: 0.95 } as const;
const report: EvaluationReport = { models: {} };
const thresholds: Record<string, Record<string, number>> = {};
for (const model of ["v1", "v2"] as const) {
  const val = await scorePairs(service, model, validation.set, OUTPUT_DIM, allDims);
  const held = await scorePairs(service, model, test.set, OUTPUT_DIM, allDims);
  thresholds[model] = Object.fromEntries(
    allDims.map((d) => [String(d), calibrateThreshold(val.get(d) ?? [], targets[model])]),
  );
  report.models[model] = {
    dims: Object.fromEntries(
      allDims.map((d) => {
        const t = thresholds[model]?.[String(d)] ?? 0;
        const pairs = held.get(d) ?? [];
        return [String(d), { ...summarise(pairs, t), platforms: summariseBy(pairs, t, "platform") }];
      }),
    ),
  };
}
const t1 = thresholds.v1 ?? {};
const t2 = thresholds.v2 ?? {};
writeModel(path.join(outDir, "v1"), undefined, v1Config(t1["768"] ?? 0.01, t1));
writeModel(path.join(outDir, "v2"), undefined, v2Config(t2["64"] ?? 0.1, t2));

const { a, b } = readTimeoutPair();
const texts = [eventText(a), eventText(b)];
const [v1a, v1b] = await service.embed("v1", texts, { dims: 768 });
const [v2a, v2b] = await service.embed("v2", texts, { dims: 64 });
const readTimeout = {
  v1: { distance: cosineDistance(v1a ?? [], v1b ?? []), threshold: t1["768"] ?? 0 },
  v2: { distance: cosineDistance(v2a ?? [], v2b ?? []), threshold: t2["64"] ?? 0 },
};
const table = formatReport(report);
console.log(`\nHeld-out test split (seed ${splits.test.seed}, ${splits.test.apps} unseen apps):\n${table}`);
for (const [m, r] of Object.entries(readTimeout)) {
  console.log(
    `ReadTimeoutError pair, ${m}: distance ${r.distance.toFixed(4)} vs threshold ${r.threshold.toFixed(4)} → ${r.distance <= r.threshold ? "merged" : "kept apart"}`,
  );
}
const summary = {
  seed,
  epochs: Number(values.epochs ?? DEFAULT_TRAINER_OPTIONS.epochs),
  trainingSeconds: Number(trainSeconds),
  totalSeconds: Number(seconds(started)),
  pairs: { train: trainSet.pairs.length, validation: validation.set.pairs.length, test: test.set.pairs.length },
  thresholds,
  readTimeout,
  test: report,
};
fs.writeFileSync(path.join(outDir, "v2", "evaluation.json"), `${JSON.stringify(summary, null, 2)}\n`);
fs.writeFileSync(
  path.join(outDir, "v2", "evaluation.md"),
  `# Offline evaluation (written by \`npm run train -- --seed ${seed}\`)\n\nHeld-out synthetic test split: seed \`${splits.test.seed}\`, ${splits.test.apps} apps not used in training; ` +
    `thresholds calibrated on the validation split (v1 at precision 0.90, v2 at 0.95). Training took ${trainSeconds} s.\n\n\`\`\`\n${table}\n\`\`\`\n\n` +
    `ReadTimeoutError pair (fingerprinting issue): v1 distance ${readTimeout.v1.distance.toFixed(4)} (threshold ${readTimeout.v1.threshold.toFixed(4)}), ` +
    `v2 distance at 64 dims ${readTimeout.v2.distance.toFixed(4)} (threshold ${readTimeout.v2.threshold.toFixed(4)}).\n`,
);
console.log(
  `\nWrote ${path.relative(process.cwd(), outDir)}/v1 and v2 (model.onnx, config.json, v2/evaluation.*) in ${seconds(started)} s.`,
);
