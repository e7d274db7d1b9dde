import { useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import { api } from "./api";

export const projectKeys = {
  all: ["projects"] as const,
  list: () => [...projectKeys.all, "list"] as const,
};

export function useProjectsQuery() {
  return useQuery({
    queryKey: projectKeys.list(),
    queryFn: ({ signal }) => api(endpoints.listProjects, { signal }),
    select: (data) => data.projects,
  });
}
