import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  userListResponseSchema,
  userResponseSchema,
  type CreateUserRequest,
  type UpdateUserRequest,
} from "../contracts/users";
import { auditKeys } from "./audit";
import { fetchJson } from "./fetch-json";

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

export function useUsersQuery() {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: () => fetchJson("/api/users", userListResponseSchema),
    select: (data) => data.users,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: userKeys.all }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    ]);
}

export function useCreateUserMutation() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: CreateUserRequest) =>
      fetchJson("/api/users", userResponseSchema, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
      }),
    onSuccess: invalidate,
  });
}

export function useUpdateUserMutation() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UpdateUserRequest }) =>
      fetchJson(`/api/users/${id}`, userResponseSchema, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(patch),
      }),
    onSuccess: invalidate,
  });
}
