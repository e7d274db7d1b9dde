"use client";

import Link from "next/link";
import { formatCount } from "@/lib/format";
import { useProjectsQuery } from "@/lib/queries/projects";
import { ErrorState, LoadingState } from "../ui/states";

function Tile({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 text-3xl font-semibold tabular-nums">{formatCount(value)}</p>
    </div>
  );
}

/** Totals over all projects, and where to go next. */
export function OverviewView() {
  const projects = useProjectsQuery();
  if (projects.isPending) return <LoadingState label="Loading totals…" />;
  if (projects.isError) return <ErrorState title="Could not load the totals." error={projects.error} />;
  const totals = projects.data.reduce(
    (sum, project) => ({ issues: sum.issues + project.issueCount, events: sum.events + project.eventCount }),
    { issues: 0, events: 0 },
  );
  const platforms = new Set(projects.data.map((project) => project.platform)).size;
  return (
    <div className="space-y-6">
      <section aria-label="Totals" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Tile label="Projects" value={projects.data.length} />
        <Tile label="Platforms" value={platforms} />
        <Tile label="Issues" value={totals.issues} />
        <Tile label="Events" value={totals.events} />
      </section>
      <p className="text-sm text-slate-600">
        See each project&apos;s platform and counts on the{" "}
        <Link href="/projects" className="font-medium text-indigo-700 underline">
          Projects
        </Link>{" "}
        page.
      </p>
    </div>
  );
}
