import { z } from "zod";
import { roles } from "../auth/roles";

export const MIN_PASSWORD_LENGTH = 12;

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(roles),
  disabled: z.boolean(),
  createdAt: z.string(),
});

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(512, "must be at most 512 characters");

export const createUserRequestSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("must be an email address")),
  name: z.string().trim().max(200).optional(),
  role: z.enum(roles),
  password,
});

export const updateUserRequestSchema = z
  .object({
    role: z.enum(roles).optional(),
    disabled: z.boolean().optional(),
    password: password.optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((patch) => patch.role !== undefined || patch.disabled !== undefined || patch.password !== undefined, {
    message: "nothing to change: give role, disabled or password",
  });

export const userListResponseSchema = z.object({ users: z.array(userSchema) });
export const userResponseSchema = z.object({ user: userSchema });

export const signInRequestSchema = z.object({
  email: z.string().trim().min(1, "enter your email").max(320),
  password: z.string().min(1, "enter your password").max(512),
});

export const meResponseSchema = z.object({
  user: z.object({ id: z.number().int(), email: z.string(), name: z.string().nullable(), role: z.enum(roles) }),
});

export type User = z.infer<typeof userSchema>;
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;
export type MeResponse = z.infer<typeof meResponseSchema>;
