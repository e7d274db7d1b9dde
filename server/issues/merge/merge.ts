import "server-only";
import type { ManualLabel, MergeIssuesRequest, MergeIssuesResponse } from "@/lib/contracts/issue-merge";
import { recordAudit } from "../../audit/record";
import type { SessionUser } from "../../auth/session";
import type { Transaction } from "../../db/client";
import { issuesOfOneProject, type IssueRow } from "./issue-lookup";
import { issueTransaction, lockIssues } from "./issue-locks";
import { clearRedoneOvergroupings } from "./known-overgroupings";
import { MERGE_LABEL_REASON, recordManualLabel } from "./manual-labels";
import { fillLabelDistances } from "./pair-distances";
import { eventOfIssue } from "./representatives";

/** The merged issue's counters: every event of the issues, seen from the first of them to the last. */
async function mergeCounters(tx: Transaction, targetId: number, issues: IssueRow[]): Promise<void> {
  await tx.group.update({
    where: { id: targetId },
    data: {
      timesSeen: issues.reduce((sum, issue) => sum + issue.timesSeen, 0),
      firstSeen: new Date(Math.min(...issues.map((issue) => issue.firstSeen.getTime()))),
      lastSeen: new Date(Math.max(...issues.map((issue) => issue.lastSeen.getTime()))),
    },
  });
}

/** The merged issues are gone; their ids (and those that already led to them) lead to the target from now on. */
async function redirect(tx: Transaction, sourceIds: number[], targetId: number): Promise<void> {
  await tx.groupRedirect.updateMany({ where: { groupId: { in: sourceIds } }, data: { groupId: targetId } });
  await tx.groupRedirect.createMany({ data: sourceIds.map((id) => ({ id, groupId: targetId })) });
  await tx.group.deleteMany({ where: { id: { in: sourceIds } } });
}

/**
 * Merges issues of one project into one of them, in one transaction under the hash locks of all of them (so an event
 * of any of their hashes arriving meanwhile lands in the merged issue): their hashes and events move to it, its
 * counters add theirs, they are deleted and their ids lead to it. Each merged issue's event is labeled GROUP with the
 * target's by the acting user (a manual merge); audited.
 */
export async function mergeIssues(user: SessionUser, request: MergeIssuesRequest): Promise<MergeIssuesResponse> {
  const result = await issueTransaction(async (tx) => {
    const named = await issuesOfOneProject(tx, request.issueIds, "issueIds", request.into);
    const projectId = named[0]!.projectId;
    await lockIssues(tx, projectId, request.issueIds);
    // Read again under the locks: the counters of events placed before the locks were held.
    const issues = await issuesOfOneProject(tx, request.issueIds, "issueIds", request.into);
    const target = issues.find((issue) => issue.id === request.into)!;
    const sources = issues.filter((issue) => issue.id !== target.id);
    const sourceIds = sources.map((issue) => issue.id);

    const targetEvent = await eventOfIssue(tx, target.id);
    // One statement at a time: a transaction is one connection.
    const sourceEvents: (number | null)[] = [];
    for (const source of sources) sourceEvents.push(await eventOfIssue(tx, source.id));

    const movedHashes = await tx.groupHash.updateMany({
      where: { groupId: { in: sourceIds } },
      data: { groupId: target.id },
    });
    const movedEvents = await tx.event.updateMany({
      where: { groupId: { in: sourceIds } },
      data: { groupId: target.id },
    });
    await mergeCounters(tx, target.id, issues);
    await redirect(tx, sourceIds, target.id);
    const redone = await clearRedoneOvergroupings(tx, projectId, target.id);

    const labels: ManualLabel[] = [];
    for (const [index, source] of sources.entries()) {
      const sourceEvent = sourceEvents[index];
      if (targetEvent === null || sourceEvent === null || sourceEvent === undefined) continue;
      const label = await recordManualLabel(tx, user, {
        eventIds: [targetEvent, sourceEvent],
        verdict: "GROUP",
        reason: MERGE_LABEL_REASON,
        note: `Merged issue ${source.id} into issue ${target.id}.`,
      });
      if (label) labels.push(label);
    }

    await recordAudit(tx, {
      actor: user,
      action: "issue.merge",
      target: { type: "issue", id: target.id, label: target.title },
      before: { issues: issues.map(({ id, title, timesSeen }) => ({ id, title, timesSeen })) },
      after: {
        into: target.id,
        merged: sourceIds,
        movedHashes: movedHashes.count,
        movedEvents: movedEvents.count,
        labelPairs: labels.map((label) => label.pairId),
        ...(redone.length ? { overgroupingsTakenBack: redone } : {}),
      },
    });
    return {
      issue: { id: target.id, projectId, title: target.title },
      merged: sourceIds,
      movedHashes: movedHashes.count,
      movedEvents: movedEvents.count,
      labels,
    };
  });
  await fillLabelDistances(result.labels);
  return result;
}
