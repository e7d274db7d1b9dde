"use client";

import Link from "next/link";
import { formatCount } from "@/lib/format";
import { useProjectQuery } from "@/lib/queries/projects";
import { IssueStream } from "../issues/stream/issue-stream";
import { ProjectFlagToggle } from "../rollout/project-flag-toggle";
import { ProjectSettings } from "./project-settings";
import { ProjectSetup } from "./project-setup";
import { PageHeader } from "../ui/page-header";
import { ErrorState, LoadingState } from "../ui/states";

/** A project: its DSN (and SDK setup while it waits for its first event), grouping model, issues, and settings. */
export function ProjectView({
  projectId,
  canManage,
  canMerge,
}: {
  projectId: number;
  canManage: boolean;
  /** Labelers and admins: pick issues of the stream and merge them. */
  canMerge: boolean;
}) {
  const query = useProjectQuery(projectId);
  if (query.isPending) return <LoadingState label="Loading the project…" />;
  if (query.isError) return <ErrorState title="Could not load the project." error={query.error} />;
  const project = query.data;
  return (
    <>
      <PageHeader
        title={project.name}
        description={`${project.platform} · ${formatCount(project.issueCount)} issues · ${formatCount(project.eventCount)} events`}
        actions={
          <Link
            href={`/projects/${projectId}/grouping`}
            className="text-sm font-medium whitespace-nowrap text-indigo-700 hover:underline"
          >
            Grouping settings
          </Link>
        }
      />
      <ProjectSetup projectId={projectId} />
      <ProjectFlagToggle projectId={projectId} canEdit={canManage} />
      <IssueStream projectId={projectId} canMerge={canMerge} />
      {canManage ? <ProjectSettings projectId={projectId} /> : null}
    </>
  );
}
