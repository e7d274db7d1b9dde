import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { listProjects } from "./service";

export const listProjectsHandler = defineRoute(endpoints.listProjects, async () => ({
  projects: await listProjects(),
}));
