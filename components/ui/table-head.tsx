export interface Column {
  label: string;
  align?: "left" | "right";
}

/** The header row every console table shares: one `<th scope="col">` per column, in the console's style. */
export function TableHead({ columns, padding = "px-3" }: { columns: (string | Column)[]; padding?: "px-3" | "px-4" }) {
  return (
    <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
      <tr>
        {columns.map((column) => {
          const { label, align } = typeof column === "string" ? { label: column, align: "left" } : column;
          return (
            <th key={label} scope="col" className={`${padding} py-2${align === "right" ? " text-right" : ""}`}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
