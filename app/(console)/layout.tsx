import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { currentUser } from "@/server/auth/current-user";

// Every console page needs a valid session (checked against the database, not just the cookie's presence).
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return <AppShell user={user}>{children}</AppShell>;
}
