// v2 trained on the corpus of real executions, thresholds chosen on its dev apps (see scripts/train.ts).
import fs from "node:fs";
import path from "node:path";
import { LocalInferenceService, ModelRegistry } from "@/server/inference";
import { OUTPUT_DIM, v1Config, v2Config, writeModel, writeV1, writeV2 } from "@/server/training/artifacts";
import { scoreFrameJaccard } from "@/server/training/baselines";
import { corpusTexts, DEFAULT_DENSE_PAIRS, densePairs } from "@/server/training/corpus-pairs";
import { buildSplit, defaultSplits, mergePairSets, type PairSet } from "@/server/training/dataset";
import { calibrateThreshold, scorePairs } from "@/server/training/evaluate";
import { readEvents } from "@/server/training/events-file";
import { readLabeledPairs } from "@/server/training/labels";
import { MATRYOSHKA_DIMS } from "@/server/training/loss";
import {
  minimumPredictions,
  recallAtPrecision,
  summarise,
  summariseAtPlatformThresholds,
  summariseBy,
  type ScoredPair,
} from "@/server/training/metrics";
import { formatReport, type EvaluationReport } from "@/server/training/report";
import { trainV2WithProgress } from "./training/train-v2-with-progress";

export interface CorpusTrainingOptions {
  seed: number;
  epochs: number;
  events: string;
  pairs: string | undefined;
  devEvents: string;
  devPairs: string;
  /** Scale of the synthetic training split added as augmentation (0: none). */
  synthetic: number;
  positionDecay: number;
  /** Initial share of the chain's inner exceptions' slots (server/training/model.ts, SlotPriors.innerRole). */
  innerPrior: number;
  /** Width of the token embedding bag (its random projection's noise shrinks as 1/√bagDim) and of the MLP. */
  bagDim: number;
  hidden: number;
  out: string;
}

/** Precision targets on the dev split: v2 fears overgrouping (≤ 3%); v1 is set as production's v1 was (≈ 8%). */
const TARGET_PRECISION = { v1: 0.92, v2: 0.97 } as const;
/** A platform gets its own threshold when the dev split has at least this many of its pairs and GROUP pairs. */
const PLATFORM_MIN_PAIRS = 200;
const PLATFORM_MIN_GROUP = 50;

/**
 * Per-platform thresholds where a platform has enough dev pairs; others use the global threshold. A platform's own
 * threshold is the loosest keeping its precision on target, but no further than half the distance of its nearest
 * dev pair of different root causes (unless that is tighter than the global threshold): the dev split holds one app
 * per platform, and the loosest threshold of one app sits just below that app's nearest negative, which says little
 * about the next app. Chosen on leave-one-app-out folds of the training apps (corpus/README.md): the loosest alone
 * overgrouped 2 of 4 unseen apps by 12%; with the margin all four kept precision 1.000.
 */
function platformThresholds(pairs: readonly ScoredPair[], target: number, global: number): Record<string, number> {
  const out: Record<string, number> = {};
  const platforms = [...new Set(pairs.map((p) => p.platform ?? "unknown"))].sort();
  for (const platform of platforms) {
    const own = pairs.filter((p) => p.platform === platform);
    if (own.length < PLATFORM_MIN_PAIRS || own.filter((p) => p.group).length < PLATFORM_MIN_GROUP) continue;
    const { threshold } = recallAtPrecision(own, target, minimumPredictions(own));
    if (threshold < 0) continue;
    const nearestNegative = Math.min(...own.filter((p) => !p.group).map((p) => p.distance));
    const margin = Math.max(global, nearestNegative / 2);
    out[platform] = Number(Math.min(threshold, margin).toFixed(5));
  }
  return out;
}

