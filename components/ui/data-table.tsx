import type { ReactNode } from "react";
import { TableHead, type Column } from "./table-head";

interface Props {
  /** Read by screen readers only, unless `showCaption`: a section heading usually names the table for the eye. */
  caption?: ReactNode;
  showCaption?: boolean;
  columns: (string | Column)[];
  padding?: "px-3" | "px-4";
  /** Top-align the cells of rows whose cells hold several lines. */
  alignTop?: boolean;
  /** Clip the header's background to the rounded corners. */
  clip?: boolean;
  /** The `<tr>` rows. */
  children: ReactNode;
}

/** The console's bordered white table: an optional caption, the shared header row and the body rows. */
export function DataTable({
  caption,
  showCaption = false,
  columns,
  padding,
  alignTop = false,
  clip = false,
  children,
}: Props) {
  return (
    <table className={`w-full ${clip ? "overflow-hidden " : ""}rounded-lg border border-slate-200 bg-white text-sm`}>
      {caption === undefined ? null : (
        <caption className={showCaption ? "px-3 py-1 text-left text-xs text-slate-500" : "sr-only"}>{caption}</caption>
      )}
      <TableHead columns={columns} padding={padding} />
      <tbody className={`divide-y divide-slate-100${alignTop ? " align-top" : ""}`}>{children}</tbody>
    </table>
  );
}
