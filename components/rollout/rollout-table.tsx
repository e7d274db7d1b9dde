import Link from "next/link";
import type { RolloutOverview, RolloutProject } from "@/lib/contracts/rollout";
import { BackfillControl } from "./backfill-control";
import { FlagControls } from "./flag-controls";
import { formatOvergrouping, formatPercent, stateLabels } from "./format";
import { WhatIfCell } from "./what-if-cell";
import { DataTable } from "../ui/data-table";

/** The models a replay of the project may use: the one it would move to first, then the one it runs. */
function replayModels(project: RolloutProject, overview: RolloutOverview): string[] {
  const models = [overview.nextModel, overview.stableModel].filter((model): model is string => model !== null);
  const other = models.filter((model) => model !== project.groupingModel);
  return [...new Set([...other, project.groupingModel])];
}

/** One row per project: flags, migration, overgrouping estimate, guardrail flags and (for admins) the controls. */
export function RolloutTable({ overview, canEdit }: { overview: RolloutOverview; canEdit: boolean }) {
  return (
    <DataTable
      caption="Rollout by project"
      alignTop
      columns={[
        "Project",
        "Model",
        "Skip fallback",
        "Migration",
        { label: "v2 coverage", align: "right" },
        { label: "Fallback (7d)", align: "right" },
        "v2 overgrouping",
        "Guardrails",
        "Backfill",
        "What-if",
        ...(canEdit ? ["Flags"] : []),
      ]}
    >
      {overview.projects.map((project) => {
        const m = project.migration;
        return (
          <tr key={project.id}>
            <th scope="row" className="px-3 py-2 text-left font-normal">
              <Link href={`/projects/${project.id}`} className="font-medium text-indigo-700 hover:underline">
                {project.name}
              </Link>
              <p className="text-xs text-slate-500">
                {project.platform} · {project.eventCount} events
              </p>
            </th>
            <td className="px-3 py-2 font-mono">{project.groupingModel}</td>
            <td className="px-3 py-2">{project.skipFallback ? "on" : "off"}</td>
            <td className="px-3 py-2">
              <span className="font-medium">{stateLabels[m.state]}</span>
              <p className="text-xs text-slate-500">{m.detail}</p>
            </td>
            <td className="px-3 py-2 text-right tabular-nums">
              {formatPercent(m.coverage)}
              <p className="text-xs text-slate-500">
                {m.coveredHashes}/{m.eligibleHashes} · {m.ineligibleHashes} ineligible · {m.trainingCalls} training
                calls
              </p>
            </td>
            <td className="px-3 py-2 text-right tabular-nums">
              {formatPercent(m.fallbackRate)}
              <p className="text-xs text-slate-500">{m.fallbackLookups} v2 lookups</p>
            </td>
            <td className="px-3 py-2 text-xs">{formatOvergrouping(project.overgrouping)}</td>
            <td className="px-3 py-2 text-xs">
              {project.guardrails.length === 0 ? (
                <span className="text-slate-500">ok</span>
              ) : (
                <ul className="space-y-1">
                  {project.guardrails.map((flag) => (
                    <li key={flag.rule} className={flag.level === "breached" ? "text-red-700" : "text-amber-700"}>
                      <span className="font-medium">{flag.level === "breached" ? "Breached" : "Watch"}:</span>{" "}
                      {flag.message}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className="px-3 py-2">
              <BackfillControl
                projectId={project.id}
                projectName={project.name}
                job={project.backfill}
                canEdit={canEdit && overview.nextModel !== null}
              />
            </td>
            <td className="px-3 py-2">
              <WhatIfCell project={project} models={replayModels(project, overview)} canEdit={canEdit} />
            </td>
            {canEdit ? (
              <td className="px-3 py-2">
                <FlagControls
                  project={project}
                  stableModel={overview.stableModel}
                  servedModels={overview.servedModels}
                />
              </td>
            ) : null}
          </tr>
        );
      })}
    </DataTable>
  );
}
