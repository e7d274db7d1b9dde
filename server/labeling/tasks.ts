import "server-only";
import { alignEvents } from "@/engine/alignment";
import { parseEvent } from "@/engine/event/schema";
import { db } from "../db";
import { guidelineFor } from "../review/guidelines";
import { exceptionsOf } from "../review/pair-view";
import type { LabelingTask } from "./labeler";

/**
 * The labeling tasks of these review pairs, as the review screen shows them: both events' exceptions, their main
 * stack traces aligned, the platform's guidelines. Pairs that no longer exist are left out.
 */
export async function labelingTasks(pairIds: readonly number[]): Promise<LabelingTask[]> {
  const prisma = await db();
  const side = { select: { title: true, payload: true } } as const;
  const pairs = await prisma.reviewPair.findMany({
    where: { id: { in: [...pairIds] } },
    select: { id: true, platform: true, eventA: side, eventB: side },
    orderBy: { id: "asc" },
  });
  const guidelines = new Map<string, string>();
  const tasks: LabelingTask[] = [];
  for (const pair of pairs) {
    if (!guidelines.has(pair.platform)) guidelines.set(pair.platform, (await guidelineFor(pair.platform)).body);
    const a = parseEvent(pair.eventA.payload);
    const b = parseEvent(pair.eventB.payload);
    const left = a.ok ? a.event : null;
    const right = b.ok ? b.event : null;
    const alignment = left && right ? alignEvents(left, right) : { rows: [], firstDivergingIndex: null };
    tasks.push({
      pairId: pair.id,
      platform: pair.platform,
      guideline: guidelines.get(pair.platform)!,
      left: { title: pair.eventA.title, exceptions: exceptionsOf(left) },
      right: { title: pair.eventB.title, exceptions: exceptionsOf(right) },
      rows: alignment.rows,
      firstDivergingIndex: alignment.firstDivergingIndex,
    });
  }
  return tasks;
}
