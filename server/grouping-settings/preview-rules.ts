import "server-only";
import type { GroupingSettings, PreviewIssue, RulesPreview } from "@/lib/contracts/grouping-settings";
import { parseEvent, type SentryEvent } from "@/engine/event/schema";
import { buildEmbeddingText, checkAiEligibility } from "@/engine/embedding-text";
import { fingerprintEvent, type FingerprintResult } from "@/engine/fingerprinting";
import type { Transaction } from "../db/client";
import { fingerprintOptionsOf } from "./stored";
import { summariseFlows, type IssueKey } from "./flows";

/** How many of the project's latest events a preview regroups: enough to see a rule's effect, quick to run. */
export const PREVIEW_EVENTS = 500;

interface RegroupedEvent {
  eventId: string;
  title: string;
  groupId: number;
  event: SentryEvent;
  before: FingerprintResult;
  after: FingerprintResult;
  target: IssueKey;
}

const sameHashes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((hash) => b.includes(hash));

async function recentEvents(tx: Transaction, projectId: number) {
  const rows = await tx.event.findMany({
    where: { projectId },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: PREVIEW_EVENTS,
    select: { eventId: true, groupId: true, title: true, payload: true },
  });
  return rows.reverse().flatMap((row) => {
    const parsed = parseEvent(row.payload);
    return parsed.ok ? [{ ...row, event: parsed.event }] : [];
  });
}

/** The issue of each hash among these, as the project's group_hashes say today. */
async function issuesOfHashes(tx: Transaction, projectId: number, hashes: string[]): Promise<Map<string, number>> {
  const rows = await tx.groupHash.findMany({
    where: { projectId, hash: { in: hashes } },
    select: { hash: true, groupId: true },
  });
  return new Map(rows.map((row) => [row.hash, row.groupId]));
}

type Fingerprinted = Awaited<ReturnType<typeof recentEvents>>[number] & {
  before: FingerprintResult;
  after: FingerprintResult;
};

/**
 * Places the project's recent events, oldest first, as ingest would under the candidate rules: an event whose hashes
 * do not change stays in its issue; one whose hashes change joins the issue of the first of them that is known
 * (today's hashes, or those of an earlier event of the run), else starts a new issue. The AI step is not run (its
 * answer depends on the model): an event that would reach it counts as starting a new issue.
 */
function place(events: Fingerprinted[], known: Map<string, number>): RegroupedEvent[] {
  const issueOfHash = new Map<string, IssueKey>([...known].map(([hash, id]) => [hash, { id }]));
  return events.map((row) => {
    let target: IssueKey = { id: row.groupId };
    if (!sameHashes(row.before.hashes, row.after.hashes)) {
      const knownHash = row.after.hashes.find((hash) => issueOfHash.has(hash));
      target = knownHash ? issueOfHash.get(knownHash)! : { id: null, hash: row.after.hashes[0] ?? row.eventId };
      for (const hash of row.after.hashes) if (!issueOfHash.has(hash)) issueOfHash.set(hash, target);
    }
    return { ...row, target };
  });
}

function sampleOf(events: RegroupedEvent[], issue: (key: IssueKey) => PreviewIssue): RulesPreview["sample"] {
  const latestFirst = [...events].reverse();
  const sample =
    latestFirst.find((e) => e.target.id !== e.groupId) ??
    latestFirst.find((e) => !sameHashes(e.before.hashes, e.after.hashes)) ??
    latestFirst[0];
  if (!sample) return null;
  const eligibility = checkAiEligibility(sample.event, sample.after);
  return {
    eventId: sample.eventId,
    title: sample.title,
    issue: issue({ id: sample.groupId }),
    movesTo: issue(sample.target),
    hashesBefore: sample.before.hashes,
    hashesAfter: sample.after.hashes,
    variants: Object.entries(sample.after.variants).map(([name, variant]) => ({
      name,
      hash: variant.hash,
      type: variant.type,
      component: variant.component,
      ...(variant.values ? { values: variant.values } : {}),
    })),
    embeddingText: eligibility.eligible ? buildEmbeddingText(sample.event, sample.after) : null,
    aiIneligibleReason: eligibility.eligible ? null : eligibility.reason,
  };
}

/** What candidate rules would do to the project's recent events (see regroup), against its current rules. */
export async function previewRules(
  tx: Transaction,
  projectId: number,
  current: GroupingSettings,
  candidate: GroupingSettings,
): Promise<RulesPreview> {
  const rulesBefore = fingerprintOptionsOf(current);
  const rulesAfter = fingerprintOptionsOf(candidate);
  const events = (await recentEvents(tx, projectId)).map((row) => ({
    ...row,
    before: fingerprintEvent(row.event, rulesBefore),
    after: fingerprintEvent(row.event, rulesAfter),
  }));
  const candidateHashes = [...new Set(events.flatMap((row) => row.after.hashes))];
  const regrouped = place(events, await issuesOfHashes(tx, projectId, candidateHashes));
  const flows = summariseFlows(regrouped.map((e) => ({ from: e.groupId, to: e.target, title: e.title })));
  const titles = new Map(
    (await tx.group.findMany({ where: { id: { in: flows.issueIds } }, select: { id: true, title: true } })).map(
      (group) => [group.id, group.title],
    ),
  );
  const issue = (key: IssueKey): PreviewIssue =>
    key.id !== null
      ? { id: key.id, hash: null, title: titles.get(key.id) ?? `Issue ${key.id}` }
      : { id: null, hash: key.hash, title: flows.newIssueTitles.get(key.hash) ?? "A new issue" };
  return {
    eventsConsidered: regrouped.length,
    eventsRehashed: regrouped.filter((e) => !sameHashes(e.before.hashes, e.after.hashes)).length,
    eventsChangingIssue: flows.eventsChangingIssue,
    splits: flows.splits.map((split) => ({
      issue: issue({ id: split.from }),
      events: split.events,
      into: split.into.map((part) => ({ issue: issue(part.to), events: part.events })),
    })),
    splitCount: flows.splitCount,
    merges: flows.merges.map((merge) => ({
      into: issue(merge.into),
      from: merge.from.map((part) => ({ issue: issue({ id: part.from }), events: part.events })),
    })),
    mergeCount: flows.mergeCount,
    sample: sampleOf(regrouped, issue),
  };
}
