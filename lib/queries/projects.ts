import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import type { CreateProjectRequest, DeleteProjectRequest, UpdateProjectRequest } from "../contracts/projects";
import { api } from "./api";
import { auditKeys } from "./audit";
import { issueKeys } from "./issues";
import { useInvalidatingMutation } from "./invalidate";

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

const staleAfterProjectChange = [projectKeys.all, issueKeys.all, auditKeys.all];

export function useCreateProjectMutation() {
  return useInvalidatingMutation(staleAfterProjectChange, (input: CreateProjectRequest) =>
    api(endpoints.createProject, { body: input }),
  );
}

export function useUpdateProjectMutation(projectId: number) {
  return useInvalidatingMutation(staleAfterProjectChange, (patch: UpdateProjectRequest) =>
    api(endpoints.updateProject, { params: { id: projectId }, body: patch }),
  );
}

export function useRotateProjectKeyMutation(projectId: number) {
  return useInvalidatingMutation(staleAfterProjectChange, () =>
    api(endpoints.rotateProjectKey, { params: { id: projectId } }),
  );
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
