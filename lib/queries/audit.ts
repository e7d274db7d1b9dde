import { useInfiniteQuery } from "@tanstack/react-query";
import { auditListResponseSchema } from "../contracts/audit";
import { fetchJson } from "./fetch-json";

export interface AuditFilters {
  actor: string;
  target: string;
}

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, "list", filters] as const,
};

export function useAuditQuery(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (filters.actor) params.set("actor", filters.actor);
      if (filters.target) params.set("target", filters.target);
      if (pageParam) params.set("before", String(pageParam));
      return fetchJson(`/api/audit?${params}`, auditListResponseSchema);
    },
    getNextPageParam: (page) => page.nextBefore,
  });
}
