import { forbidden } from "next/navigation";
import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { UsersView } from "@/components/users/users-view";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/server/auth/current-user";

export const metadata = consolePageMetadata("users");

export default async function UsersPage() {
  const user = await currentUser();
  if (!user || !hasRole(user.role, "admin")) forbidden();
  return <ConsolePage page="users" view={<UsersView currentUserId={user.id} />} />;
}
