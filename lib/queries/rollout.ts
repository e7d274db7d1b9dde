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
import type { WhatIfRequest } from "../contracts/what-if";
import { api } from "./api";
import { auditKeys } from "./audit";
import { issueKeys } from "./issues";
import { useInvalidatingMutation } from "./invalidate";
import { reviewKeys } from "./review";

export const rolloutKeys = {
  all: ["rollout"] as const,
  overview: () => [...rolloutKeys.all, "overview"] as const,
  project: (projectId: number) => [...rolloutKeys.all, "project", projectId] as const,
  scheduled: () => [...rolloutKeys.all, "scheduled"] as const,
  whatIf: (projectId: number) => [...rolloutKeys.all, "what-if", projectId] as const,
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

/** A rollout change moves projects between models: the rollout, the audit log and issues (their model) are stale. */
const staleAfterRolloutChange = [rolloutKeys.all, auditKeys.all, issueKeys.all];

export function useSetFlagsMutation() {
  return useInvalidatingMutation(staleAfterRolloutChange, (input: SetFlagsRequest) =>
    api(endpoints.setFlags, { body: input }),
  );
}

export function useRevertAuditMutation() {
  return useInvalidatingMutation(staleAfterRolloutChange, ({ auditId, reason }: { auditId: number; reason?: string }) =>
    api(endpoints.revertAudit, { params: { id: auditId }, body: reason ? { reason } : {} }),
  );
}

export function usePreviewCohortMutation() {
  return useMutation({
    mutationFn: (cohort: Cohort) => api(endpoints.previewCohort, { body: { cohort } }),
  });
}

export function useApplyCohortMutation() {
  return useInvalidatingMutation(staleAfterRolloutChange, (input: ApplyCohortRequest) =>
    api(endpoints.applyCohort, { body: input }),
  );
}

export function useCancelScheduledMutation() {
  return useInvalidatingMutation(staleAfterRolloutChange, (id: number) =>
    api(endpoints.cancelScheduled, { params: { id } }),
  );
}

export function useCreateBackfillMutation() {
  return useInvalidatingMutation(staleAfterRolloutChange, (input: CreateBackfillRequest) =>
    api(endpoints.createJobs, { body: input }),
  );
}

export function useCancelJobMutation() {
  return useInvalidatingMutation(staleAfterRolloutChange, (id: number) => api(endpoints.cancelJob, { params: { id } }));
}

export function useUpdateGuardrailsMutation() {
  return useInvalidatingMutation(staleAfterRolloutChange, (input: { settings: GuardrailSettings; reason: string }) =>
    api(endpoints.updateGuardrails, { body: input }),
  );
}

/** A project's latest what-if replays; polls every second while one is queued or running. */
export function useWhatIfQuery(projectId: number) {
  return useQuery({
    queryKey: rolloutKeys.whatIf(projectId),
    queryFn: ({ signal }) => api(endpoints.whatIfReplays, { params: { id: projectId }, signal }),
    select: (data) => data.replays,
    refetchInterval: (query) =>
      query.state.data?.replays.some((replay) => replay.job.status === "queued" || replay.job.status === "running")
        ? 1_000
        : false,
  });
}

export function useCreateWhatIfMutation(projectId: number) {
  return useInvalidatingMutation([rolloutKeys.whatIf(projectId), auditKeys.all], (input: WhatIfRequest) =>
    api(endpoints.createWhatIf, { params: { id: projectId }, body: input }),
  );
}

/** Queueing a replay's merges adds review pairs: the replay (its count) and the review queues are stale. */
export function useQueueWhatIfMutation(projectId: number) {
  return useInvalidatingMutation([rolloutKeys.whatIf(projectId), reviewKeys.all, auditKeys.all], (jobId: number) =>
    api(endpoints.queueWhatIfMerges, { params: { id: jobId } }),
  );
}
