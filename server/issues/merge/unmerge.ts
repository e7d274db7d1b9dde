import "server-only";
import type { ManualLabel, UnmergeIssueRequest, UnmergeIssueResponse } from "@/lib/contracts/issue-merge";
import { recordAudit } from "../../audit/record";
import type { SessionUser } from "../../auth/session";
import { ValidationError } from "../../http/errors";
import { issuesOfOneProject, type IssueRow } from "./issue-lookup";
import { issueTransaction, lockIssues } from "./issue-locks";
import { markUnmerged } from "./known-overgroupings";
import { recordManualLabel, UNMERGE_LABEL_REASON } from "./manual-labels";
import { fillLabelDistances } from "./pair-distances";
import { moveHashesToNewIssue } from "./split-issue";
import { planUnmergeLabels, type UnmergedHash } from "./unmerge-labels";

/** The issue's hashes split into those to unmerge and those that stay; a 400 unless both are non-empty. */
function splitHashes(
  issue: IssueRow,
  rows: UnmergedHash[],
  requested: string[],
): { moving: UnmergedHash[]; staying: UnmergedHash[] } {
  const known = new Set(rows.map((row) => row.hash));
  const strangers = requested.flatMap((hash, index) => (known.has(hash) ? [] : [{ hash, index }]));
  if (strangers.length > 0) {
    throw new ValidationError(
      `Not ${strangers.length === 1 ? "a hash" : "hashes"} of issue ${issue.id}: ${strangers.map(({ hash }) => hash).join(", ")}.`,
      strangers.map(({ index }) => ({ path: ["hashes", index], message: `not a hash of issue ${issue.id}` })),
    );
  }
  const unmerged = new Set(requested);
  const staying = rows.filter((row) => !unmerged.has(row.hash));
  if (staying.length === 0) {
    throw new ValidationError(
      `That is every hash of issue ${issue.id}, and an issue keeps at least one: leave at least one hash out.`,
      [{ path: ["hashes"], message: "every hash of the issue: leave at least one out" }],
    );
  }
  return { moving: rows.filter((row) => unmerged.has(row.hash)), staying };
}

/**
 * Unmerges hashes of an issue into a new issue, in one transaction under the issue's hash locks (so the next event of
 * those hashes goes to the new issue, and none arriving meanwhile is lost): the hashes move, with the events whose
 * primary hash they are. Recorded as the acting user's SEPARATE labels (planUnmergeLabels); an unmerged AI merge is
 * marked as a known overgrouping; audited.
 */
export async function unmergeIssue(user: SessionUser, request: UnmergeIssueRequest): Promise<UnmergeIssueResponse> {
  const result = await issueTransaction(async (tx) => {
    const named = (await issuesOfOneProject(tx, [request.issueId], "issueId"))[0]!;
    await lockIssues(tx, named.projectId, [named.id]);
    // Read again under the locks: the counters of events placed before the locks were held.
    const issue = (await issuesOfOneProject(tx, [request.issueId], "issueId"))[0]!;
    const rows = await tx.groupHash.findMany({
      where: { groupId: issue.id },
      select: { hash: true, seerMatchedHash: true },
      orderBy: { id: "asc" },
    });
    const { moving, staying } = splitHashes(issue, rows, request.hashes);
    const remainingPrimary = staying[0]!.hash;
    const plan = await planUnmergeLabels(tx, issue, moving, remainingPrimary);

    const created = await moveHashesToNewIssue(
      tx,
      issue,
      moving.map((row) => row.hash),
    );
    await markUnmerged(tx, user, plan.undone);
    const labels: ManualLabel[] = [];
    for (const planned of plan.labels) {
      const label = await recordManualLabel(tx, user, {
        eventIds: planned.eventIds,
        verdict: "SEPARATE",
        reason: UNMERGE_LABEL_REASON,
        note: `${planned.note}, into issue ${created.id}.`,
        decisionId: planned.decisionId,
      });
      if (label) labels.push(label);
    }

    await recordAudit(tx, {
      actor: user,
      action: "issue.unmerge",
      target: { type: "issue", id: issue.id, label: issue.title },
      before: { hashes: rows.length, timesSeen: issue.timesSeen },
      after: {
        newIssue: created.id,
        hashes: moving.map((row) => row.hash),
        movedEvents: created.movedEvents,
        labelPairs: labels.map((label) => label.pairId),
        knownOvergroupings: plan.undone,
      },
    });
    return {
      issue: { id: created.id, projectId: issue.projectId, title: created.title },
      from: { id: issue.id, projectId: issue.projectId, title: issue.title },
      movedHashes: moving.length,
      movedEvents: created.movedEvents,
      labels,
      knownOvergroupings: plan.undone.length,
    };
  });
  await fillLabelDistances(result.labels);
  return result;
}
