import { useMutation, useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import type {
  ApplyCohortRequest,
  Cohort,
  CreateBackfillRequest,
  GuardrailSettings,
  RolloutOverview,
  SetFlagsRequest,
} from "../contracts/rollout";
import { api } from "./api";
import { auditKeys } from "./audit";
import { issueKeys } from "./issues";
import { useInvalidateKeys } from "./invalidate";

export const rolloutKeys = {
  all: ["rollout"] as const,
  overview: () => [...rolloutKeys.all, "overview"] as const,
  project: (projectId: number) => [...rolloutKeys.all, "project", projectId] as const,
  scheduled: () => [...rolloutKeys.all, "scheduled"] as const,
};

const hasActiveJob = (data: RolloutOverview | undefined) =>
  data?.projects.some((p) => p.backfill && (p.backfill.status === "queued" || p.backfill.status === "running")) ??
  false;

/** Every project's rollout row; polls every second while a backfill runs (live progress), else every 30 s. */
export function useRolloutOverviewQuery() {
  return useQuery({
    queryKey: rolloutKeys.overview(),
    queryFn: ({ signal }) => api(endpoints.rolloutOverview, { signal }),
    refetchInterval: (query) => (hasActiveJob(query.state.data) ? 1_000 : 30_000),
  });
}

export function useRolloutProjectQuery(projectId: number) {
  return useQuery({
    queryKey: rolloutKeys.project(projectId),
    queryFn: ({ signal }) => api(endpoints.rolloutProject, { params: { id: projectId }, signal }),
    refetchInterval: (query) => {
      const job = query.state.data?.project.backfill;
      return job && (job.status === "queued" || job.status === "running") ? 1_000 : false;
    },
  });
}

export function useScheduledChangesQuery() {
  return useQuery({
    queryKey: rolloutKeys.scheduled(),
    queryFn: ({ signal }) => api(endpoints.listScheduled, { signal }),
    select: (data) => data.changes,
    refetchInterval: 10_000,
  });
}

function useInvalidateRollout() {
  return useInvalidateKeys([rolloutKeys.all, auditKeys.all, issueKeys.all]);
}

export function useSetFlagsMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: (input: SetFlagsRequest) => api(endpoints.setFlags, { body: input }),
    onSuccess: invalidate,
  });
}

export function useRevertAuditMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: ({ auditId, reason }: { auditId: number; reason?: string }) =>
      api(endpoints.revertAudit, { params: { id: auditId }, body: reason ? { reason } : {} }),
    onSuccess: invalidate,
  });
}

export function usePreviewCohortMutation() {
  return useMutation({
    mutationFn: (cohort: Cohort) => api(endpoints.previewCohort, { body: { cohort } }),
  });
}

export function useApplyCohortMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: (input: ApplyCohortRequest) => api(endpoints.applyCohort, { body: input }),
    onSuccess: invalidate,
  });
}

export function useCancelScheduledMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: (id: number) => api(endpoints.cancelScheduled, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useCreateBackfillMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: (input: CreateBackfillRequest) => api(endpoints.createJobs, { body: input }),
    onSuccess: invalidate,
  });
}

export function useCancelJobMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: (id: number) => api(endpoints.cancelJob, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useUpdateGuardrailsMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: (input: { settings: GuardrailSettings; reason: string }) =>
      api(endpoints.updateGuardrails, { body: input }),
    onSuccess: invalidate,
  });
}
