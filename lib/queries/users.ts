import { useMutation, useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import type { CreateUserRequest, UpdateUserRequest } from "../contracts/users";
import { api } from "./api";
import { auditKeys } from "./audit";
import { useInvalidateKeys } from "./invalidate";

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

export function useUsersQuery() {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: ({ signal }) => api(endpoints.listUsers, { signal }),
    select: (data) => data.users,
  });
}

function useInvalidateUsers() {
  return useInvalidateKeys([userKeys.all, auditKeys.all]);
}

export function useCreateUserMutation() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: CreateUserRequest) => api(endpoints.createUser, { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateUserMutation() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UpdateUserRequest }) =>
      api(endpoints.updateUser, { params: { id }, body: patch }),
    onSuccess: invalidate,
  });
}
