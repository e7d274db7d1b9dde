/** What was cut or dropped from an event when it arrived, so that nobody mistakes a trimmed value for the whole. */
export function TrimmedNotice({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <aside
      aria-label="Trimmed when received"
      className="mb-3 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <p className="font-medium">This event was trimmed or repaired when it was received:</p>
      <ul className="mt-1 list-disc pl-5 font-mono text-xs">
        {lines.map((line, i) => (
          <li key={i} className="break-all">
            {line}
          </li>
        ))}
      </ul>
    </aside>
  );
}
