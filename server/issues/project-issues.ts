import "server-only";
import type { IssueSummary, ProjectDetail, ProjectIssuesResponse } from "@/lib/contracts/issues";
import { db } from "../db";
import { NotFoundError } from "../http/errors";
import { projectGroupingFlags } from "../ingest/flags";
import { projectDsn } from "../projects/dsn";
import type { ProjectViewOptions } from "../projects/project-view";

interface IssueRow {
  id: number;
  title: string;
  culprit: string | null;
  first_seen: Date;
  last_seen: Date;
  event_count: number;
  ai_merged: number;
  first_method: string | null;
  ineligible_reason: string | null;
  decision_model: string | null;
  decision_threshold: number | null;
}

/** How the issue came to exist, from its first event and that event's AI decision. */
export function describeCreation(
  row: Pick<IssueRow, "first_method" | "ineligible_reason" | "decision_model" | "decision_threshold">,
): IssueSummary["creation"] {
  if (row.decision_model) {
    return {
      kind: "ai_no_match",
      detail: `New after the AI step: ${row.decision_model} found no issue within distance ${row.decision_threshold}.`,
    };
  }
  if (row.ineligible_reason)
    return { kind: "fingerprint", detail: `New fingerprint; not sent to the AI step: ${row.ineligible_reason}.` };
  return row.first_method
    ? { kind: "fingerprint", detail: "New fingerprint." }
    : { kind: "unknown", detail: "No events." };
}

/** A project with its DSN (not for viewers) and flags, and its issues, most recently seen first. */
export async function getProjectIssues(projectId: number, view: ProjectViewOptions): Promise<ProjectIssuesResponse> {
  const prisma = await db();
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    include: { _count: { select: { groups: true, events: true } } },
  });
  if (!project) throw new NotFoundError(`There is no project with id ${projectId}.`);
  const flags = await projectGroupingFlags(projectId);
  const rows = await prisma.$queryRaw<IssueRow[]>`
    SELECT g.id, g.title, g.culprit, g.first_seen, g.last_seen,
           (SELECT count(*)::int FROM events e WHERE e.group_id = g.id) AS event_count,
           (SELECT count(*)::int FROM events e WHERE e.group_id = g.id AND e.grouping_method = 'ai') AS ai_merged,
           fe.grouping_method::text AS first_method, fe.ai_ineligible_reason AS ineligible_reason,
           d.model_used AS decision_model, d.threshold AS decision_threshold
      FROM groups g
      LEFT JOIN LATERAL (
        SELECT id, grouping_method, ai_ineligible_reason FROM events e WHERE e.group_id = g.id ORDER BY e.id LIMIT 1
      ) fe ON true
      LEFT JOIN LATERAL (
        SELECT model_used, threshold FROM grouping_decisions d WHERE d.event_id = fe.id ORDER BY d.id LIMIT 1
      ) d ON true
     WHERE g.project_id = ${projectId}
     ORDER BY g.last_seen DESC
     LIMIT 500`;
  const detail: ProjectDetail = {
    id: project.id,
    slug: project.slug,
    name: project.name,
    platform: project.platform,
    dsn: view.showKey ? projectDsn(project.publicKey, view.origin, project.id) : null,
    groupingModel: flags.model,
    skipFallback: flags.skipFallback,
    issueCount: project._count.groups,
    eventCount: project._count.events,
  };
  return {
    project: detail,
    issues: rows.map((row) => ({
      id: row.id,
      title: row.title,
      culprit: row.culprit,
      eventCount: Number(row.event_count),
      aiMergedEvents: Number(row.ai_merged),
      firstSeen: row.first_seen.toISOString(),
      lastSeen: row.last_seen.toISOString(),
      creation: describeCreation(row),
    })),
  };
}
