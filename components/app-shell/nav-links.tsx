"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { hasRole, type Role } from "@/lib/auth/roles";

export const navigation: { href: string; label: string; role: Role }[] = [
  { href: "/", label: "Overview", role: "viewer" },
  { href: "/review", label: "Review", role: "viewer" },
  { href: "/overgrouping", label: "Overgrouping", role: "viewer" },
  { href: "/rollout", label: "Rollout", role: "viewer" },
  { href: "/projects", label: "Projects", role: "viewer" },
  { href: "/models", label: "Models", role: "viewer" },
  { href: "/audit", label: "Audit", role: "viewer" },
  { href: "/admin/users", label: "Users", role: "admin" },
];

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The main navigation, with the sections the user's role can open; marks the current one. */
export function NavLinks({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-1">
      {navigation
        .filter((item) => hasRole(role, item.role))
        .map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${
                  active ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
    </ul>
  );
}
