import { cosineDistance } from "@/engine/math/cosine";

/**
 * A what-if replay of grouping, as a pure function: a project's events, in the order they arrived, grouped again
 * from an empty index by fingerprint first and then by a model's nearest neighbour within a threshold — the
 * pipeline's semantics (docs/design.md, "Ingest" and the similar-issues service) with the model and threshold under
 * test — without touching the live index. Records are kept in memory and searched exactly.
 */
export interface ReplayEvent {
  /** The stored event's id. */
  id: number;
  /** Its fingerprint hashes, the primary first (as stored). */
  hashes: readonly string[];
  platform: string | null;
  /** Its embedding (the model under test), or null when the event never reaches the AI step (no stack trace). */
  vector: readonly number[] | null;
}

export interface ReplayMerge {
  /** The event the AI step merged. */
  eventId: number;
  hash: string;
  /** The event whose record it matched (standing for the issue it joined). */
  matchedEventId: number;
  matchedHash: string;
  distance: number;
}

export interface ReplayResult {
  events: number;
  /** Issues the replay would make. */
  issues: number;
  /** Events that reached the AI step (no earlier event shared a hash, and a stack trace to embed). */
  reachedAi: number;
  merges: ReplayMerge[];
}

/** Replays `events` (oldest first) with `thresholdOf(platform)` as the AI step's cosine-distance threshold. */
export function replayGrouping(
  events: readonly ReplayEvent[],
  thresholdOf: (platform: string | null) => number,
): ReplayResult {
  const issueOfHash = new Map<string, number>();
  const records: { hash: string; eventId: number; issue: number; vector: readonly number[] }[] = [];
  const merges: ReplayMerge[] = [];
  let issues = 0;
  let reachedAi = 0;
  for (const event of events) {
    const hash = event.hashes[0];
    if (hash === undefined) continue;
    const known = event.hashes.find((h) => issueOfHash.has(h));
    let issue: number;
    if (known !== undefined) {
      issue = issueOfHash.get(known)!;
    } else if (event.vector === null) {
      issue = issues++;
    } else {
      reachedAi += 1;
      const threshold = thresholdOf(event.platform);
      let best: (typeof records)[number] | null = null;
      let bestDistance = Infinity;
      for (const record of records) {
        if (record.hash === hash) continue;
        const distance = cosineDistance(event.vector, record.vector);
        if (distance <= threshold && distance < bestDistance) {
          best = record;
          bestDistance = distance;
        }
      }
      if (best) {
        issue = best.issue;
        merges.push({
          eventId: event.id,
          hash,
          matchedEventId: best.eventId,
          matchedHash: best.hash,
          distance: bestDistance,
        });
      } else {
        issue = issues++;
        // Threshold-gated indexing: a trace is indexed only when nothing was near it.
        records.push({ hash, eventId: event.id, issue, vector: event.vector });
      }
    }
    for (const h of event.hashes) if (!issueOfHash.has(h)) issueOfHash.set(h, issue);
  }
  return { events: events.length, issues, reachedAi, merges };
}
