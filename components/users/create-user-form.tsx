"use client";

import { roleDescriptions, roles } from "@/lib/auth/roles";
import { createUserRequestSchema, MIN_PASSWORD_LENGTH } from "@/lib/contracts/users";
import { useCreateUserMutation } from "@/lib/queries/users";
import { Button } from "../ui/button";
import { fieldError, showServerError, useContractForm } from "../ui/contract-form";
import { Field } from "../ui/field";
import { FormError } from "../ui/form-error";
import { Input } from "../ui/input";
import { Select } from "../ui/select";

const fields = ["email", "name", "role", "password"] as const;

/** Creates a user; the admin hands the password over out of band. */
export function CreateUserForm() {
  const create = useCreateUserMutation();
  const form = useContractForm(createUserRequestSchema, {
    defaultValues: { email: "", name: "", role: "labeler", password: "" },
  });
  const submit = form.handleSubmit((user) =>
    create.mutate(user, {
      onSuccess: () => form.reset({ email: "", name: "", role: form.getValues("role"), password: "" }),
      onError: (error) => showServerError(form, error, fields),
    }),
  );

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Create user"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 className="mb-3 text-sm font-semibold">Create a user</h2>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
        <Field label="Email" error={fieldError(form, "email")}>
          <Input type="email" {...form.register("email")} />
        </Field>
        <Field label="Name" error={fieldError(form, "name")}>
          <Input {...form.register("name")} />
        </Field>
        <Field label="Role" error={fieldError(form, "role")}>
          <Select {...form.register("role")}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r} — {roleDescriptions[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          error={fieldError(form, "password")}
        >
          <Input type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
      </div>
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create user
        </Button>
        <FormError message={form.formState.errors.root?.server?.message} />
        {create.isSuccess ? (
          <p role="status" className="text-sm text-emerald-700">
            Created {create.data.user.email}.
          </p>
        ) : null}
      </div>
    </form>
  );
}
