import { useMutation, useQueryClient } from "@tanstack/react-query";
import { meResponseSchema } from "../contracts/users";
import { z } from "zod";
import { fetchJson } from "./fetch-json";

const jsonPost = (body?: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: body === undefined ? undefined : JSON.stringify(body),
});

export function useSignInMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      fetchJson("/api/auth/signin", meResponseSchema, jsonPost(input)),
    onSuccess: () => queryClient.clear(),
  });
}

export function useSignOutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson("/api/auth/signout", z.object({ ok: z.boolean() }), jsonPost()),
    onSettled: () => queryClient.clear(),
  });
}
