import { useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import { api } from "./api";

export const modelKeys = {
  all: ["models"] as const,
  list: () => [...modelKeys.all, "list"] as const,
};

export function useModelsQuery() {
  return useQuery({ queryKey: modelKeys.list(), queryFn: ({ signal }) => api(endpoints.listModels, { signal }) });
}
