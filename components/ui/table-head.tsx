export interface Column {
  label: string;
  align?: "left" | "right";
  /** Named for screen readers only (e.g. a column of row actions). */
  hidden?: boolean;
}

/** The header row every console table shares: one `<th scope="col">` per column, in the console's style. */
export function TableHead({ columns, padding = "px-3" }: { columns: (string | Column)[]; padding?: "px-3" | "px-4" }) {
  return (
    <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
      <tr>
        {columns.map((column) => {
          const { label, align, hidden } = typeof column === "string" ? { label: column } : column;
          return (
            <th key={label} scope="col" className={`${padding} py-2${align === "right" ? " text-right" : ""}`}>
              {hidden ? <span className="sr-only">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
