"use client";

import type { ReactNode } from "react";
import { labelReasons } from "@/lib/contracts/review";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";

export const shortcuts: [string, string][] = [
  ["g", "Same root cause (GROUP)"],
  ["s", "Different root cause (SEPARATE)"],
  ["u", "Unsure"],
  ["n", "Skip this pair"],
  ["z", "Undo your last label"],
  ["1–6", `Pick a reason (${labelReasons.join(", ")})`],
  ["?", "Show or hide this sheet"],
];

/** The keyboard shortcuts, in a dialog that `trigger` (or the "?" key) opens; shortcuts are off while typing. */
export function ShortcutSheet({
  open,
  onOpenChange,
  trigger,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: ReactNode;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={trigger}
      title="Keyboard shortcuts"
      description="Shortcuts are off while you type in the note. After a label the next pair opens."
    >
      <dl className="mt-4 grid grid-cols-[3rem_1fr] gap-y-1 text-sm">
        {shortcuts.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex justify-end">
        <Button size="xs" onClick={() => onOpenChange(false)}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
