import "server-only";
import { buildEmbeddingText } from "@/engine/embedding-text";
import { parseEvent } from "@/engine/event/schema";
import {
  EVALUATION_MIX,
  TRAINING_MIX,
  generateCorpus,
  samplePairs,
  type LabeledPair,
  type PairKind,
  type SyntheticEvent,
  type SyntheticPlatform,
} from "@/server/training/synthetic";

/** Pairs over a list of distinct texts (each text embedded once per batch, however many pairs use it). */
export interface TextPair {
  a: number;
  b: number;
  group: boolean;
  weight: number;
  platform: string;
  project: string;
  kind: string;
}

export interface PairSet {
  texts: string[];
  pairs: TextPair[];
}

/** The embedding text of a Sentry event payload, as the grouping service would embed it ("" when none). */
export function eventText(payload: unknown): string {
  const parsed = parseEvent(payload);
  return parsed.ok ? buildEmbeddingText(parsed.event) : "";
}

/** Builds a pair set from texts by event id and labeled pairs; pairs whose texts are missing or empty are dropped. */
export function toPairSet(textById: ReadonlyMap<string, string>, labeled: readonly LabeledPair[], weight = 1): PairSet {
  const index = new Map<string, number>();
  const texts: string[] = [];
  const at = (id: string): number | undefined => {
    const text = textById.get(id);
    if (!text) return undefined;
    let i = index.get(id);
    if (i === undefined) {
      i = texts.push(text) - 1;
      index.set(id, i);
    }
    return i;
  };
  const pairs: TextPair[] = [];
  for (const pair of labeled) {
    const a = at(pair.query);
    const b = at(pair.candidate);
    if (a === undefined || b === undefined) continue;
    pairs.push({
      a,
      b,
      group: pair.label === "GROUP",
      weight,
      platform: pair.platform,
      project: pair.project,
      kind: pair.kind,
    });
  }
  return { texts, pairs };
}

export function mergePairSets(sets: readonly PairSet[]): PairSet {
  const texts: string[] = [];
  const pairs: TextPair[] = [];
  for (const set of sets) {
    const offset = texts.length;
    texts.push(...set.texts);
    for (const pair of set.pairs) pairs.push({ ...pair, a: pair.a + offset, b: pair.b + offset });
  }
  return { texts, pairs };
}

export interface SplitSpec {
  seed: string;
  apps: number;
  firstApp: number;
  pairsPerApp: number;
  mix: Record<PairKind, number>;
  platforms?: readonly SyntheticPlatform[];
}

/** A held-out split: fewer pairs per app than training, with the evaluation mix of pair kinds. */
function evaluationSplit(seed: string, apps: number, firstApp: number): SplitSpec {
  return { seed, apps, firstApp, pairsPerApp: 80, mix: EVALUATION_MIX };
}

/** The three synthetic splits: separate seeds and app numbering, so validation and test apps are unseen. */
export function defaultSplits(seed: number, scale = 1): Record<"train" | "validation" | "test", SplitSpec> {
  return {
    train: { seed: `${seed}`, apps: Math.round(240 * scale), firstApp: 0, pairsPerApp: 160, mix: TRAINING_MIX },
    validation: evaluationSplit(`${seed}-validation`, Math.round(48 * scale), 10_000),
    test: evaluationSplit(`${seed}-test`, Math.round(96 * scale), 20_000),
  };
}

/** Generates a split's corpus, its labeled pairs, and their embedding texts. */
export function buildSplit(spec: SplitSpec): { set: PairSet; labeled: LabeledPair[]; events: SyntheticEvent[] } {
  const corpus = generateCorpus({
    seed: spec.seed,
    apps: spec.apps,
    firstApp: spec.firstApp,
    ...(spec.platforms ? { platforms: spec.platforms } : {}),
  });
  const labeled = samplePairs(corpus, { seed: spec.seed, perApp: spec.pairsPerApp, mix: spec.mix });
  const needed = new Set(labeled.flatMap((p) => [p.query, p.candidate]));
  const textById = new Map<string, string>();
  for (const e of corpus.events) if (needed.has(e.event.event_id)) textById.set(e.event.event_id, eventText(e.event));
  return {
    set: toPairSet(textById, labeled),
    labeled,
    events: corpus.events.filter((e) => needed.has(e.event.event_id)),
  };
}
