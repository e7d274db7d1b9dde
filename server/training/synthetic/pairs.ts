import type { Corpus } from "./corpus";
import { Rng } from "@/engine/math/random";
import type { LabeledPair, PairKind, SyntheticEvent } from "./types";

export interface PairOptions {
  seed: number | string;
  /** Share of pairs by kind; GROUP is "positive". Defaults mirror a review set sampled near the boundary. */
  mix?: Partial<Record<PairKind, number>>;
  /** Pairs drawn per app (before de-duplication). */
  perApp?: number;
}

/**
 * Evaluation mix, shaped like the production review set (58.75% GROUP): hard negatives (one or two in-app
 * frames apart) are a minority of the SEPARATE pairs; most are other code paths with the same exception.
 */
export const EVALUATION_MIX: Record<PairKind, number> = {
  positive: 0.58,
  "hard-negative": 0.1,
  "same-type-negative": 0.2,
  negative: 0.12,
};

/** Training mix: more hard negatives than production has, because they are what the model must learn. */
export const TRAINING_MIX: Record<PairKind, number> = {
  positive: 0.5,
  "hard-negative": 0.25,
  "same-type-negative": 0.15,
  negative: 0.1,
};

/**
 * What Sentry's app-variant fingerprint would see: exception type and the in-app frames (module or file,
 * function, and the source line on platforms where it counts). Two events with the same signature share a
 * fingerprint and are grouped before the AI step ever runs, so they make no evaluation or training pair.
 */
export function fingerprintSignature(event: SyntheticEvent): string {
  const withContext = ["javascript", "node", "python", "php", "ruby"].includes(event.platform);
  return event.event.exception.values
    .map((exception) =>
      [
        exception.type,
        ...exception.stacktrace.frames
          .filter((f) => f.in_app)
          .map(
            (f) =>
              `${f.module ?? f.filename}|${f.function}|${withContext ? (f.context_line ?? "").replace(/\s+/g, " ").trim() : ""}`,
          ),
      ].join("\n"),
    )
    .join("\n\n");
}

function typeOf(event: SyntheticEvent): string {
  return event.event.exception.values.at(-1)?.type ?? "";
}

/**
 * Labeled pairs within each project, like the production review sets: same root cause → GROUP; a sibling of
 * the same family (same exception, same outer path, one or two in-app frames apart) → hard SEPARATE; same
 * exception type but another code path → SEPARATE; any other root cause of the project → SEPARATE.
 */
export function samplePairs(corpus: Corpus, options: PairOptions): LabeledPair[] {
  const rng = new Rng(`pairs:${options.seed}`);
  const mix = { ...EVALUATION_MIX, ...options.mix };
  const kinds = Object.keys(mix) as PairKind[];
  const perApp = options.perApp ?? 60;
  const byApp = new Map<string, SyntheticEvent[]>();
  for (const event of corpus.events) byApp.set(event.app, [...(byApp.get(event.app) ?? []), event]);
  const pairs: LabeledPair[] = [];
  const seen = new Set<string>();
  for (const events of byApp.values()) {
    const signatures = new Map(events.map((e) => [e, fingerprintSignature(e)]));
    const byCause = new Map<string, SyntheticEvent[]>();
    for (const event of events) byCause.set(event.rootCauseId, [...(byCause.get(event.rootCauseId) ?? []), event]);
    const candidates: Record<PairKind, (a: SyntheticEvent) => SyntheticEvent[]> = {
      positive: (a) => (byCause.get(a.rootCauseId) ?? []).filter((b) => b !== a),
      "hard-negative": (a) => events.filter((b) => b.familyId === a.familyId && b.rootCauseId !== a.rootCauseId),
      "same-type-negative": (a) => events.filter((b) => b.familyId !== a.familyId && typeOf(b) === typeOf(a)),
      negative: (a) => events.filter((b) => b.rootCauseId !== a.rootCauseId),
    };
    for (let i = 0; i < perApp; i++) {
      let r = rng.next();
      const kind = kinds.find((k) => (r -= mix[k]) < 0) ?? "negative";
      const query = rng.pick(events);
      const signature = signatures.get(query);
      const options = candidates[kind](query).filter((b) => signatures.get(b) !== signature);
      if (options.length === 0) continue;
      const candidate = rng.pick(options);
      const key = [query.event.event_id, candidate.event.event_id].sort().join(":");
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push({
        query: query.event.event_id,
        candidate: candidate.event.event_id,
        label: kind === "positive" ? "GROUP" : "SEPARATE",
        kind,
        platform: query.platform,
        project: query.project,
      });
    }
  }
  return pairs;
}
