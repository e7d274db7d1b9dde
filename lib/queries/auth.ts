import { useMutation, useQueryClient } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import { api } from "./api";

export function useSignInMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api(endpoints.signIn, { body: input }),
    onSuccess: () => queryClient.clear(),
  });
}

export function useSignOutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(endpoints.signOut),
    onSettled: () => queryClient.clear(),
  });
}
