import Link from "next/link";
import type { PreviewIssue } from "@/lib/contracts/grouping-settings";

/** An issue of a preview: a link to an existing one, or the new issue a change would start. */
export function PreviewIssueLabel({ issue }: { issue: PreviewIssue }) {
  if (issue.id !== null) {
    return (
      <Link href={`/issues/${issue.id}`} className="text-indigo-700 hover:underline">
        #{issue.id} {issue.title}
      </Link>
    );
  }
  return (
    <span>
      a new issue <span className="text-slate-600">({issue.title})</span>
    </span>
  );
}

export const eventCount = (events: number) => `${events} event${events === 1 ? "" : "s"}`;
