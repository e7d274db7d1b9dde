import "server-only";
import { parseEvent } from "@/engine/event/schema";
import { fnv1a } from "@/engine/math/fnv1a";
import { demoCorpus, type SyntheticEvent } from "@/server/training/synthetic";
import type { Database } from "../db/client";
import { ingestBatch } from "../ingest/batch";
import { ingestEvent, prepareEvent } from "../ingest/pipeline";
import { builtinLabeler } from "../labeling/builtin-labeler";
import { runLabeler } from "../labeling/run";
import { GROUND_TRUTH_LABELER, labelMergeSampleFromGroundTruth } from "../overgrouping/demo-labels";
import { seedReviewQueues } from "../review/refill";

/**
 * The demo dataset: a seeded synthetic corpus (several apps on different platforms, root causes reached through
 * different paths, hard negatives), sent through the real ingest pipeline in batches, as the inbox worker sends SDK
 * events — fingerprinting, the AI step with shadow decisions — never written as rows. Some projects are on v2 so that both models decide.
 */
export interface DemoOptions {
  seed?: string;
  apps?: number;
  eventsPerRootCause?: [number, number];
  /** Project ids whose grouping model is v2. */
  v2Projects?: number[];
  now?: Date;
  /** Events grouped together (ingest/batch.ts), as the inbox worker does; 1: one by one through the per-event pipeline. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Label the random merge sample (default true): with the corpus's ground truth as a simulated expert and with the
   * built-in automated labeler, so that the Overgrouping and Agreement pages answer on first open.
   */
  label?: boolean;
}

const DAY_MS = 86_400_000;

export interface DemoSummary {
  projects: number;
  events: number;
  /** Merge-sample pairs labeled by the simulated expert and by the built-in labeler (null: not labeled). */
  labels: { simulatedExpert: number; builtin: number } | null;
}

/** Labels the merge sample with the corpus's ground truth (a simulated expert) and with the built-in labeler. */
async function labelDemoMergeSample(events: readonly SyntheticEvent[]): Promise<DemoSummary["labels"]> {
  const truth = new Map(events.map((item) => [item.event.event_id, item.rootCauseId]));
  const expert = await labelMergeSampleFromGroundTruth(truth, GROUND_TRUTH_LABELER);
  const builtin = await runLabeler({ labeler: builtinLabeler, source: "merge_sample" });
  return { simulatedExpert: expert.labeled, builtin: builtin.labeled };
}

export { demoCorpus };

/** Loads the demo dataset when the database has no projects yet; returns what it loaded, or null. */
export async function seedDemoData(database: Database, options: DemoOptions = {}): Promise<DemoSummary | null> {
  const { prisma } = database;
  if ((await prisma.project.count()) > 0) return null;
  const corpus = demoCorpus(options);
  const v2Projects = new Set(options.v2Projects ?? [2, 5, 7]);
  const projectIds = new Map<string, number>();
  for (const [index, app] of corpus.apps.entries()) {
    const id = index + 1;
    projectIds.set(app.project, id);
    await prisma.project.create({ data: { id, slug: app.project, name: app.name, platform: app.platform } });
    if (v2Projects.has(id)) {
      await prisma.featureFlag.create({ data: { projectId: id, key: "grouping_model", value: "v2" } });
    }
  }

  // Arrival order mixes apps and root causes, over the last two weeks, as real traffic does.
  const now = options.now ?? new Date();
  const ordered = interleave(corpus.events);
  const span = 14 * DAY_MS;
  const batchSize = options.batchSize ?? 256;
  for (let start = 0; start < ordered.length; start += batchSize) {
    const batch = ordered.slice(start, start + batchSize).map((item, offset) => {
      const timestamp = (now.getTime() - span + (span * (start + offset)) / ordered.length) / 1000;
      const parsed = parseEvent({ ...item.event, timestamp });
      if (!parsed.ok)
        throw new Error(`synthetic event ${item.event.event_id} is invalid: ${parsed.issues[0]?.message}`);
      const project = { id: projectIds.get(item.project)!, publicKey: "", platform: item.platform };
      return { project, event: parsed.event, now: new Date(timestamp * 1000) };
    });
    if (batchSize === 1) await ingestEvent(batch[0]!.project, batch[0]!.event, { now: batch[0]!.now });
    else await ingestBatch(await Promise.all(batch.map((item) => prepareEvent(item.project, item.event, item.now))));
    options.onProgress?.(start + batch.length, ordered.length);
  }
  // The review queues (disagreements, near-threshold pairs, the merge sample) from the decisions just made.
  await seedReviewQueues();
  const labels = options.label === false ? null : await labelDemoMergeSample(corpus.events);
  return { projects: corpus.apps.length, events: ordered.length, labels };
}

/** A deterministic shuffle (by a hash of the event id), so that no app or root cause arrives in one block. */
function interleave(events: SyntheticEvent[]): SyntheticEvent[] {
  return [...events].sort((a, b) => fnv1a(a.event.event_id) - fnv1a(b.event.event_id));
}
