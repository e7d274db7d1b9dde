import "server-only";
import { parseEvent } from "@/engine/event/schema";
import { fnv1a } from "@/engine/math/fnv1a";
import { demoCorpus, type SyntheticEvent } from "@/server/training/synthetic";
import type { Database } from "../db/client";
import { ingestEvent } from "../ingest/pipeline";
import { seedReviewQueues } from "../review/refill";

/**
 * The demo dataset: a seeded synthetic corpus (several apps on different platforms, root causes reached through
 * different paths, hard negatives), sent event by event through the real ingest pipeline — fingerprinting, the AI
 * step with shadow decisions — never written as rows. Some projects are on v2 so that both models decide.
 */
export interface DemoOptions {
  seed?: string;
  apps?: number;
  eventsPerRootCause?: [number, number];
  /** Project ids whose grouping model is v2. */
  v2Projects?: number[];
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

const DAY_MS = 86_400_000;

export interface DemoSummary {
  projects: number;
  events: number;
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
  for (const [index, item] of ordered.entries()) {
    const timestamp = (now.getTime() - span + (span * index) / ordered.length) / 1000;
    const parsed = parseEvent({ ...item.event, timestamp });
    if (!parsed.ok) throw new Error(`synthetic event ${item.event.event_id} is invalid: ${parsed.issues[0]?.message}`);
    const projectId = projectIds.get(item.project)!;
    await ingestEvent({ id: projectId, publicKey: "", platform: item.platform }, parsed.event, {
      now: new Date(timestamp * 1000),
    });
    options.onProgress?.(index + 1, ordered.length);
  }
  // The review queues (disagreements, near-threshold pairs, the merge sample) from the decisions just made.
  await seedReviewQueues();
  return { projects: corpus.apps.length, events: ordered.length };
}

/** A deterministic shuffle (by a hash of the event id), so that no app or root cause arrives in one block. */
function interleave(events: SyntheticEvent[]): SyntheticEvent[] {
  return [...events].sort((a, b) => fnv1a(a.event.event_id) - fnv1a(b.event.event_id));
}
