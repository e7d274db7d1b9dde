import "server-only";
import { z } from "zod";
import { createUserRequestSchema, updateUserRequestSchema } from "@/lib/contracts/users";
import { defineRoute } from "../http/route";
import { createUser, listUsers, updateUser } from "./service";

export const listUsersHandler = defineRoute({ access: "admin" }, async () => ({ users: await listUsers() }));

export const createUserHandler = defineRoute(
  { access: "admin", body: createUserRequestSchema },
  async ({ user, body }) => {
    return Response.json({ user: await createUser(user!, body) }, { status: 201 });
  },
);

export const updateUserHandler = defineRoute(
  { access: "admin", params: z.object({ id: z.coerce.number().int().positive() }), body: updateUserRequestSchema },
  async ({ user, params, body }) => ({ user: await updateUser(user!, params.id, body) }),
);
