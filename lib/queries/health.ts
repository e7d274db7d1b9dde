import { useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import { api } from "./api";

export const healthKeys = { all: ["health"] as const };

/** The server's health, refreshed every few seconds (the console shows the ingest inbox from it). */
export function useHealthQuery() {
  return useQuery({
    queryKey: healthKeys.all,
    queryFn: ({ signal }) => api(endpoints.health, { signal }),
    refetchInterval: 5_000,
  });
}
