import "server-only";
import type { Transaction } from "../../db/client";
import { eventOfHash, orderedPair } from "../../review/pair-store";
import type { IssueRow } from "./issue-lookup";
import { aiMergeDecisions } from "./known-overgroupings";
import { eventOfIssueHash } from "./representatives";

export interface UnmergedHash {
  hash: string;
  /** The hash the AI step matched when it merged this one in (group_hashes.seer_matched_hash), if it did. */
  seerMatchedHash: string | null;
}

export interface PlannedLabel {
  eventIds: [number, number];
  note: string;
  decisionId: number | null;
}

/**
 * What an unmerge says, as SEPARATE labels to record: each unmerged hash's event against the event of the issue's
 * remaining primary hash; and, for a hash the AI step had merged in by matching a hash that stays apart from it now,
 * SEPARATE on that merge's own pair (the merged event and the event that brought the matched hash in: the pair the
 * random merge sample uses), the merge being a known overgrouping (`undone`). Read before anything moves.
 */
export async function planUnmergeLabels(
  tx: Transaction,
  issue: IssueRow,
  moving: UnmergedHash[],
  remainingPrimary: string,
): Promise<{ labels: PlannedLabel[]; undone: number[] }> {
  const remainingEvent = await eventOfIssueHash(tx, issue.id, remainingPrimary);
  const unmerged = new Set(moving.map((row) => row.hash));
  const labels = new Map<string, PlannedLabel>();
  const plan = (label: PlannedLabel) => {
    const { eventAId, eventBId } = orderedPair(label.eventIds);
    const key = `${eventAId}-${eventBId}`;
    // One label per pair; the AI merge's reading of a pair wins (it carries the decision).
    if (eventAId !== eventBId && (!labels.has(key) || label.decisionId !== null)) labels.set(key, label);
  };
  const undone: number[] = [];
  for (const row of moving) {
    const note = `Unmerged hash ${row.hash} from issue ${issue.id}`;
    const event = await eventOfIssueHash(tx, issue.id, row.hash);
    if (event !== null && remainingEvent !== null) {
      plan({
        eventIds: [event, remainingEvent],
        note: `${note}, apart from its hash ${remainingPrimary}`,
        decisionId: null,
      });
    }
    if (!row.seerMatchedHash || unmerged.has(row.seerMatchedHash)) continue;
    const decisions = await aiMergeDecisions(tx, issue.id, row.hash, row.seerMatchedHash);
    const merge = decisions[0];
    if (!merge) continue;
    undone.push(...decisions.map((decision) => decision.id));
    const parent = await eventOfHash(tx, issue.projectId, row.seerMatchedHash);
    if (parent !== null) {
      plan({
        eventIds: [merge.eventId, parent],
        note: `${note}: the AI merged it into the issue of hash ${row.seerMatchedHash}, wrongly`,
        decisionId: merge.id,
      });
    }
  }
  return { labels: [...labels.values()], undone };
}
