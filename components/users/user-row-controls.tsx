"use client";

import { roles, type Role } from "@/lib/auth/roles";
import type { User } from "@/lib/contracts/users";
import { useUpdateUserMutation } from "@/lib/queries/users";
import { Button } from "../ui/button";
import { Select } from "../ui/select";

/** Role and enabled/disabled of one user; each change is saved (and audited) at once. */
export function UserRowControls({ user, isSelf }: { user: User; isSelf: boolean }) {
  const update = useUpdateUserMutation();
  return (
    <div className="flex items-center gap-2">
      <Select
        aria-label={`Role of ${user.email}`}
        inline
        value={user.role}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ id: user.id, patch: { role: e.target.value as Role } })}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Select>
      <Button
        disabled={update.isPending || (isSelf && !user.disabled)}
        title={isSelf ? "You cannot disable yourself" : undefined}
        onClick={() => update.mutate({ id: user.id, patch: { disabled: !user.disabled } })}
      >
        {user.disabled ? `Enable ${user.email}` : `Disable ${user.email}`}
      </Button>
      {update.isError ? (
        <span role="alert" className="text-xs text-red-700">
          {update.error.message}
        </span>
      ) : null}
    </div>
  );
}
