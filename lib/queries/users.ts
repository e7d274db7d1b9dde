import { useQuery } from "@tanstack/react-query";
import { endpoints } from "../contracts/endpoints";
import type { CreateUserRequest, UpdateUserRequest } from "../contracts/users";
import { api } from "./api";
import { auditKeys } from "./audit";
import { useInvalidatingMutation } from "./invalidate";

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

const staleAfterUserChange = [userKeys.all, auditKeys.all];

export function useCreateUserMutation() {
  return useInvalidatingMutation(staleAfterUserChange, (input: CreateUserRequest) =>
    api(endpoints.createUser, { body: input }),
  );
}

export function useUpdateUserMutation() {
  return useInvalidatingMutation(staleAfterUserChange, ({ id, patch }: { id: number; patch: UpdateUserRequest }) =>
    api(endpoints.updateUser, { params: { id }, body: patch }),
  );
}
