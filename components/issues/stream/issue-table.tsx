import Link from "next/link";
import type { IssueSummary } from "@/lib/contracts/issues";
import { formatCount, formatRelativeTime } from "@/lib/format";
import { DataTable } from "../../ui/data-table";

/** Checkboxes for picking issues (to merge them), when the user may. */
export interface IssueSelection {
  picked: ReadonlySet<number>;
  onToggle: (issue: IssueSummary, checked: boolean) => void;
}

/**
 * A page of issues: title (a link) and culprit, events, AI merges, first and last seen, how each came to be; with a
 * `selection`, a checkbox on each row.
 */
export function IssueTable({
  issues,
  now,
  selection,
}: {
  issues: IssueSummary[];
  now: Date;
  selection?: IssueSelection;
}) {
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
            <div className="flex items-start gap-2">
              {selection ? (
                <input
                  type="checkbox"
                  className="mt-1"
                  aria-label={`Select issue ${issue.title}`}
                  checked={selection.picked.has(issue.id)}
                  onChange={(event) => selection.onToggle(issue, event.target.checked)}
                />
              ) : null}
              <div className="min-w-0">
                <Link href={`/issues/${issue.id}`} className="font-medium text-indigo-700 hover:underline">
                  {issue.title}
                </Link>
                {issue.culprit ? <p className="truncate font-mono text-xs text-slate-500">{issue.culprit}</p> : null}
              </div>
            </div>
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
