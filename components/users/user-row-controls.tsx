"use client";

import { roles, type Role } from "@/lib/auth/roles";
import type { User } from "@/lib/contracts/users";
import { useUpdateUserMutation } from "@/lib/queries/users";

/** Role and enabled/disabled of one user; each change is saved (and audited) at once. */
export function UserRowControls({ user, isSelf }: { user: User; isSelf: boolean }) {
  const update = useUpdateUserMutation();
  return (
    <div className="flex items-center gap-2">
      <select
        aria-label={`Role of ${user.email}`}
        value={user.role}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ id: user.id, patch: { role: e.target.value as Role } })}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={update.isPending || (isSelf && !user.disabled)}
        title={isSelf ? "You cannot disable yourself" : undefined}
        onClick={() => update.mutate({ id: user.id, patch: { disabled: !user.disabled } })}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-40"
      >
        {user.disabled ? `Enable ${user.email}` : `Disable ${user.email}`}
      </button>
      {update.isError ? (
        <span role="alert" className="text-xs text-red-700">
          {update.error.message}
        </span>
      ) : null}
    </div>
  );
}
