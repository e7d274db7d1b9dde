import { type QueryKey, useQueryClient } from "@tanstack/react-query";

/** A callback, for a mutation's onSuccess, that marks every query under these keys stale and refetches those shown. */
export function useInvalidateKeys(queryKeys: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
