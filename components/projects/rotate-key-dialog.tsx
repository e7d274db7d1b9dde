"use client";

import { useState } from "react";
import type { Project } from "@/lib/contracts/projects";
import { useRotateProjectKeyMutation } from "@/lib/queries/projects";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { DialogConfirmActions } from "../ui/dialog-confirm-actions";

/** Rotating the DSN key, behind a dialog that says first that the old key stops working at once. */
export function RotateKeyDialog({ project }: { project: Project }) {
  const [open, setOpen] = useState(false);
  const rotate = useRotateProjectKeyMutation(project.id);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) rotate.reset();
        }}
        trigger={<Button>Rotate the DSN key</Button>}
        title={`Rotate the DSN key of ${project.name}`}
        description="The current key stops working the moment you rotate it."
      >
        <p className="mt-4 rounded bg-amber-50 p-3 text-sm text-amber-900">
          Every SDK still configured with the current DSN gets 401 from then on, and the errors it sends are lost until
          it is given the new DSN. Rotate when the key leaked, with the new DSN ready to deploy.
        </p>
        <DialogConfirmActions
          serverError={rotate.error?.message}
          onCancel={() => setOpen(false)}
          confirmLabel="Rotate the key"
          confirmDisabled={rotate.isPending}
          onConfirm={() => rotate.mutate(undefined, { onSuccess: () => setOpen(false) })}
        />
      </Dialog>
      {rotate.isSuccess ? (
        <p role="status" className="text-sm text-emerald-700">
          New key made: the DSN above has it. Give it to every SDK of this project.
        </p>
      ) : (
        <p className="text-xs text-slate-600">A new key for the DSN; the current one stops working at once.</p>
      )}
    </div>
  );
}
