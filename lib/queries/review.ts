import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import type { LabelRequest, ManualPairRequest, NextPairRequest, QueueFilter, RefillRequest } from "../contracts/review";
import { api } from "./api";

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

function useInvalidateReview() {
  const queryClient = useQueryClient();
  // The session's current pair is kept (it moves by step); everything else about the queues is refreshed.
  return () =>
    queryClient.invalidateQueries({ queryKey: reviewKeys.all, predicate: (query) => query.queryKey[1] !== "next" });
}

export function useLabelMutation() {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: ({ pairId, label }: { pairId: number; label: LabelRequest }) =>
      api(endpoints.labelPair, { params: { id: pairId }, body: label }),
    onSuccess: invalidate,
  });
}

export function useSkipMutation() {
  return useMutation({
    mutationFn: (pairId: number) => api(endpoints.skipPair, { params: { id: pairId } }),
  });
}

export function useUndoMutation() {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: () => api(endpoints.undoLabel),
    onSuccess: invalidate,
  });
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
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: ({ platform, body }: { platform: string; body: string }) =>
      api(endpoints.updateGuideline, { params: { platform }, body: { body } }),
    onSuccess: invalidate,
  });
}

export function useRefillMutation() {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: (request: RefillRequest) => api(endpoints.refillQueues, { body: request }),
    onSuccess: invalidate,
  });
}

export function useCreatePairMutation() {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: (request: ManualPairRequest) => api(endpoints.createPair, { body: request }),
    onSuccess: invalidate,
  });
}
