import Link from "next/link";
import type { IssueSummary } from "@/lib/contracts/issues";
import { formatCount, formatRelativeTime } from "@/lib/format";
import { DataTable } from "../../ui/data-table";

/** A page of issues: title (a link) and culprit, events, AI merges, first and last seen, how each came to be. */
export function IssueTable({ issues, now }: { issues: IssueSummary[]; now: Date }) {
  return (
    <DataTable
      caption="Issues"
      alignTop
      columns={[
        "Issue",
        { label: "Events", align: "right" },
        { label: "AI-merged", align: "right" },
        "First seen",
        "Last seen",
        "Created",
      ]}
    >
      {issues.map((issue) => (
        <tr key={issue.id}>
          <th scope="row" className="max-w-md px-3 py-2 text-left font-normal">
            <Link href={`/issues/${issue.id}`} className="font-medium text-indigo-700 hover:underline">
              {issue.title}
            </Link>
            {issue.culprit ? <p className="truncate font-mono text-xs text-slate-500">{issue.culprit}</p> : null}
          </th>
          <td className="px-3 py-2 text-right tabular-nums">{formatCount(issue.eventCount)}</td>
          <td className="px-3 py-2 text-right tabular-nums">{formatCount(issue.aiMergedEvents)}</td>
          <td className="whitespace-nowrap px-3 py-2 text-slate-600">
            <time dateTime={issue.firstSeen} title={issue.firstSeen}>
              {formatRelativeTime(new Date(issue.firstSeen), now)}
            </time>
          </td>
          <td className="whitespace-nowrap px-3 py-2 text-slate-600">
            <time dateTime={issue.lastSeen} title={issue.lastSeen}>
              {formatRelativeTime(new Date(issue.lastSeen), now)}
            </time>
          </td>
          <td className="px-3 py-2 text-xs text-slate-600">{issue.creation.detail}</td>
        </tr>
      ))}
    </DataTable>
  );
}
