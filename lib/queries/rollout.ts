import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  applyCohortResponseSchema,
  cohortPreviewResponseSchema,
  guardrailSettingsSchema,
  jobListResponseSchema,
  jobSchema,
  revertResponseSchema,
  rolloutOverviewSchema,
  rolloutProjectDetailSchema,
  scheduledChangeListResponseSchema,
  scheduledChangeSchema,
  setFlagsResponseSchema,
  type ApplyCohortRequest,
  type Cohort,
  type CreateBackfillRequest,
  type GuardrailSettings,
  type RolloutOverview,
  type SetFlagsRequest,
} from "../contracts/rollout";
import { meResponseSchema } from "../contracts/users";
import { auditKeys } from "./audit";
import { fetchJson } from "./fetch-json";
import { issueKeys } from "./issues";

export const rolloutKeys = {
  all: ["rollout"] as const,
  overview: () => [...rolloutKeys.all, "overview"] as const,
  project: (projectId: number) => [...rolloutKeys.all, "project", projectId] as const,
  scheduled: () => [...rolloutKeys.all, "scheduled"] as const,
  me: () => [...rolloutKeys.all, "me"] as const,
};

const send = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

const hasActiveJob = (data: RolloutOverview | undefined) =>
  data?.projects.some((p) => p.backfill && (p.backfill.status === "queued" || p.backfill.status === "running")) ??
  false;

/** Every project's rollout row; polls every second while a backfill runs (live progress), else every 30 s. */
export function useRolloutOverviewQuery() {
  return useQuery({
    queryKey: rolloutKeys.overview(),
    queryFn: () => fetchJson("/api/rollout", rolloutOverviewSchema),
    refetchInterval: (query) => (hasActiveJob(query.state.data) ? 1_000 : 30_000),
  });
}

export function useRolloutProjectQuery(projectId: number) {
  return useQuery({
    queryKey: rolloutKeys.project(projectId),
    queryFn: () => fetchJson(`/api/rollout/projects/${projectId}`, rolloutProjectDetailSchema),
    refetchInterval: (query) => {
      const job = query.state.data?.project.backfill;
      return job && (job.status === "queued" || job.status === "running") ? 1_000 : false;
    },
  });
}

export function useScheduledChangesQuery() {
  return useQuery({
    queryKey: rolloutKeys.scheduled(),
    queryFn: () => fetchJson("/api/rollout/scheduled", scheduledChangeListResponseSchema),
    select: (data) => data.changes,
    refetchInterval: 10_000,
  });
}

/** Who is signed in (to show admin controls; the server checks the role again). */
export function useCurrentUserQuery() {
  return useQuery({
    queryKey: rolloutKeys.me(),
    queryFn: () => fetchJson("/api/auth/me", meResponseSchema),
    select: (data) => data.user,
    staleTime: 60_000,
  });
}

function useInvalidateRollout() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: rolloutKeys.all }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      queryClient.invalidateQueries({ queryKey: issueKeys.all }),
    ]);
}

export function useSetFlagsMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: (input: SetFlagsRequest) =>
      fetchJson("/api/rollout/flags", setFlagsResponseSchema, send("POST", input)),
    onSuccess: invalidate,
  });
}

export function useRevertAuditMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: ({ auditId, reason }: { auditId: number; reason?: string }) =>
      fetchJson(`/api/audit/${auditId}/revert`, revertResponseSchema, send("POST", reason ? { reason } : {})),
    onSuccess: invalidate,
  });
}

export function usePreviewCohortMutation() {
  return useMutation({
    mutationFn: (cohort: Cohort) =>
      fetchJson("/api/rollout/cohorts/preview", cohortPreviewResponseSchema, send("POST", { cohort })),
  });
}

export function useApplyCohortMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: (input: ApplyCohortRequest) =>
      fetchJson("/api/rollout/cohorts", applyCohortResponseSchema, send("POST", input)),
    onSuccess: invalidate,
  });
}

export function useCancelScheduledMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: (id: number) =>
      fetchJson(`/api/rollout/scheduled/${id}/cancel`, z.object({ change: scheduledChangeSchema }), { method: "POST" }),
    onSuccess: invalidate,
  });
}

export function useCreateBackfillMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: (input: CreateBackfillRequest) =>
      fetchJson("/api/rollout/jobs", jobListResponseSchema, send("POST", input)),
    onSuccess: invalidate,
  });
}

export function useCancelJobMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: (id: number) =>
      fetchJson(`/api/rollout/jobs/${id}/cancel`, z.object({ job: jobSchema }), { method: "POST" }),
    onSuccess: invalidate,
  });
}

export function useUpdateGuardrailsMutation() {
  const invalidate = useInvalidateRollout();
  return useMutation({
    mutationFn: (input: { settings: GuardrailSettings; reason: string }) =>
      fetchJson("/api/rollout/guardrails", z.object({ settings: guardrailSettingsSchema }), send("PUT", input)),
    onSuccess: invalidate,
  });
}
