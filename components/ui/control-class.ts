/** The look every text-like control shares (input, select, textarea); red while the field is invalid. */
const controlClass =
  "block rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-normal disabled:bg-slate-50 disabled:text-slate-500 aria-invalid:border-red-500";

export interface ControlStyle {
  /** As wide as its content (a control in a row of others) instead of as wide as its Field. */
  inline?: boolean;
}

export function controlClasses({ inline = false }: ControlStyle, className: string | undefined): string {
  return [controlClass, inline ? "" : "w-full", className ?? ""].filter(Boolean).join(" ");
}
