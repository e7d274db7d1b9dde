import "server-only";
import type { ProjectListResponse } from "@/lib/contracts/projects";
import { defineRoute } from "../http/route";
import { listProjects } from "./service";

export const listProjectsHandler = defineRoute({ access: "viewer" }, async (): Promise<ProjectListResponse> => ({
  projects: await listProjects(),
}));
