import { type InvalidateQueryFilters, type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";

/** What a change leaves stale: every query under a key, or the queries a filter picks. */
export type StaleQueries = readonly (QueryKey | InvalidateQueryFilters)[];

const isQueryKey = (queries: QueryKey | InvalidateQueryFilters): queries is QueryKey => Array.isArray(queries);

/** A mutation that, once it succeeds, marks these queries stale (and refetches those shown). */
export function useInvalidatingMutation<TVariables = void, TData = unknown>(
  stale: StaleQueries,
  mutationFn: (variables: TVariables) => Promise<TData>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        stale.map((queries) => queryClient.invalidateQueries(isQueryKey(queries) ? { queryKey: queries } : queries)),
      ),
  });
}
