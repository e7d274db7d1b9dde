"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ApiError } from "@/lib/queries/api";

/** The issue a merged issue's id leads to, when the API answered that the issue was merged (code "issue_merged"). */
export function mergedInto(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== "issue_merged") return null;
  const into = (error.details as { mergedInto?: unknown } | undefined)?.mergedInto;
  return typeof into === "number" ? into : null;
}

/** An old link to a merged issue: says so and goes on to the issue it was merged into, replacing the old URL. */
export function MergedIssueRedirect({ issueId, into }: { issueId: number; into: number }) {
  const router = useRouter();
  useEffect(() => {
    router.replace(`/issues/${into}`);
  }, [router, into]);
  return (
    <p role="status" className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-700">
      Issue {issueId} was merged into{" "}
      <Link href={`/issues/${into}`} className="font-medium text-indigo-700 hover:underline">
        issue {into}
      </Link>
      ; opening it…
    </p>
  );
}
