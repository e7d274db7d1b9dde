import "server-only";
import type { ProjectSummary } from "@/lib/contracts/projects";
import { db } from "../db";
import { callerProjectId } from "./caller-id";

/**
 * Every project with its platform, issue and event counts and when it last saw an event; those the grouping API
 * registered for a caller are marked (the console lists them apart).
 */
export async function listProjects(): Promise<ProjectSummary[]> {
  const prisma = await db();
  const [projects, lastSeen] = await Promise.all([
    prisma.project.findMany({
      orderBy: { name: "asc" },
      include: { _count: { select: { groups: true, events: true } } },
    }),
    prisma.group.groupBy({ by: ["projectId"], _max: { lastSeen: true } }),
  ]);
  const lastSeenByProject = new Map(lastSeen.map((row) => [row.projectId, row._max.lastSeen]));
  return projects.map((project) => ({
    id: project.id,
    slug: project.slug,
    name: project.name,
    platform: project.platform,
    issueCount: project._count.groups,
    eventCount: project._count.events,
    lastSeen: lastSeenByProject.get(project.id)?.toISOString() ?? null,
    registeredByGroupingApi: project.registeredByGroupingApi,
    callerProjectId: callerProjectId(project),
  }));
}
