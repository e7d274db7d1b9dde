import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { createUser, listUsers, updateUser } from "./service";

export const listUsersHandler = defineRoute(endpoints.listUsers, async () => ({ users: await listUsers() }));

export const createUserHandler = defineRoute(endpoints.createUser, async ({ user, body }) => ({
  user: await createUser(user, body),
}));

export const updateUserHandler = defineRoute(endpoints.updateUser, async ({ user, params, body }) => ({
  user: await updateUser(user, params.id, body),
}));
