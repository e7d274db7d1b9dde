"use client";

import { formatCount } from "@/lib/format";
import { useMergeCandidatesQuery } from "@/lib/queries/issue-merge";
import { ErrorState, LoadingState } from "../ui/states";

export interface PickableIssue {
  id: number;
  title: string;
}

interface Props {
  projectId: number;
  /** The issue the others are merged into: never offered. */
  exclude: number;
  search: string;
  picked: ReadonlyMap<number, string>;
  onToggle: (issue: PickableIssue, checked: boolean) => void;
}

function IssueOption({
  issue,
  checked,
  detail,
  onToggle,
}: {
  issue: PickableIssue;
  checked: boolean;
  detail?: string;
  onToggle: Props["onToggle"];
}) {
  return (
    <li>
      <label className="flex cursor-pointer items-start gap-2 px-3 py-1.5 text-sm hover:bg-slate-50">
        <input
          type="checkbox"
          className="mt-1"
          checked={checked}
          onChange={(event) => onToggle(issue, event.target.checked)}
        />
        <span>
          <span className="font-mono text-xs text-slate-500">#{issue.id}</span> {issue.title}
          {detail ? <span className="block text-xs text-slate-500">{detail}</span> : null}
        </span>
      </label>
    </li>
  );
}

/**
 * Other issues of the project to pick for a merge, as the issue stream's search finds them (title, culprit, exception
 * type; most recently seen first); the picked ones stay listed whatever the search.
 */
export function IssuePicker({ projectId, exclude, search, picked, onToggle }: Props) {
  const query = useMergeCandidatesQuery(projectId, search);
  if (query.isPending) return <LoadingState label="Loading the project's issues…" />;
  if (query.isError) return <ErrorState title="Could not load the project's issues." error={query.error} />;
  const needle = search.trim();
  const matching = query.data.issues.filter((issue) => issue.id !== exclude && !picked.has(issue.id));
  const more = query.data.total.count - query.data.issues.length;
  return (
    <div className="max-h-72 overflow-y-auto rounded-md border border-slate-200">
      <ul aria-label="Issues to merge" className="divide-y divide-slate-100">
        {[...picked].map(([id, title]) => (
          <IssueOption key={id} issue={{ id, title }} checked onToggle={onToggle} />
        ))}
        {matching.map((issue) => (
          <IssueOption
            key={issue.id}
            issue={issue}
            checked={false}
            detail={`${formatCount(issue.eventCount)} events · ${issue.culprit ?? "no culprit"}`}
            onToggle={onToggle}
          />
        ))}
      </ul>
      {matching.length === 0 ? (
        <p className="px-3 py-2 text-sm text-slate-500">
          {picked.size ? "No other issue" : "No issue"} of this project {needle ? `matches “${needle}”` : "to merge"}.
        </p>
      ) : more > 0 ? (
        <p className="px-3 py-2 text-xs text-slate-500">
          {query.data.total.exact ? more : `More than ${more}`} more match: search to narrow them down.
        </p>
      ) : null}
    </div>
  );
}