export async function trainOnCorpus(o: CorpusTrainingOptions): Promise<void> {
  const started = performance.now();
  const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
  const trainEvents = await readEvents(o.events);
  const items = corpusTexts(trainEvents);
  const sets: PairSet[] = [densePairs(items, { seed: o.seed, ...DEFAULT_DENSE_PAIRS })];
  if (o.pairs) sets.push((await readLabeledPairs(o.pairs, trainEvents)).set);
  if (o.synthetic > 0) {
    const synthetic = buildSplit(defaultSplits(o.seed, o.synthetic).train).set;
    sets.push({ texts: synthetic.texts, pairs: synthetic.pairs.map((p) => ({ ...p, weight: 0.5 })) });
  }
  const trainSet = mergePairSets(sets);
  const devEvents = await readEvents(o.devEvents);
  const dev = (await readLabeledPairs(o.devPairs, devEvents)).set;
  console.log(
    `train: ${items.length} corpus events, ${trainSet.pairs.length} pairs (${trainSet.pairs.filter((p) => p.group).length} GROUP)${o.synthetic > 0 ? `, synthetic scale ${o.synthetic}` : ""}; dev: ${devEvents.size} events, ${dev.pairs.length} pairs`,
  );

  writeV1(path.join(o.out, "v1"), o.seed);
  // Token embeddings stay at their random initialisation (a hashed random projection): the dev apps' identifiers
  // are never seen in training, so what must generalise is how tokens are weighted (slots, token scales) and the MLP.
  const { params, seconds: trainingTime } = trainV2WithProgress(
    trainSet,
    { bagDim: o.bagDim, hidden: o.hidden },
    {
      seed: o.seed,
      epochs: o.epochs,
      trainEmbeddings: false,
      positionDecay: o.positionDecay,
      innerRolePrior: o.innerPrior,
    },
  );
  const trainSeconds = Number(trainingTime);
  writeV2(path.join(o.out, "v2"), params);

  const service = new LocalInferenceService(new ModelRegistry(o.out), { device: "cpu" });
  const allDims = MATRYOSHKA_DIMS.map((m) => m.dim).sort((a, b) => a - b);
  const report: EvaluationReport = { models: {} };
  const calibrated: Record<string, { thresholds: Record<string, number>; platformThresholds: Record<string, number> }> =
    {};
  for (const model of ["v1", "v2"] as const) {
    const scored = await scorePairs(service, model, dev, OUTPUT_DIM, allDims);
    const stored = model === "v1" ? OUTPUT_DIM : 64;
    const thresholds = Object.fromEntries(
      allDims.map((d) => [String(d), calibrateThreshold(scored.get(d) ?? [], TARGET_PRECISION[model])]),
    );
    const perPlatform =
      model === "v2"
        ? platformThresholds(scored.get(stored) ?? [], TARGET_PRECISION[model], thresholds[String(stored)] ?? 0)
        : {};
    calibrated[model] = { thresholds, platformThresholds: perPlatform };
    report.models[model] = {
      dims: Object.fromEntries(
        allDims.map((d) => {
          const t = thresholds[String(d)] ?? 0;
          const pairs = scored.get(d) ?? [];
          const own = d === stored ? perPlatform : {};
          return [
            String(d),
            { ...summariseAtPlatformThresholds(pairs, t, own), platforms: summariseBy(pairs, t, "platform", own) },
          ];
        }),
      ),
    };
  }
  const jaccard = scoreFrameJaccard(dev);
  report.models["jaccard"] = {
    dims: { frames: { ...summarise(jaccard, 0), platforms: summariseBy(jaccard, 0, "platform") } },
  };
  const v1 = calibrated.v1 as (typeof calibrated)[string];
  const v2 = calibrated.v2 as (typeof calibrated)[string];
  writeModel(path.join(o.out, "v1"), undefined, v1Config(v1.thresholds["768"] ?? 0.01, v1.thresholds));
  writeModel(
    path.join(o.out, "v2"),
    undefined,
    v2Config(v2.thresholds["64"] ?? 0.01, v2.thresholds, v2.platformThresholds),
  );

  const table = formatReport(report);
  console.log(`\nDev split (apps never trained on; thresholds chosen here):\n${table}`);
  const summary = {
    data: "corpus",
    seed: o.seed,
    epochs: o.epochs,
    positionDecay: o.positionDecay,
    synthetic: o.synthetic,
    trainingSeconds: trainSeconds,
    totalSeconds: Number(seconds(started)),
    pairs: { train: trainSet.pairs.length, dev: dev.pairs.length },
    thresholds: Object.fromEntries(Object.entries(calibrated).map(([m, c]) => [m, c.thresholds])),
    platformThresholds: Object.fromEntries(Object.entries(calibrated).map(([m, c]) => [m, c.platformThresholds])),
    dev: report,
  };
  fs.writeFileSync(path.join(o.out, "v2", "evaluation.json"), `${JSON.stringify(summary, null, 2)}\n`);
  fs.writeFileSync(
    path.join(o.out, "v2", "evaluation.md"),
    `# Offline evaluation (written by \`npm run train -- --events ${o.events}${o.pairs ? ` --pairs ${o.pairs}` : ""} --seed ${o.seed} --epochs ${o.epochs} --bag-dim ${o.bagDim} --hidden ${o.hidden}${o.synthetic ? ` --synthetic ${o.synthetic}` : ""}\`)\n\n` +
      `Dev split of the corpus of real executions (\`${o.devEvents}\`, \`${o.devPairs}\`): apps never trained on. ` +
      `Thresholds chosen on it: v2 the loosest keeping precision_GROUP ≥ 0.97 (per platform with ≥ ${PLATFORM_MIN_PAIRS} pairs, no further than half its nearest ` +
      `different-root-cause pair unless that is below the global threshold), ` +
      `v1 at precision 0.92. At the stored dimension each platform is decided at its own threshold. ` +
      `Training took ${trainSeconds} s.\n\n\`\`\`\n${table}\n\`\`\`\n`,
  );
  console.log(
    `\nWrote ${path.relative(process.cwd(), o.out)}/v1 and v2 (model.onnx, config.json, v2/evaluation.*) in ${seconds(started)} s (training ${trainSeconds} s).`,
  );
}
