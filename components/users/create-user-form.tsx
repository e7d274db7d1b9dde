"use client";

import { useState, type FormEvent } from "react";
import { roleDescriptions, roles, type Role } from "@/lib/auth/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/contracts/users";
import { useCreateUserMutation } from "@/lib/queries/users";

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm font-normal";

/** Creates a user; the admin hands the password over out of band. */
export function CreateUserForm() {
  const create = useCreateUserMutation();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("labeler");
  const [password, setPassword] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { email, name: name || undefined, role, password },
      {
        onSuccess: () => {
          setEmail("");
          setName("");
          setPassword("");
        },
      },
    );
  }

  return (
    <form onSubmit={submit} aria-label="Create user" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-sm font-semibold">Create a user</h2>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
        <label className="text-sm font-medium">
          Email
          <input
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={inputClass}
          />
        </label>
        <label className="text-sm font-medium">
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />
        </label>
        <label className="text-sm font-medium">
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} className={inputClass}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r} — {roleDescriptions[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Password
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={inputClass}
          />
        </label>
      </div>
      <div className="mt-3 flex items-center gap-3">
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
        >
          Create user
        </button>
        <span className="text-xs text-slate-500">At least {MIN_PASSWORD_LENGTH} characters.</span>
        {create.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {create.error.message}
          </p>
        ) : null}
        {create.isSuccess ? (
          <p role="status" className="text-sm text-emerald-700">
            Created {create.data.user.email}.
          </p>
        ) : null}
      </div>
    </form>
  );
}
