// `npm run eval -- --events E.jsonl[.gz] --pairs P.jsonl [--models v1,v2] [--dims 64,768] [--json]`
// `npm run eval -- --end-to-end --events E.jsonl[.gz] [--models v1,v2] [--json]` (see scripts/eval/end-to-end.ts)
// `npm run eval -- --leave-one-app-out [--apps a,b] [--epochs 2] [--inner-prior P]` (see scripts/eval/leave-one-app-out.ts)
// Offline evaluation of the registered models on labeled pairs of Sentry events: per model and dimension,
// precision and recall of GROUP at the model's threshold (each platform at its own where the model has one), recall
// at 95% precision, ROC AUC, AUC of hard positives vs hard negatives (pairs with a `kind`), and per platform; then
// the same for a frame-set Jaccard baseline (threshold 0: identical frame sets merge).
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { getInferenceService, modelRegistry } from "@/server/inference";
import { scorePairs } from "@/server/training/evaluate";
import { readEvents } from "@/server/training/events-file";
import { readLabeledPairs } from "@/server/training/labels";
import { scoreFrameJaccard } from "@/server/training/baselines";
import { summarise, summariseAtPlatformThresholds, summariseBy } from "@/server/training/metrics";
import { compactReport, formatReport, type EvaluationReport } from "@/server/training/report";

const { values } = parseArgs({
  options: {
    events: { type: "string" },
    pairs: { type: "string" },
    models: { type: "string" },
    dims: { type: "string", default: "64,768" },
    json: { type: "boolean", default: false },
    "end-to-end": { type: "boolean", default: false },
    "leave-one-app-out": { type: "boolean", default: false },
    apps: { type: "string" },
    epochs: { type: "string", default: "2" },
    "inner-prior": { type: "string" },
    work: { type: "string", default: ".data/folds" },
  },
});
if (values["leave-one-app-out"]) {
  const { leaveOneAppOut } = await import("./eval/leave-one-app-out");
  await leaveOneAppOut({
    apps: values.apps?.split(",").filter(Boolean),
    epochs: Number(values.epochs),
    work: values.work,
    innerPrior: values["inner-prior"],
  });
  process.exit(0);
}
if (!values.events || (!values.pairs && !values["end-to-end"])) {
  console.error(
    "usage: npm run eval -- --events E.jsonl[.gz] --pairs P.jsonl [--models v1,v2] [--dims 64,768] [--json]\n" +
      "       npm run eval -- --end-to-end --events E.jsonl[.gz] [--models v1,v2] [--json]\n" +
      "       npm run eval -- --leave-one-app-out [--apps a,b] [--epochs 2] [--work .data/folds]",
  );
  process.exit(2);
}
// --json prints exactly one JSON object on stdout; info logs (which go to stdout) would break parsing.
if ((values.json || values["end-to-end"]) && !process.env.LOG_LEVEL) process.env.LOG_LEVEL = "warn";
const log = (message: string) => (values.json ? process.stderr : process.stdout).write(`${message}\n`);
const models = values.models
  ? values.models
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean)
  : modelRegistry
      .list()
      .filter((e) => e.status !== "retired")
      .map((e) => e.version);
const dims = values.dims
  .split(",")
  .map(Number)
  .filter((d) => Number.isInteger(d) && d > 0);

if (values["end-to-end"]) {
  const { evaluateEndToEnd } = await import("./eval/end-to-end");
  await evaluateEndToEnd(values.events, models, values.json);
  process.exit(0);
}
const events = await readEvents(values.events);
const { set, skipped } = await readLabeledPairs(values.pairs!, events);
log(
  `${events.size} events, ${set.pairs.length} pairs (${set.pairs.filter((p) => p.group).length} GROUP)${skipped ? `, ${skipped} skipped (event missing or without a stacktrace)` : ""}`,
);
if (set.pairs.length === 0) {
  console.error("No pair could be evaluated.");
  process.exit(1);
}

const service = getInferenceService();
const report: EvaluationReport = { models: {} };
for (const model of models) {
  const entry = modelRegistry.require(model);
  const usable = dims.filter((d) => d <= entry.dimensionProduced);
  const bar = new cliProgress.SingleBar(
    { format: `embedding with ${model} [{bar}] {value}/{total} texts`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(set.texts.length, 0);
  const scored = await scorePairs(service, model, set, entry.dimensionProduced, usable, (done) => bar.update(done));
  bar.stop();
  report.models[model] = {
    dims: Object.fromEntries(
      usable.map((d) => {
        const threshold = entry.thresholds[String(d)] ?? entry.threshold;
        const pairs = scored.get(d) ?? [];
        // Per-platform thresholds are calibrated at the stored dimension, the one the service searches.
        const perPlatform = d === entry.dimensionStored ? entry.platformThresholds : {};
        return [
          String(d),
          {
            ...summariseAtPlatformThresholds(pairs, threshold, perPlatform),
            platforms: summariseBy(pairs, threshold, "platform", perPlatform),
          },
        ];
      }),
    ),
  };
}
const jaccard = scoreFrameJaccard(set);
report.models["jaccard"] = {
  dims: { frames: { ...summarise(jaccard, 0), platforms: summariseBy(jaccard, 0, "platform") } },
};
if (values.json) console.log(JSON.stringify(compactReport(report)));
else console.log(formatReport(report));
