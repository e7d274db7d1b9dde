"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useSignInMutation } from "@/lib/queries/auth";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const signIn = useSignInMutation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => router.replace(next) });
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4" aria-label="Sign in">
      <label className="block text-sm font-medium">
        Email
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal"
        />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal"
        />
      </label>
      {signIn.isError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {signIn.error.message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={signIn.isPending}
        className="w-full rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
      >
        {signIn.isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
