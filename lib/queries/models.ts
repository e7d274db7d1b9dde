import { useQuery } from "@tanstack/react-query";
import { modelListResponseSchema } from "../contracts/models";
import { fetchJson } from "./fetch-json";

export const modelKeys = {
  all: ["models"] as const,
  list: () => [...modelKeys.all, "list"] as const,
};

export function useModelsQuery() {
  return useQuery({ queryKey: modelKeys.list(), queryFn: () => fetchJson("/api/models", modelListResponseSchema) });
}
