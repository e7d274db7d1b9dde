"use client";

import type { RolloutProject } from "@/lib/contracts/rollout";
import { Button } from "../ui/button";
import { FlagChangeDialog } from "./flag-change-dialog";

/** The admin's flag toggles of one project; each opens its confirmation dialog. */
export function FlagControls({
  project,
  nextModel,
  stableModel,
}: {
  project: RolloutProject;
  nextModel: string | null;
  stableModel: string;
}) {
  const onNext = project.groupingModel === nextModel;
  const target = onNext ? stableModel : nextModel;
  return (
    <div className="flex flex-wrap gap-1">
      {target ? (
        <FlagChangeDialog
          project={project}
          change={{ groupingModel: target as "v1" | "v2" }}
          trigger={
            <Button size="xs">
              <span aria-hidden>{onNext ? `Back to ${target}` : `Move to ${target}`}</span>
              <span className="sr-only">{`Move ${project.name} to ${target}`}</span>
            </Button>
          }
        />
      ) : null}
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
