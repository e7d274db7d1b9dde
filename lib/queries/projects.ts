import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import type { CreateProjectRequest, DeleteProjectRequest, UpdateProjectRequest } from "../contracts/projects";
import { api } from "./api";
import { auditKeys } from "./audit";
import { issueKeys } from "./issues";
import { useInvalidateKeys } from "./invalidate";

export const projectKeys = {
  all: ["projects"] as const,
  list: () => [...projectKeys.all, "list"] as const,
  detail: (projectId: number) => [...projectKeys.all, "detail", projectId] as const,
};

/** How often a project page that waits for its first event asks again. */
export const FIRST_EVENT_POLL_MS = 2_000;

export function useProjectsQuery() {
  return useQuery({
    queryKey: projectKeys.list(),
    queryFn: ({ signal }) => api(endpoints.listProjects, { signal }),
    select: (data) => data.projects,
  });
}

/** A project; with `waitForFirstEvent`, asked again every few seconds until its first issue exists. */
export function useProjectQuery(projectId: number, options: { waitForFirstEvent?: boolean } = {}) {
  return useQuery({
    queryKey: projectKeys.detail(projectId),
    queryFn: ({ signal }) => api(endpoints.getProject, { params: { id: projectId }, signal }),
    select: (data) => data.project,
    refetchInterval: (query) =>
      options.waitForFirstEvent && query.state.data?.project.firstIssue === null ? FIRST_EVENT_POLL_MS : false,
  });
}

function useInvalidateProjects() {
  return useInvalidateKeys([projectKeys.all, issueKeys.all, auditKeys.all]);
}

export function useCreateProjectMutation() {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (input: CreateProjectRequest) => api(endpoints.createProject, { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateProjectMutation(projectId: number) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: (patch: UpdateProjectRequest) =>
      api(endpoints.updateProject, { params: { id: projectId }, body: patch }),
    onSuccess: invalidate,
  });
}

export function useRotateProjectKeyMutation(projectId: number) {
  const invalidate = useInvalidateProjects();
  return useMutation({
    mutationFn: () => api(endpoints.rotateProjectKey, { params: { id: projectId } }),
    onSuccess: invalidate,
  });
}

export function useDeleteProjectMutation(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeleteProjectRequest) =>
      api(endpoints.deleteProject, { params: { id: projectId }, body: input }),
    // The project's own queries would only answer 404 now: dropped, not refetched.
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: projectKeys.detail(projectId) });
      queryClient.removeQueries({ queryKey: issueKeys.ofProject(projectId) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.list() }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
}
