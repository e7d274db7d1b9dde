import type { AuditEntry } from "@/lib/contracts/audit";
import { formatDateTime } from "@/lib/format";
import { DataTable } from "../ui/data-table";
import { RevertButton } from "./revert-button";

function compact(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
      .join(", ");
  }
  return JSON.stringify(value);
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <DataTable
      caption="Audit log"
      alignTop
      columns={["When", "Actor", "Action", "Target", "Before", "After", "Reason", { label: "Actions", hidden: true }]}
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td className="whitespace-nowrap px-3 py-2 text-slate-600">
            <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
          </td>
          <td className="px-3 py-2">{entry.actor}</td>
          <td className="px-3 py-2 font-mono text-xs">{entry.action}</td>
          <td className="px-3 py-2">
            {entry.target}{" "}
            <span className="text-xs text-slate-500">
              ({entry.targetType} {entry.targetId})
            </span>
          </td>
          <td className="px-3 py-2 font-mono text-xs text-slate-600">{compact(entry.before)}</td>
          <td className="px-3 py-2 font-mono text-xs">{compact(entry.after)}</td>
          <td className="px-3 py-2 text-slate-700">{entry.reason ?? "—"}</td>
          <td className="px-3 py-2">
            <RevertButton entry={entry} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
