import { useQuery } from "@tanstack/react-query";
import { projectListResponseSchema } from "../contracts/projects";
import { fetchJson } from "./fetch-json";

export const projectKeys = {
  all: ["projects"] as const,
  list: () => [...projectKeys.all, "list"] as const,
};

export function useProjectsQuery() {
  return useQuery({
    queryKey: projectKeys.list(),
    queryFn: () => fetchJson("/api/projects", projectListResponseSchema),
    select: (data) => data.projects,
  });
}
