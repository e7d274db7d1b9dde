import Link from "next/link";
import type { Rate } from "@/lib/contracts/overgrouping";
import { intervalText, percent } from "./format";

/** A rate in a table cell: value, interval and n; "—" with the reason when there is nothing to divide. */
export function RateCell({
  rate,
  n,
  minSample,
  href,
  emptyText,
}: {
  rate: Rate | null;
  n: number;
  minSample?: number;
  href?: string;
  emptyText: string;
}) {
  if (!rate)
    return (
      <span className="text-slate-400" title={emptyText}>
        — <span className="sr-only">{emptyText}</span>
      </span>
    );
  const small = minSample !== undefined && n < minSample;
  const value = <span className="font-medium tabular-nums">{percent(rate.value)}</span>;
  return (
    <span className="inline-flex flex-col">
      {href ? (
        <Link
          href={href}
          className="text-indigo-700 hover:underline"
          aria-label={`${percent(rate.value)}: show the labeled merges`}
        >
          {value}
        </Link>
      ) : (
        value
      )}
      <span className="text-xs text-slate-500 tabular-nums">{intervalText(rate)}</span>
      {small ? (
        <span className="text-xs font-medium text-amber-700" role="note">
          ⚠ n = {n} &lt; {minSample}: too few to say much
        </span>
      ) : null}
    </span>
  );
}
