"use client";

import { useRouter } from "next/navigation";
import { useSignOutMutation } from "@/lib/queries/auth";

export function SignOutButton() {
  const router = useRouter();
  const signOut = useSignOutMutation();
  return (
    <button
      type="button"
      onClick={() => signOut.mutate(undefined, { onSettled: () => router.replace("/signin") })}
      disabled={signOut.isPending}
      className="rounded border border-slate-700 px-2 py-1 text-slate-200 hover:bg-slate-800 disabled:opacity-50"
    >
      Sign out
    </button>
  );
}
