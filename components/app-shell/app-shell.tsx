import type { ReactNode } from "react";
import { NavLinks } from "./nav-links";

/** The console frame: the navigation on the left, the page on the right. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <nav aria-label="Main" className="w-56 shrink-0 bg-slate-900 px-3 py-5">
        <div className="mb-6 px-3">
          <span className="text-lg font-semibold tracking-tight text-white">regroup</span>
          <p className="text-xs text-slate-400">grouping review &amp; rollout</p>
        </div>
        <NavLinks />
      </nav>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
