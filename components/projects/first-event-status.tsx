import Link from "next/link";
import type { Project } from "@/lib/contracts/projects";

/** "Waiting for the first event", until it arrives; then a link to the issue it opened. */
export function FirstEventStatus({ firstIssue }: { firstIssue: Project["firstIssue"] }) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label="First event"
      className="flex items-center gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm"
    >
      {firstIssue ? (
        <>
          <span aria-hidden className="h-2.5 w-2.5 rounded-full bg-emerald-500" />
          <span>First event received:</span>
          <Link href={`/issues/${firstIssue.id}`} className="font-medium text-indigo-700 hover:underline">
            {firstIssue.title}
          </Link>
        </>
      ) : (
        <>
          <span aria-hidden className="h-2.5 w-2.5 animate-pulse rounded-full bg-amber-500" />
          <span>Waiting for the first event… Run the application and make it raise an error.</span>
        </>
      )}
    </div>
  );
}
