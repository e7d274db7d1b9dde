import type { GroupingComponent } from "../component";

/** Renders a component tree in the layout of Sentry's grouping snapshots (for diffing by hand). */
export function renderTree(c: GroupingComponent, indent = 4): string[] {
  const hasLeaf = c.values.length > 0;
  if (!hasLeaf && !c.hint) return [];
  const head = `${" ".repeat(indent)}${c.id}${c.contributes ? "*" : ""}${c.hint ? ` (${c.hint})` : ""}`;
  const out = [head];
  for (const v of c.values) {
    if (typeof v === "string") out.push(`${" ".repeat(indent + 2)}${JSON.stringify(v)}`);
    else out.push(...renderTree(v, indent + 2));
  }
  return out;
}
