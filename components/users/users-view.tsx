"use client";

import { useUsersQuery } from "@/lib/queries/users";
import { ErrorState, LoadingState } from "../ui/states";
import { CreateUserForm } from "./create-user-form";
import { UserRowControls } from "./user-row-controls";
import { TableHead } from "../ui/table-head";

/** Data container of the Users page. */
export function UsersView({ currentUserId }: { currentUserId: number }) {
  const users = useUsersQuery();
  return (
    <div className="space-y-6">
      <CreateUserForm />
      {users.isPending ? (
        <LoadingState label="Loading users…" />
      ) : users.isError ? (
        <ErrorState title="Could not load the users." error={users.error} />
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
          <caption className="sr-only">Users</caption>
          <TableHead padding="px-4" columns={["User", "Status", "Role and access"]} />
          <tbody className="divide-y divide-slate-100">
            {users.data.map((user) => (
              <tr key={user.id}>
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  {user.email}
                  {user.name ? <span className="ml-2 font-normal text-slate-500">{user.name}</span> : null}
                </th>
                <td className="px-4 py-2">{user.disabled ? "disabled" : "active"}</td>
                <td className="px-4 py-2">
                  <UserRowControls user={user} isSelf={user.id === currentUserId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
