"use client";

import Link from "next/link";
import { formatCount, formatRelativeTime } from "@/lib/format";
import { useProjectIssuesQuery } from "@/lib/queries/issues";
import { ProjectFlagToggle } from "../rollout/project-flag-toggle";
import { ProjectSettings } from "./project-settings";
import { ProjectSetup } from "./project-setup";
import { DataTable } from "../ui/data-table";
import { PageHeader } from "../ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";

/** A project: its DSN (and SDK setup while it waits for its first event), grouping model, issues, and settings. */
export function ProjectView({ projectId, canManage }: { projectId: number; canManage: boolean }) {
  const query = useProjectIssuesQuery(projectId);
  if (query.isPending) return <LoadingState label="Loading the project…" />;
  if (query.isError) return <ErrorState title="Could not load the project." error={query.error} />;
  const { project, issues } = query.data;
  const now = new Date();
  return (
    <>
      <PageHeader
        title={project.name}
        description={`${project.platform} · ${formatCount(project.issueCount)} issues · ${formatCount(project.eventCount)} events · AI grouping with ${project.groupingModel}${project.skipFallback ? " (no fallback)" : ""}`}
      />
      <ProjectSetup projectId={projectId} />
      <ProjectFlagToggle projectId={projectId} canEdit={canManage} />
      {issues.length === 0 ? (
        <EmptyState title="No issues yet">Errors sent with the project&apos;s DSN appear here as issues.</EmptyState>
      ) : (
        <DataTable
          caption="Issues"
          alignTop
          columns={[
            "Issue",
            { label: "Events", align: "right" },
            { label: "AI-merged", align: "right" },
            "First seen",
            "Last seen",
            "Created",
          ]}
        >
          {issues.map((issue) => (
            <tr key={issue.id}>
              <th scope="row" className="max-w-md px-3 py-2 text-left font-normal">
                <Link href={`/issues/${issue.id}`} className="font-medium text-indigo-700 hover:underline">
                  {issue.title}
                </Link>
                {issue.culprit ? <p className="truncate font-mono text-xs text-slate-500">{issue.culprit}</p> : null}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{formatCount(issue.eventCount)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatCount(issue.aiMergedEvents)}</td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                {formatRelativeTime(new Date(issue.firstSeen), now)}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                {formatRelativeTime(new Date(issue.lastSeen), now)}
              </td>
              <td className="px-3 py-2 text-xs text-slate-600">{issue.creation.detail}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {canManage ? <ProjectSettings projectId={projectId} /> : null}
    </>
  );
}
