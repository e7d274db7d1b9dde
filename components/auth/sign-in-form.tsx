"use client";

import { useRouter } from "next/navigation";
import { signInRequestSchema } from "@/lib/contracts/users";
import { useSignInMutation } from "@/lib/queries/auth";
import { Button } from "../ui/button";
import { fieldError, showServerError, useContractForm } from "../ui/contract-form";
import { Field } from "../ui/field";
import { Input } from "../ui/input";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const signIn = useSignInMutation();
  const form = useContractForm(signInRequestSchema, { defaultValues: { email: "", password: "" } });
  const submit = form.handleSubmit((credentials) =>
    signIn.mutate(credentials, {
      onSuccess: () => router.replace(next),
      onError: (error) => showServerError(form, error, ["email", "password"]),
    }),
  );
  const formError = form.formState.errors.root?.server?.message;

  return (
    <form onSubmit={submit} noValidate className="mt-6 space-y-4" aria-label="Sign in">
      <Field label="Email" error={fieldError(form, "email")}>
        <Input type="email" autoComplete="username" {...form.register("email")} />
      </Field>
      <Field label="Password" error={fieldError(form, "password")}>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="md" block disabled={signIn.isPending}>
        {signIn.isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
