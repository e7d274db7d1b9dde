import type { ReactNode } from "react";
import type { Role } from "@/lib/auth/roles";
import { InboxStatus } from "./inbox-status";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export interface ShellUser {
  email: string;
  role: Role;
}

/** The console frame: the navigation and the signed-in user on the left, the page on the right. */
export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <nav aria-label="Main" className="flex w-56 shrink-0 flex-col bg-slate-900 px-3 py-5">
        <div className="mb-6 px-3">
          <span className="text-lg font-semibold tracking-tight text-white">regroup</span>
          <p className="text-xs text-slate-400">grouping review &amp; rollout</p>
        </div>
        <NavLinks role={user.role} />
        <div className="mt-auto border-t border-slate-800 px-3 pt-4 text-xs text-slate-400">
          <p className="truncate text-slate-200" title={user.email}>
            {user.email}
          </p>
          <p className="mb-2">{user.role}</p>
          <div className="mb-2">
            <InboxStatus />
          </div>
          <SignOutButton />
        </div>
      </nav>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
