"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { labelReasons, type LabelReason, type Verdict } from "@/lib/contracts/review";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Textarea } from "../ui/textarea";

interface Props {
  reason: LabelReason | null;
  /** The note's textarea, registered with the label form. */
  note: UseFormRegisterReturn<"note">;
  noteError: string | undefined;
  busy: boolean;
  onReason: (reason: LabelReason | null) => void;
  onVerdict: (verdict: Verdict) => void;
  onSkip: () => void;
  onUndo: () => void;
}

const Key = ({ k }: { k: string }) => (
  <kbd className="ml-1 rounded border border-current/30 px-1 font-mono text-[10px] opacity-80">{k}</kbd>
);

/** What a verdict means, lighter than the verdict itself. */
const Explanation = ({ children }: { children: string }) => <span className="text-xs font-normal">{children}</span>;

/** The verdict buttons, the reason and the note; each button names its keyboard shortcut. */
export function LabelControls({ reason, note, noteError, busy, onReason, onVerdict, onSkip, onUndo }: Props) {
  return (
    <section aria-label="Label" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap gap-1.5">
        <Button
          variant="danger"
          size="md"
          aria-label="Same root cause"
          aria-keyshortcuts="g"
          disabled={busy}
          onClick={() => onVerdict("GROUP")}
        >
          GROUP <Explanation>· same root cause</Explanation>
          <Key k="g" />
        </Button>
        <Button
          variant="success"
          size="md"
          aria-label="Different root cause"
          aria-keyshortcuts="s"
          disabled={busy}
          onClick={() => onVerdict("SEPARATE")}
        >
          SEPARATE <Explanation>· different root cause</Explanation>
          <Key k="s" />
        </Button>
        <Button
          variant="muted"
          size="md"
          aria-label="Unsure"
          aria-keyshortcuts="u"
          disabled={busy}
          onClick={() => onVerdict("UNSURE")}
        >
          Unsure
          <Key k="u" />
        </Button>
        <Button size="md" aria-label="Skip" aria-keyshortcuts="n" disabled={busy} onClick={onSkip}>
          Skip
          <Key k="n" />
        </Button>
        <Button size="md" aria-label="Undo" aria-keyshortcuts="z" disabled={busy} onClick={onUndo}>
          Undo
          <Key k="z" />
        </Button>
      </div>
      <fieldset>
        <legend className="text-xs font-medium text-slate-600">Reason (optional, keys 1–6)</legend>
        <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
          {labelReasons.map((r, i) => (
            <label key={r} className="flex items-center gap-1 text-xs">
              <input
                type="radio"
                name="reason"
                checked={reason === r}
                onChange={() => onReason(r)}
                onClick={() => reason === r && onReason(null)}
              />
              <span className="font-mono text-slate-400">{i + 1}</span> {r}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Note (optional)" compact error={noteError}>
        <Textarea rows={2} maxLength={2000} {...note} />
      </Field>
    </section>
  );
}
