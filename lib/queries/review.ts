import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  agreementSchema,
  conflictsSchema,
  guidelineSchema,
  guidelinesResponseSchema,
  labelResponseSchema,
  manualPairResponseSchema,
  nextPairResponseSchema,
  pairListSchema,
  progressSchema,
  queueSummarySchema,
  refillResponseSchema,
  reviewPairSchema,
  undoResponseSchema,
  type LabelRequest,
  type ManualPairRequest,
  type NextPairRequest,
  type QueueFilter,
  type RefillRequest,
} from "../contracts/review";
import { fetchJson } from "./fetch-json";

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

function filterQuery(filter: QueueFilter): string {
  const params = new URLSearchParams();
  if (filter.project) params.set("project", String(filter.project));
  if (filter.platform) params.set("platform", filter.platform);
  if (filter.source) params.set("source", filter.source);
  const text = params.toString();
  return text ? `?${text}` : "";
}

const post = (body: unknown, method = "POST"): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export function useQueueSummaryQuery(filter: QueueFilter) {
  return useQuery({
    queryKey: reviewKeys.summary(filter),
    queryFn: () => fetchJson(`/api/review/queue${filterQuery(filter)}`, queueSummarySchema),
    placeholderData: keepPreviousData,
  });
}

export function usePairListQuery(filter: QueueFilter) {
  return useQuery({
    queryKey: reviewKeys.pairs(filter),
    queryFn: () => fetchJson(`/api/review/pairs${filterQuery(filter)}`, pairListSchema),
    placeholderData: keepPreviousData,
  });
}

export function usePairQuery(id: number, blind: boolean, enabled = true) {
  return useQuery({
    enabled,
    queryKey: reviewKeys.pair(id, blind),
    queryFn: () => fetchJson(`/api/review/pairs/${id}${blind ? "?blind=1" : ""}`, reviewPairSchema),
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
    queryFn: () => fetchJson("/api/review/next", nextPairResponseSchema, post(request)),
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
      fetchJson(`/api/review/pairs/${pairId}/labels`, labelResponseSchema, post(label)),
    onSuccess: invalidate,
  });
}

export function useSkipMutation() {
  return useMutation({
    mutationFn: (pairId: number) =>
      fetchJson(`/api/review/pairs/${pairId}/skip`, z.object({ skipped: z.number() }), post({})),
  });
}

export function useUndoMutation() {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: () => fetchJson("/api/labels/undo", undoResponseSchema, post({})),
    onSuccess: invalidate,
  });
}

export function useProgressQuery() {
  return useQuery({
    queryKey: reviewKeys.progress(),
    queryFn: () => fetchJson("/api/review/progress", progressSchema),
  });
}

export function useConflictsQuery() {
  return useQuery({
    queryKey: reviewKeys.conflicts(),
    queryFn: () => fetchJson("/api/review/conflicts", conflictsSchema),
  });
}

export function useAgreementQuery() {
  return useQuery({
    queryKey: reviewKeys.agreement(),
    queryFn: () => fetchJson("/api/review/agreement", agreementSchema),
  });
}

export function useGuidelinesQuery() {
  return useQuery({
    queryKey: reviewKeys.guidelines(),
    queryFn: () => fetchJson("/api/guidelines", guidelinesResponseSchema),
  });
}

export function useUpdateGuidelineMutation() {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: ({ platform, body }: { platform: string; body: string }) =>
      fetchJson(
        `/api/guidelines/${encodeURIComponent(platform)}`,
        z.object({ guideline: guidelineSchema }),
        post({ body }, "PUT"),
      ),
    onSuccess: invalidate,
  });
}

export function useRefillMutation() {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: (request: RefillRequest) => fetchJson("/api/review/refill", refillResponseSchema, post(request)),
    onSuccess: invalidate,
  });
}

export function useCreatePairMutation() {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: (request: ManualPairRequest) => fetchJson("/api/review/pairs", manualPairResponseSchema, post(request)),
    onSuccess: invalidate,
  });
}
