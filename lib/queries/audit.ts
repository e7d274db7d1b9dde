import { useInfiniteQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import { api } from "./api";

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
    queryFn: ({ pageParam, signal }) =>
      api(endpoints.listAudit, { query: { ...filters, before: pageParam ?? undefined }, signal }),
    getNextPageParam: (page) => page.nextBefore,
  });
}
