import "server-only";
import type { ProjectListResponse } from "@/lib/contracts/projects";
import { defineRoute } from "../http/route";
import { listProjects } from "./service";

export const listProjectsHandler = defineRoute({}, async (): Promise<ProjectListResponse> => ({
  projects: await listProjects(),
}));
