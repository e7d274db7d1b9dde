import "server-only";
import { parseEmbeddingText } from "../inference/tokenizers/embedding-text-parser";
import type { PairSet } from "./dataset";
import type { ScoredPair } from "./metrics";

function frameSet(text: string): Set<string> {
  return new Set(parseEmbeddingText(text).flatMap((b) => b.frames.map((f) => `${f.file}\u0000${f.function}`)));
}

/** Jaccard similarity of the two traces' sets of (file, function) frames: the baseline the corpus's hard pairs defeat. */
export function frameJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const frame of a) if (b.has(frame)) shared++;
  const union = a.size + b.size - shared;
  return union ? shared / union : 1;
}

/** The pairs scored by 1 − frame-set Jaccard (a distance, like the models'). */
export function scoreFrameJaccard(set: PairSet): ScoredPair[] {
  const frames = set.texts.map(frameSet);
  return set.pairs.map((pair) => ({
    distance: 1 - frameJaccard(frames[pair.a] as Set<string>, frames[pair.b] as Set<string>),
    group: pair.group,
    platform: pair.platform,
    project: pair.project,
    kind: pair.kind,
  }));
}
