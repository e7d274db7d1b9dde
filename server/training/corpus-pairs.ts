import "server-only";
import { Rng } from "@/engine/math/random";
import { parseEmbeddingText } from "../inference/tokenizers/embedding-text-parser";
import { eventText, type PairSet, type TextPair } from "./dataset";

/** A corpus event's embedding text and its label by construction (corpus/README.md's sidecar). */
export interface CorpusText {
  text: string;
  rootCause: string;
  project: string;
  platform: string;
}

/** Corpus events (with their `corpus` sidecar) that have an embedding text; others are skipped. */
export function corpusTexts(events: ReadonlyMap<string, unknown>): CorpusText[] {
  const out: CorpusText[] = [];
  for (const payload of events.values()) {
    const event = payload as { platform?: unknown; corpus?: { app?: unknown; root_cause?: unknown } };
    const rootCause = event.corpus?.root_cause;
    const project = event.corpus?.app;
    if (typeof rootCause !== "string" || typeof project !== "string") continue;
    const text = eventText(payload);
    if (!text) continue;
    out.push({ text, rootCause, project, platform: typeof event.platform === "string" ? event.platform : "unknown" });
  }
  return out;
}

function signature(text: string): string {
  return parseEmbeddingText(text)
    .map((b) => b.type)
    .join(">");
}

export interface DensePairOptions {
  seed: number;
  /** Positives per event (other events of its root cause). */
  positives: number;
  /** Negatives per event with the same chain of exception types (the hard ones), then others. */
  hardNegatives: number;
  easyNegatives: number;
}

export const DEFAULT_DENSE_PAIRS: Omit<DensePairOptions, "seed"> = { positives: 6, hardNegatives: 6, easyNegatives: 2 };

/**
 * Pairs labeled by construction within each project: GROUP iff same root cause. The corpus's own pair files
 * hold about four pairs per event; sampling more per event (most negatives sharing the exception types, as
 * the families of near-identical root causes do) gives the trainer many more hard negatives from the same events.
 */
export function densePairs(items: readonly CorpusText[], options: DensePairOptions): PairSet {
  const rng = new Rng(`dense-pairs:${options.seed}`);
  const texts = items.map((i) => i.text);
  const signatures = texts.map(signature);
  const byProject = new Map<string, number[]>();
  items.forEach((item, i) => byProject.set(item.project, [...(byProject.get(item.project) ?? []), i]));
  const seen = new Set<string>();
  const pairs: TextPair[] = [];
  const add = (a: number, b: number, kind: string) => {
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    const item = items[a] as CorpusText;
    const group = item.rootCause === (items[b] as CorpusText).rootCause;
    pairs.push({ a, b, group, weight: 1, platform: item.platform, project: item.project, kind });
  };
  for (const members of byProject.values()) {
    for (const a of members) {
      const rc = (items[a] as CorpusText).rootCause;
      const same = members.filter((b) => b !== a && (items[b] as CorpusText).rootCause === rc);
      const other = members.filter((b) => (items[b] as CorpusText).rootCause !== rc);
      const hard = other.filter((b) => signatures[b] === signatures[a]);
      const easy = other.filter((b) => signatures[b] !== signatures[a]);
      for (const b of rng.sample(same, options.positives)) add(a, b, "pos");
      for (const b of rng.sample(hard, options.hardNegatives)) add(a, b, "hard_neg");
      for (const b of rng.sample(easy.length ? easy : other, options.easyNegatives)) add(a, b, "easy_neg");
    }
  }
  return { texts, pairs };
}
