import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { UsersView } from "@/components/users/users-view";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await currentUser();
  if (!user || !hasRole(user.role, "admin")) forbidden();
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and what they may do: viewers read everything, labelers also label pairs, admins also change flags and users. Every change is in the audit log."
      />
      <UsersView currentUserId={user.id} />
    </>
  );
}
