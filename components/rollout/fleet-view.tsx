"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MigrationState, RolloutProject } from "@/lib/contracts/rollout";
import { stateLabels } from "./format";

const states: MigrationState[] = ["not_started", "backfilling", "transition", "done"];

/** Projects by migration state and a histogram of v2 coverage (10-point buckets; no eligible hash: left out). */
export function FleetView({ projects }: { projects: RolloutProject[] }) {
  const buckets = Array.from({ length: 10 }, (_, i) => ({ bucket: `${i * 10}–${i * 10 + 10}%`, projects: 0 }));
  for (const project of projects) {
    if (project.migration.coverage === null) continue;
    buckets[Math.min(9, Math.floor(project.migration.coverage * 10))]!.projects += 1;
  }
  const unmeasured = projects.filter((p) => p.migration.coverage === null).length;
  return (
    <section
      aria-label="Fleet"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]"
    >
      <div>
        <h2 className="text-sm font-semibold">Projects by migration state</h2>
        <dl className="mt-2 grid grid-cols-2 gap-2">
          {states.map((state) => (
            <div key={state} className="rounded border border-slate-200 p-2">
              <dt className="text-xs text-slate-500">{stateLabels[state]}</dt>
              <dd className="text-xl font-semibold tabular-nums">
                {projects.filter((p) => p.migration.state === state).length}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <figure>
        <figcaption className="text-sm font-semibold">
          v2 coverage histogram
          {unmeasured ? ` (${unmeasured} project${unmeasured > 1 ? "s" : ""} with nothing eligible left out)` : ""}
        </figcaption>
        <div
          className="mt-2 h-40"
          role="img"
          aria-label={`v2 coverage of ${projects.length} projects in 10-point buckets`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={buckets} margin={{ top: 4, right: 8, bottom: 0, left: -20 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="bucket" tick={{ fontSize: 10 }} interval={0} />
              <YAxis allowDecimals={false} tick={{ fontSize: 10 }} />
              <Tooltip />
              <Bar dataKey="projects" fill="#6366f1" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </section>
  );
}
