"use client";

import Link from "next/link";
import { formatCount, formatRelativeTime } from "@/lib/format";
import { useIssueQuery } from "@/lib/queries/issues";
import { CompareWithButton } from "../review/compare-with-button";
import { PageHeader } from "../ui/page-header";
import { ErrorState, LoadingState } from "../ui/states";
import { TrimmedNotice } from "./trimmed-notice";
import { WhyGroupedPanel } from "./why-grouped";
import { DataTable } from "../ui/data-table";

const methodLabel = { fingerprint: "fingerprint", ai: "AI merge", new: "new issue" } as const;

/** An issue: its hashes with their AI audit, and its events, each with why it was grouped here. */
export function IssueView({ issueId }: { issueId: number }) {
  const query = useIssueQuery(issueId);
  if (query.isPending) return <LoadingState label="Loading the issue…" />;
  if (query.isError) return <ErrorState title="Could not load the issue." error={query.error} />;
  const { issue, hashes, events } = query.data;
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
        actions={<CompareWithButton issueId={issue.id} />}
        description={`${issue.culprit ?? ""} · ${formatCount(issue.eventCount)} events (${formatCount(issue.aiMergedEvents)} merged by AI) · first seen ${formatRelativeTime(new Date(issue.firstSeen), now)} · last seen ${formatRelativeTime(new Date(issue.lastSeen), now)}`}
      />
      <p className="mb-4 text-sm text-slate-700">{issue.creation.detail}</p>

      <section aria-label="Hashes" className="mb-6">
        <h2 className="mb-2 text-sm font-semibold">Hashes</h2>
        <DataTable
          columns={[
            "Hash",
            "AI model asked / used",
            "Matched hash",
            { label: "Distance", align: "right" },
            "Indexed for",
          ]}
        >
          {hashes.map((hash) => (
            <tr key={hash.hash}>
              <td className="px-3 py-2 font-mono text-xs">{hash.hash}</td>
              <td className="px-3 py-2">{hash.modelRequested ? `${hash.modelRequested} / ${hash.modelUsed}` : "—"}</td>
              <td className="px-3 py-2 font-mono text-xs">{hash.matchedHash ?? "—"}</td>
              <td className="px-3 py-2 text-right tabular-nums">{hash.matchDistance?.toFixed(4) ?? "—"}</td>
              <td className="px-3 py-2">{hash.latestTrainingModel ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
      </section>

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
