import { labelReasons } from "@/lib/contracts/review";

export const shortcuts: [string, string][] = [
  ["g", "Same root cause (GROUP)"],
  ["s", "Different root cause (SEPARATE)"],
  ["u", "Unsure"],
  ["n", "Skip this pair"],
  ["z", "Undo your last label"],
  ["1–6", `Pick a reason (${labelReasons.join(", ")})`],
  ["?", "Show or hide this sheet"],
];

/** The keyboard shortcuts; shortcuts are off while typing in a field. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <div
      role="dialog"
      aria-label="Keyboard shortcuts"
      className="fixed right-6 top-6 z-20 w-96 rounded-lg border border-slate-300 bg-white p-4 shadow-lg"
    >
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-sm font-semibold">Keyboard shortcuts</h2>
        <button type="button" onClick={onClose} className="text-xs text-indigo-700 hover:underline">
          Close
        </button>
      </div>
      <dl className="grid grid-cols-[3rem_1fr] gap-y-1 text-sm">
        {shortcuts.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500">
        Shortcuts are off while you type in the note. After a label the next pair opens.
      </p>
    </div>
  );
}
