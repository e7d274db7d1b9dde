import { endpoint } from "../endpoint";
import {
  createProjectRequestSchema,
  deleteProjectRequestSchema,
  deleteProjectResponseSchema,
  projectResponseSchema,
  updateProjectRequestSchema,
} from "../projects";
import { idParamsSchema } from "./params";

/** Managing projects: create one (with its DSN), rename it, rotate its DSN key, delete it with all its data. */
export const projectEndpoints = {
  createProject: endpoint({
    method: "POST",
    path: "/api/projects",
    summary: "Creates a project for a platform, with its DSN; audited.",
    tag: "projects",
    access: "admin",
    body: createProjectRequestSchema,
    response: projectResponseSchema,
    status: 201,
  }),
  getProject: endpoint({
    method: "GET",
    path: "/api/projects/[id]",
    summary: "A project with its DSN (not for viewers) and its first issue, once one arrived.",
    tag: "projects",
    access: "viewer",
    params: idParamsSchema,
    response: projectResponseSchema,
  }),
  updateProject: endpoint({
    method: "PATCH",
    path: "/api/projects/[id]",
    summary: "Renames a project; audited.",
    tag: "projects",
    access: "admin",
    params: idParamsSchema,
    body: updateProjectRequestSchema,
    response: projectResponseSchema,
  }),
  rotateProjectKey: endpoint({
    method: "POST",
    path: "/api/projects/[id]/rotate-key",
    summary: "Gives a project a new DSN key; the old key is refused (401) from then on. Audited.",
    tag: "projects",
    access: "admin",
    params: idParamsSchema,
    response: projectResponseSchema,
  }),
  deleteProject: endpoint({
    method: "DELETE",
    path: "/api/projects/[id]",
    summary:
      "Deletes a project and everything of it (events, issues, hashes, grouping records, decisions, review pairs " +
      "and their labels, flags, jobs) in one transaction; the body repeats its slug. Audited.",
    tag: "projects",
    access: "admin",
    params: idParamsSchema,
    body: deleteProjectRequestSchema,
    response: deleteProjectResponseSchema,
  }),
};
