"use client";

import type { ComponentProps } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { labelReasons, type LabelReason, type Verdict } from "@/lib/contracts/review";
import { Button, type ButtonVariant } from "../ui/button";
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

/** What a verdict means, lighter than the verdict itself. */
const Explanation = ({ children }: { children: string }) => <span className="text-xs font-normal">{children}</span>;

/** A labeling button that names its keyboard shortcut, both to assistive technology and on the button. */
function ShortcutButton({
  shortcut,
  label,
  children,
  ...props
}: Omit<ComponentProps<typeof Button>, "size" | "aria-label" | "aria-keyshortcuts"> & {
  shortcut: string;
  label: string;
}) {
  return (
    <Button size="md" aria-label={label} aria-keyshortcuts={shortcut} {...props}>
      {children}
      <kbd className="ml-1 rounded border border-current/30 px-1 font-mono text-[10px] opacity-80">{shortcut}</kbd>
    </Button>
  );
}

const verdictButtons: {
  verdict: Verdict;
  text: string;
  variant: ButtonVariant;
  label: string;
  shortcut: string;
  explanation?: string;
}[] = [
  {
    verdict: "GROUP",
    text: "GROUP",
    variant: "danger",
    label: "Same root cause",
    shortcut: "g",
    explanation: "same root cause",
  },
  {
    verdict: "SEPARATE",
    text: "SEPARATE",
    variant: "success",
    label: "Different root cause",
    shortcut: "s",
    explanation: "different root cause",
  },
  { verdict: "UNSURE", text: "Unsure", variant: "muted", label: "Unsure", shortcut: "u" },
];

/** The verdict buttons, the reason and the note; each button names its keyboard shortcut. */
export function LabelControls({ reason, note, noteError, busy, onReason, onVerdict, onSkip, onUndo }: Props) {
  return (
    <section aria-label="Label" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap gap-1.5">
        {verdictButtons.map((button) => (
          <ShortcutButton
            key={button.verdict}
            variant={button.variant}
            label={button.label}
            shortcut={button.shortcut}
            disabled={busy}
            onClick={() => onVerdict(button.verdict)}
          >
            {button.text}
            {button.explanation ? (
              <>
                {" "}
                <Explanation>{`· ${button.explanation}`}</Explanation>
              </>
            ) : null}
          </ShortcutButton>
        ))}
        <ShortcutButton label="Skip" shortcut="n" disabled={busy} onClick={onSkip}>
          Skip
        </ShortcutButton>
        <ShortcutButton label="Undo" shortcut="z" disabled={busy} onClick={onUndo}>
          Undo
        </ShortcutButton>
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
