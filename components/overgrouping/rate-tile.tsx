import Link from "next/link";
import type { ReactNode } from "react";
import type { Rate } from "@/lib/contracts/overgrouping";
import { intervalText, percent } from "./format";

interface RateTileProps {
  title: string;
  rate: Rate | null;
  /** Observations behind the rate, spelled out ("84 labeled merges, 2 wrong"). */
  sample: ReactNode;
  /** Shown instead of a value when there is nothing to divide. */
  emptyText: string;
  /** When set and the sample is smaller, a warning says the rate says little. */
  warnBelow?: { n: number; min: number };
  drillDown?: { href: string; label: string };
  /** A line shown with or without a rate (evidence beside the rate, not in it). */
  note?: ReactNode;
}

/** One rate as a tile: value, Wilson 95% interval and n; never a rate without observations. */
export function RateTile({ title, rate, sample, emptyText, warnBelow, drillDown, note }: RateTileProps) {
  const small = warnBelow && rate && warnBelow.n < warnBelow.min;
  return (
    <section aria-label={title} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-sm font-medium text-slate-600">{title}</h3>
      {rate ? (
        <>
          <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900" data-testid="rate-value">
            {percent(rate.value)}
          </p>
          <p className="text-sm tabular-nums text-slate-600" data-testid="rate-interval">
            {intervalText(rate)}
          </p>
        </>
      ) : (
        <p className="mt-1 text-3xl font-semibold text-slate-300" aria-label="no rate">
          —
        </p>
      )}
      <p className="mt-1 text-xs text-slate-500" data-testid="rate-sample">
        {rate ? sample : emptyText}
      </p>
      {note ? (
        <p className="mt-1 text-xs text-slate-700" data-testid="rate-note">
          {note}
        </p>
      ) : null}
      {small ? (
        <p role="note" className="mt-2 rounded bg-amber-50 px-2 py-1 text-xs font-medium text-amber-800">
          ⚠ Only {warnBelow.n} observations (fewer than {warnBelow.min}): the interval is wide; do not read much into
          it.
        </p>
      ) : null}
      {drillDown ? (
        <Link href={drillDown.href} className="mt-auto pt-2 text-xs font-medium text-indigo-700 hover:underline">
          {drillDown.label}
        </Link>
      ) : null}
    </section>
  );
}
