import type { IssueHash } from "@/lib/contracts/issue-merge";
import { formatCount } from "@/lib/format";
import { hashOriginText } from "./hash-origin";

interface Props {
  hash: IssueHash;
  /** Shown with a checkbox (for unmerging) when the user may change the issue. */
  selection?: { checked: boolean; onChange: (checked: boolean) => void };
}

/** One hash of an issue: its sample event (title, culprit, innermost frames) and how it came in. */
export function HashRow({ hash, selection }: Props) {
  const { sample, ai } = hash;
  return (
    <tr data-hash={hash.hash}>
      {selection ? (
        <td className="px-3 py-2">
          <input
            type="checkbox"
            aria-label={`Select hash ${hash.hash}`}
            checked={selection.checked}
            onChange={(event) => selection.onChange(event.target.checked)}
          />
        </td>
      ) : null}
      <td className="px-3 py-2">
        <span className="font-mono text-xs">{hash.hash.slice(0, 16)}…</span>
        {hash.primary ? (
          <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">primary</span>
        ) : null}
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{formatCount(hash.events)}</td>
      <td className="px-3 py-2 text-xs">
        <p>{hashOriginText(hash)}</p>
        {ai?.unmergedAt ? (
          <p className="mt-1 text-rose-700">Unmerged by {ai.unmergedBy ?? "someone"}: a known overgrouping</p>
        ) : null}
      </td>
      <td className="px-3 py-2">
        {sample ? (
          <>
            <p className="font-medium">{sample.title}</p>
            {sample.culprit ? <p className="text-xs text-slate-600">{sample.culprit}</p> : null}
            {sample.topFrames.length ? (
              <ol className="mt-1 space-y-0.5 font-mono text-xs text-slate-600" aria-label="Innermost frames">
                {sample.topFrames.map((frame, index) => (
                  <li key={index} className={frame.inApp ? "text-slate-900" : "text-slate-400"}>
                    {frame.function ?? "?"}
                    <span className="text-slate-500">
                      {" "}
                      · {frame.location ?? "?"}
                      {frame.lineno === null ? "" : `:${frame.lineno}`}
                    </span>
                    {frame.contextLine ? (
                      <span className="block truncate pl-3 text-slate-500" title={frame.contextLine}>
                        {frame.contextLine}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : null}
          </>
        ) : (
          <span className="text-xs text-slate-500">No event</span>
        )}
      </td>
    </tr>
  );
}
