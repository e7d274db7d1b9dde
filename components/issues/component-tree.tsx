import type { GroupingComponentView } from "@/lib/contracts/issues";

/** The grouping component tree, as Sentry shows it: contributing values in bold, the rest greyed with the reason. */
export function ComponentTree({ component }: { component: GroupingComponentView }) {
  const leaves = component.values.filter((value): value is string => typeof value === "string");
  const children = component.values.filter((value): value is GroupingComponentView => typeof value !== "string");
  return (
    <li className={component.contributes ? "text-slate-900" : "text-slate-400"}>
      <span className="font-mono text-xs">
        {component.contributes ? "✓ " : "✗ "}
        {component.name ?? component.id}
      </span>
      {leaves.length ? (
        <span className={`ml-2 font-mono text-xs ${component.contributes ? "font-semibold" : ""}`}>
          {leaves.map((leaf) => JSON.stringify(leaf)).join(" ")}
        </span>
      ) : null}
      {component.hint ? <span className="ml-2 text-xs italic">({component.hint})</span> : null}
      {children.length ? (
        <ul className="ml-4 border-l border-slate-200 pl-3">
          {children.map((child, index) => (
            <ComponentTree key={`${child.id}-${index}`} component={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
