"use client";

import Link from "next/link";
import { useState } from "react";
import type { MergeIssuesResponse } from "@/lib/contracts/issue-merge";
import { formatCount, formatRelativeTime } from "@/lib/format";
import { useIssueQuery } from "@/lib/queries/issues";
import { CompareWithButton } from "../review/compare-with-button";
import { PageHeader } from "../ui/page-header";
import { ErrorState, LoadingState } from "../ui/states";
import { HashesSection } from "./hashes-section";
import { MergeIssuesDialog } from "./merge-issues-dialog";
import { MergedIssueRedirect, mergedInto } from "./merged-issue-redirect";
import { TrimmedNotice } from "./trimmed-notice";
import { WhyGroupedPanel } from "./why-grouped";

const methodLabel = { fingerprint: "fingerprint", ai: "AI merge", new: "new issue" } as const;

/**
 * An issue: its hashes (each with a sample event and how it came in), and its events, each with why it was grouped
 * here. `canEdit` (labelers and admins) adds merging other issues into it and unmerging its hashes.
 */
export function IssueView({ issueId, canEdit }: { issueId: number; canEdit: boolean }) {
  const query = useIssueQuery(issueId);
  const [merged, setMerged] = useState<MergeIssuesResponse | null>(null);
  if (query.isPending) return <LoadingState label="Loading the issue…" />;
  if (query.isError) {
    const into = mergedInto(query.error);
    if (into !== null) return <MergedIssueRedirect issueId={issueId} into={into} />;
    return <ErrorState title="Could not load the issue." error={query.error} />;
  }
  const { issue, events } = query.data;
  const now = new Date();
  return (
    <>
      <p className="mb-1 text-sm">
        <Link href={`/projects/${issue.projectId}`} className="text-indigo-700 hover:underline">
          {issue.projectName}
        </Link>
      </p>
      <PageHeader
        title={issue.title}
        actions={
          <div className="flex flex-wrap items-start justify-end gap-2">
            {canEdit ? <MergeIssuesDialog issue={issue} onMerged={setMerged} /> : null}
            <CompareWithButton issueId={issue.id} />
          </div>
        }
        description={`${issue.culprit ?? ""} · ${formatCount(issue.eventCount)} events (${formatCount(issue.aiMergedEvents)} merged by AI) · first seen ${formatRelativeTime(new Date(issue.firstSeen), now)} · last seen ${formatRelativeTime(new Date(issue.lastSeen), now)}`}
      />
      <p className="mb-4 text-sm text-slate-700">{issue.creation.detail}</p>
      {merged ? (
        <p role="status" className="mb-4 rounded bg-emerald-50 p-2 text-sm text-emerald-900">
          Merged {merged.merged.length} {merged.merged.length === 1 ? "issue" : "issues"} into this one (
          {merged.movedEvents} {merged.movedEvents === 1 ? "event" : "events"}, {merged.movedHashes}{" "}
          {merged.movedHashes === 1 ? "hash" : "hashes"}); {merged.labels.length} GROUP{" "}
          {merged.labels.length === 1 ? "label" : "labels"} recorded.
        </p>
      ) : null}

      <HashesSection issueId={issue.id} canEdit={canEdit} />

      <section aria-label="Events">
        <h2 className="mb-2 text-sm font-semibold">Latest events</h2>
        <ul className="space-y-2">
          {events.map((event) => (
            <li key={event.id} className="rounded-lg border border-slate-200 bg-white">
              <details>
                <summary className="flex cursor-pointer items-center gap-3 px-4 py-2 text-sm">
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium">
                    {methodLabel[event.groupingMethod]}
                  </span>
                  <span className="font-mono text-xs text-slate-500">{event.eventId.slice(0, 12)}</span>
                  <span className="truncate">{event.title}</span>
                  {event.trimmed.length > 0 ? (
                    <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">trimmed</span>
                  ) : null}
                  <span className="ml-auto whitespace-nowrap text-xs text-slate-500">
                    {event.release ? `${event.release} · ` : ""}
                    {formatRelativeTime(new Date(event.receivedAt), now)}
                  </span>
                </summary>
                <div className="border-t border-slate-100 px-4 py-3">
                  <TrimmedNotice lines={event.trimmed} />
                  <h3 className="mb-2 text-sm font-semibold">Why grouped</h3>
                  <WhyGroupedPanel why={event.whyGrouped} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
