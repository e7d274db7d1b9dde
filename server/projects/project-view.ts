import "server-only";
import type { Project } from "@/lib/contracts/projects";
import type { Transaction } from "../db/client";
import { NotFoundError } from "../http/errors";
import { callerProjectId } from "./caller-id";
import { projectDsn } from "./dsn";

/** How a project is shown: with its DSN when the reader may see the key, otherwise without. */
export interface ProjectViewOptions {
  /** The origin SDKs reach regroup at (server/http/public-origin.ts). */
  origin: string;
  /** Whether the reader may see the DSN key (it lets its holder send events): not viewers. */
  showKey: boolean;
}

/** A project as the console shows it; NotFoundError when there is none with this id. */
export async function readProject(tx: Transaction, projectId: number, options: ProjectViewOptions): Promise<Project> {
  const project = await tx.project.findUnique({
    where: { id: projectId },
    include: { _count: { select: { groups: true, events: true } } },
  });
  if (!project) throw new NotFoundError(`There is no project with id ${projectId}.`);
  const firstIssue = await tx.group.findFirst({
    where: { projectId },
    orderBy: { id: "asc" },
    select: { id: true, title: true },
  });
  return {
    id: project.id,
    slug: project.slug,
    name: project.name,
    platform: project.platform,
    dsn: options.showKey ? projectDsn(project.publicKey, options.origin, project.id) : null,
    registeredByGroupingApi: project.registeredByGroupingApi,
    callerProjectId: callerProjectId(project),
    createdAt: project.createdAt.toISOString(),
    issueCount: project._count.groups,
    eventCount: project._count.events,
    firstIssue,
  };
}
