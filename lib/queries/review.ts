import { keepPreviousData, type Query, useMutation, useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import type { LabelRequest, ManualPairRequest, NextPairRequest, QueueFilter, RefillRequest } from "../contracts/review";
import type { LabelJobRequest } from "../contracts/labeling";
import { api } from "./api";
import { useInvalidatingMutation } from "./invalidate";

export const reviewKeys = {
  all: ["review"] as const,
  summary: (filter: QueueFilter) => [...reviewKeys.all, "summary", filter] as const,
  pairs: (filter: QueueFilter) => [...reviewKeys.all, "pairs", filter] as const,
  pair: (id: number, blind: boolean) => [...reviewKeys.all, "pair", id, blind] as const,
  next: (request: NextPairRequest, step: number) => [...reviewKeys.all, "next", request, step] as const,
  progress: () => [...reviewKeys.all, "progress"] as const,
  conflicts: () => [...reviewKeys.all, "conflicts"] as const,
  agreement: () => [...reviewKeys.all, "agreement"] as const,
  guidelines: () => [...reviewKeys.all, "guidelines"] as const,
  labelJobs: () => [...reviewKeys.all, "label-jobs"] as const,
};

export function useQueueSummaryQuery(filter: QueueFilter) {
  return useQuery({
    queryKey: reviewKeys.summary(filter),
    queryFn: ({ signal }) => api(endpoints.queueSummary, { query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePairListQuery(filter: QueueFilter) {
  return useQuery({
    queryKey: reviewKeys.pairs(filter),
    queryFn: ({ signal }) => api(endpoints.listPairs, { query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePairQuery(id: number, blind: boolean, enabled = true) {
  return useQuery({
    enabled,
    queryKey: reviewKeys.pair(id, blind),
    queryFn: ({ signal }) => api(endpoints.pair, { params: { id }, query: { blind: blind ? "1" : undefined }, signal }),
  });
}

/**
 * The next pair of a labeling session: asking claims it on the server, so it is asked once per step (never
 * refetched in the background, which would claim again); the session moves on by bumping `step`.
 */
export function useNextPairQuery(request: NextPairRequest, step: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: reviewKeys.next(request, step),
    queryFn: ({ signal }) => api(endpoints.nextPair, { body: request, signal }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
}

// The session's current pair is kept (it moves by step); everything else about the queues is refreshed.
const staleAfterLabeling = [{ queryKey: reviewKeys.all, predicate: (query: Query) => query.queryKey[1] !== "next" }];

export function useLabelMutation() {
  return useInvalidatingMutation(staleAfterLabeling, ({ pairId, label }: { pairId: number; label: LabelRequest }) =>
    api(endpoints.labelPair, { params: { id: pairId }, body: label }),
  );
}

export function useSkipMutation() {
  return useMutation({
    mutationFn: (pairId: number) => api(endpoints.skipPair, { params: { id: pairId } }),
  });
}

export function useUndoMutation() {
  return useInvalidatingMutation(staleAfterLabeling, () => api(endpoints.undoLabel));
}

export function useProgressQuery() {
  return useQuery({
    queryKey: reviewKeys.progress(),
    queryFn: ({ signal }) => api(endpoints.reviewProgress, { signal }),
  });
}

export function useConflictsQuery() {
  return useQuery({
    queryKey: reviewKeys.conflicts(),
    queryFn: ({ signal }) => api(endpoints.reviewConflicts, { signal }),
  });
}

export function useAgreementQuery() {
  return useQuery({
    queryKey: reviewKeys.agreement(),
    queryFn: ({ signal }) => api(endpoints.reviewAgreement, { signal }),
  });
}

export function useGuidelinesQuery() {
  return useQuery({
    queryKey: reviewKeys.guidelines(),
    queryFn: ({ signal }) => api(endpoints.guidelines, { signal }),
  });
}

export function useUpdateGuidelineMutation() {
  return useInvalidatingMutation(staleAfterLabeling, ({ platform, body }: { platform: string; body: string }) =>
    api(endpoints.updateGuideline, { params: { platform }, body: { body } }),
  );
}

export function useRefillMutation() {
  return useInvalidatingMutation(staleAfterLabeling, (request: RefillRequest) =>
    api(endpoints.refillQueues, { body: request }),
  );
}

export function useCreatePairMutation() {
  return useInvalidatingMutation(staleAfterLabeling, (request: ManualPairRequest) =>
    api(endpoints.createPair, { body: request }),
  );
}

/** The label jobs, polled every second while one is queued or running. */
export function useLabelJobsQuery() {
  return useQuery({
    queryKey: reviewKeys.labelJobs(),
    queryFn: ({ signal }) => api(endpoints.labelJobs, { signal }),
    refetchInterval: (query) =>
      query.state.data?.jobs.some((entry) => entry.job.status === "queued" || entry.job.status === "running")
        ? 1_000
        : false,
  });
}

export function useCreateLabelJobMutation() {
  return useInvalidatingMutation(staleAfterLabeling, (request: LabelJobRequest) =>
    api(endpoints.createLabelJob, { body: request }),
  );
}

export function useCancelLabelJobMutation() {
  return useInvalidatingMutation(staleAfterLabeling, (id: number) => api(endpoints.cancelJob, { params: { id } }));
}
