"use client";

import { useState } from "react";
import type { FlagChange, RolloutProject } from "@/lib/contracts/rollout";
import { FlagChangeDialog } from "./flag-change-dialog";
import { buttonClass } from "./format";

/** The admin's flag toggles of one project; each opens the confirmation dialog. */
export function FlagControls({
  project,
  nextModel,
  stableModel,
}: {
  project: RolloutProject;
  nextModel: string | null;
  stableModel: string;
}) {
  const [change, setChange] = useState<FlagChange | null>(null);
  const onNext = project.groupingModel === nextModel;
  const target = onNext ? stableModel : nextModel;
  return (
    <div className="flex flex-wrap gap-1">
      {target ? (
        <button
          type="button"
          className={buttonClass}
          onClick={() => setChange({ groupingModel: target as "v1" | "v2" })}
        >
          <span aria-hidden>{onNext ? `Back to ${target}` : `Move to ${target}`}</span>
          <span className="sr-only">{`Move ${project.name} to ${target}`}</span>
        </button>
      ) : null}
      <button type="button" className={buttonClass} onClick={() => setChange({ skipFallback: !project.skipFallback })}>
        <span aria-hidden>{project.skipFallback ? "Allow fallback" : "Skip fallback"}</span>
        <span className="sr-only">{`${project.skipFallback ? "Allow" : "Skip"} fallback for ${project.name}`}</span>
      </button>
      {change ? <FlagChangeDialog project={project} change={change} onClose={() => setChange(null)} /> : null}
    </div>
  );
}
