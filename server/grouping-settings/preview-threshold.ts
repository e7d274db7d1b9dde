import "server-only";
import type { GroupingSettings, ThresholdPreview } from "@/lib/contracts/grouping-settings";
import type { Transaction } from "../db/client";
import type { GroupingModels } from "../grouping/models";
import { searchNeighbours, storedVector } from "../grouping/records";
import { modelThreshold, projectThreshold } from "../grouping/thresholds";
import { LISTED } from "./flows";

/** How many of the project's latest AI decisions a threshold preview looks at. */
export const PREVIEW_DECISIONS = 500;
/** How many decisions that found nothing it searches again, the most recent first (each is one index search). */
export const PREVIEW_SEARCHES = 100;

type Example = ThresholdPreview["examples"][number];

async function recentDecisions(tx: Transaction, projectId: number, model: string) {
  return tx.groupingDecision.findMany({
    where: { projectId, modelUsed: model, readOnly: false, trainingMode: false, eventId: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PREVIEW_DECISIONS,
    select: {
      hash: true,
      distance: true,
      threshold: true,
      shouldGroup: true,
      createdAt: true,
      event: { select: { title: true, platform: true, groupId: true } },
    },
  });
}

/** The model whose threshold the change is about: the candidate's override, else the one being removed. */
function changedModel(current: GroupingSettings, candidate: GroupingSettings): string | null {
  if (JSON.stringify(current.aiThreshold) === JSON.stringify(candidate.aiThreshold)) return null;
  return candidate.aiThreshold?.model ?? current.aiThreshold?.model ?? null;
}

/**
 * What a threshold change would have done to the project's recent AI decisions of that model: merges whose stored
 * distance is past the new threshold are undone; a decision that found nothing is searched again (in the records
 * stored before it) when the new threshold is looser than the one it used, and counts as a merge added when its
 * nearest record is within the new threshold. Null when the threshold does not change.
 */
export async function previewThreshold(
  tx: Transaction,
  projectId: number,
  current: GroupingSettings,
  candidate: GroupingSettings,
  models: GroupingModels,
): Promise<ThresholdPreview | null> {
  const version = changedModel(current, candidate);
  const model = version ? models.get(version) : undefined;
  if (!version || !model) return null;
  const newThreshold = (platform: string | null) =>
    projectThreshold(candidate.aiThreshold, model) ?? modelThreshold(model, platform);

  const decisions = await recentDecisions(tx, projectId, version);
  const examples: Example[] = [];
  const parentGroups = new Map<number, string>();
  let mergesUndone = 0;
  let mergesAdded = 0;
  let searches = 0;
  for (const decision of decisions) {
    const event = decision.event!;
    const threshold = newThreshold(event.platform);
    if (decision.shouldGroup && decision.distance !== null && decision.distance > threshold) {
      mergesUndone += 1;
      parentGroups.set(event.groupId, "");
      if (examples.length < LISTED) {
        examples.push(example(event, "merge_undone", decision.distance, decision.threshold, event.groupId));
      }
    } else if (!decision.shouldGroup && threshold > decision.threshold && searches < PREVIEW_SEARCHES) {
      searches += 1;
      const vector = await storedVector(tx, projectId, decision.hash, model);
      if (!vector) continue;
      const [nearest] = await searchNeighbours(tx, {
        projectId,
        model,
        vector,
        excludeHash: decision.hash,
        radius: threshold,
        limit: 1,
        storedBefore: decision.createdAt,
      });
      if (!nearest) continue;
      const parent = await tx.groupHash.findUnique({
        where: { projectId_hash: { projectId, hash: nearest.hash } },
        select: { groupId: true },
      });
      // A record of the event's own issue (merged there since) changes nothing.
      if (parent?.groupId === event.groupId) continue;
      mergesAdded += 1;
      if (parent && examples.length < LISTED) {
        parentGroups.set(parent.groupId, "");
        examples.push(example(event, "merge_added", nearest.distance, decision.threshold, parent.groupId));
      }
    }
  }
  const titles = await tx.group.findMany({ where: { id: { in: [...parentGroups.keys()] } } });
  for (const group of titles) parentGroups.set(group.id, group.title);
  return {
    model: version,
    threshold: candidate.aiThreshold?.model === version ? candidate.aiThreshold.threshold : null,
    decisionsConsidered: decisions.length,
    mergesUndone,
    mergesAdded,
    examples: examples.map((item) => ({
      ...item,
      issue: { ...item.issue, title: parentGroups.get(item.issue.id!) || `Issue ${item.issue.id}` },
    })),
  };
}

function example(
  event: { title: string },
  change: Example["change"],
  distance: number,
  thresholdBefore: number,
  groupId: number,
): Example {
  return { eventTitle: event.title, change, distance, thresholdBefore, issue: { id: groupId, hash: null, title: "" } };
}
