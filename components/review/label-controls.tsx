"use client";

import { labelReasons, type LabelReason, type Verdict } from "@/lib/contracts/review";

interface Props {
  reason: LabelReason | null;
  note: string;
  busy: boolean;
  onReason: (reason: LabelReason | null) => void;
  onNote: (note: string) => void;
  onVerdict: (verdict: Verdict) => void;
  onSkip: () => void;
  onUndo: () => void;
}

const button = "rounded-md px-3 py-2 text-sm font-semibold disabled:opacity-60";
const Key = ({ k }: { k: string }) => (
  <kbd className="ml-1 rounded border border-current/30 px-1 font-mono text-[10px] opacity-80">{k}</kbd>
);

/** The verdict buttons, the reason and the note; each button names its keyboard shortcut. */
export function LabelControls({ reason, note, busy, onReason, onNote, onVerdict, onSkip, onUndo }: Props) {
  return (
    <section aria-label="Label" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          aria-label="Same root cause"
          aria-keyshortcuts="g"
          disabled={busy}
          onClick={() => onVerdict("GROUP")}
          className={`${button} bg-rose-600 text-white hover:bg-rose-500`}
        >
          GROUP · same root cause
          <Key k="g" />
        </button>
        <button
          type="button"
          aria-label="Different root cause"
          aria-keyshortcuts="s"
          disabled={busy}
          onClick={() => onVerdict("SEPARATE")}
          className={`${button} bg-emerald-600 text-white hover:bg-emerald-500`}
        >
          SEPARATE · different root cause
          <Key k="s" />
        </button>
        <button
          type="button"
          aria-label="Unsure"
          aria-keyshortcuts="u"
          disabled={busy}
          onClick={() => onVerdict("UNSURE")}
          className={`${button} bg-slate-200 text-slate-900 hover:bg-slate-300`}
        >
          Unsure
          <Key k="u" />
        </button>
        <button
          type="button"
          aria-label="Skip"
          aria-keyshortcuts="n"
          disabled={busy}
          onClick={onSkip}
          className={`${button} border border-slate-300 text-slate-700 hover:bg-slate-50`}
        >
          Skip
          <Key k="n" />
        </button>
        <button
          type="button"
          aria-label="Undo"
          aria-keyshortcuts="z"
          disabled={busy}
          onClick={onUndo}
          className={`${button} border border-slate-300 text-slate-700 hover:bg-slate-50`}
        >
          Undo
          <Key k="z" />
        </button>
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
      <label className="block text-xs font-medium text-slate-600">
        Note (optional)
        <textarea
          value={note}
          onChange={(e) => onNote(e.target.value)}
          rows={2}
          maxLength={2000}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm font-normal"
        />
      </label>
    </section>
  );
}
