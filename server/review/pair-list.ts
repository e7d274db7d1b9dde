import type { QueueFilter, ReviewSource } from "@/lib/contracts/review";

/** The review pairs the queue filters select. */
export function pairFilterWhere(filter: QueueFilter) {
  return {
    ...(filter.project ? { projectId: filter.project } : {}),
    ...(filter.platform ? { platform: filter.platform } : {}),
    ...(filter.source ? { source: filter.source } : {}),
  };
}

/** What a pair list reads besides the pair itself: its project's name and the titles of its two events. */
export const pairListInclude = {
  project: { select: { name: true } },
  eventA: { select: { title: true } },
  eventB: { select: { title: true } },
} as const;

interface PairWithTitles {
  id: number;
  platform: string;
  source: ReviewSource;
  project: { name: string };
  eventA: { title: string };
  eventB: { title: string };
}

/** A pair as the pair lists show it (without its labels, which each list shows its own way). */
export function toPairListItem(pair: PairWithTitles) {
  return {
    id: pair.id,
    projectName: pair.project.name,
    platform: pair.platform,
    source: pair.source,
    titles: [pair.eventA.title, pair.eventB.title] as [string, string],
  };
}
