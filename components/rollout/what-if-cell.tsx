"use client";

import { useState } from "react";
import type { RolloutProject } from "@/lib/contracts/rollout";
import { useWhatIfQuery } from "@/lib/queries/rollout";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { WhatIfPanel, whatIfSummary } from "./what-if-panel";

/** The rollout table's what-if cell: the latest replay's one line, and the replay dialog beside it. */
export function WhatIfCell({
  project,
  models,
  canEdit,
}: {
  project: RolloutProject;
  /** The models a replay may use, the one the project would move to first. */
  models: string[];
  canEdit: boolean;
}) {
  const replays = useWhatIfQuery(project.id);
  const [open, setOpen] = useState(false);
  const latest = replays.data?.[0];
  return (
    <div className="space-y-1 text-xs">
      <p className="text-slate-600" data-testid="what-if-summary">
        {latest ? whatIfSummary(latest) : "no replay yet"}
      </p>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        trigger={
          <Button size="xs" aria-label={`What if: replay ${project.name}`}>
            What if…
          </Button>
        }
        title={`What if ${project.name} ran another model or threshold?`}
        description="Its recent events grouped again, in memory: the live index, issues and decisions are not touched."
      >
        <div className="mt-4">
          <WhatIfPanel projectId={project.id} projectName={project.name} models={models} canEdit={canEdit} />
        </div>
      </Dialog>
    </div>
  );
}
