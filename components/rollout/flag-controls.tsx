"use client";

import type { RolloutProject } from "@/lib/contracts/rollout";
import { Button } from "../ui/button";
import { FlagChangeDialog } from "./flag-change-dialog";

/**
 * The admin's flag toggles of one project; each opens its confirmation dialog. A project on the stable model can move
 * to any next model (v2, or one registered on the Models page); a project on a next model can go back to the stable one.
 */
export function FlagControls({
  project,
  stableModel,
  servedModels,
}: {
  project: RolloutProject;
  stableModel: string;
  servedModels: string[];
}) {
  const onStable = project.groupingModel === stableModel || !servedModels.includes(project.groupingModel);
  const targets = onStable ? servedModels.filter((model) => model !== stableModel) : [stableModel];
  return (
    <div className="flex flex-wrap gap-1">
      {targets.map((target) => (
        <FlagChangeDialog
          key={target}
          project={project}
          change={{ groupingModel: target }}
          trigger={
            <Button size="xs">
              <span aria-hidden>{onStable ? `Move to ${target}` : `Back to ${target}`}</span>
              <span className="sr-only">{`Move ${project.name} to ${target}`}</span>
            </Button>
          }
        />
      ))}
      <FlagChangeDialog
        project={project}
        change={{ skipFallback: !project.skipFallback }}
        trigger={
          <Button size="xs">
            <span aria-hidden>{project.skipFallback ? "Allow fallback" : "Skip fallback"}</span>
            <span className="sr-only">{`${project.skipFallback ? "Allow" : "Skip"} fallback for ${project.name}`}</span>
          </Button>
        }
      />
    </div>
  );
}
