import "server-only";
import { hasRole } from "@/lib/auth/roles";
import { endpoints } from "@/lib/contracts/endpoints";
import type { SessionUser } from "../auth/session";
import { publicOrigin } from "../http/public-origin";
import { defineRoute } from "../http/route";
import { createProject } from "./create";
import { deleteProject } from "./delete";
import { getProject, renameProject, rotateProjectKey } from "./manage";
import type { ProjectViewOptions } from "./project-view";
import { listProjects } from "./service";

/** Viewers read projects without their DSN key: the key lets its holder send events. */
export function projectView(request: Request, user: SessionUser): ProjectViewOptions {
  return { origin: publicOrigin(request), showKey: hasRole(user.role, "labeler") };
}

export const listProjectsHandler = defineRoute(endpoints.listProjects, async () => ({
  projects: await listProjects(),
}));

export const createProjectHandler = defineRoute(endpoints.createProject, async ({ request, user, body }) => ({
  project: await createProject(user, body, projectView(request, user)),
}));

export const getProjectHandler = defineRoute(endpoints.getProject, async ({ request, user, params }) => ({
  project: await getProject(params.id, projectView(request, user)),
}));

export const updateProjectHandler = defineRoute(endpoints.updateProject, async ({ request, user, params, body }) => ({
  project: await renameProject(user, params.id, body, projectView(request, user)),
}));

export const rotateProjectKeyHandler = defineRoute(endpoints.rotateProjectKey, async ({ request, user, params }) => ({
  project: await rotateProjectKey(user, params.id, projectView(request, user)),
}));

export const deleteProjectHandler = defineRoute(endpoints.deleteProject, async ({ user, params, body }) => ({
  deleted: await deleteProject(user, params.id, body),
}));
