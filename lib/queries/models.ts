import { useQuery } from "@tanstack/react-query";
import type { ModelStatusChange } from "../contracts/models";
import { endpoints } from "../contracts/endpoints";
import { api, apiUpload } from "./api";
import { useInvalidatingMutation } from "./invalidate";
import { rolloutKeys } from "./rollout";

export const modelKeys = {
  all: ["models"] as const,
  list: () => [...modelKeys.all, "list"] as const,
};

export function useModelsQuery() {
  return useQuery({ queryKey: modelKeys.list(), queryFn: ({ signal }) => api(endpoints.listModels, { signal }) });
}

// A model's status decides what the Rollout page offers (the models a project can be flipped to).
const staleAfterModelChange = [modelKeys.all, rolloutKeys.all];

/** Registers a model from the files of a form (config, model, and tokenizer / evaluation where given). */
export function useRegisterModelMutation() {
  return useInvalidatingMutation(staleAfterModelChange, (form: FormData) => apiUpload(endpoints.registerModel, form));
}

export function useModelStatusMutation() {
  return useInvalidatingMutation(
    staleAfterModelChange,
    ({ version, ...body }: ModelStatusChange & { version: string }) =>
      api(endpoints.changeModelStatus, { params: { version }, body }),
  );
}

export function useDropModelIndexMutation() {
  return useInvalidatingMutation(staleAfterModelChange, ({ version, reason }: { version: string; reason: string }) =>
    api(endpoints.dropModelIndex, { params: { version }, body: { reason } }),
  );
}
