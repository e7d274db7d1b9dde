import { hashFromValues } from "./md5";

/** A node of the grouping tree, as shown to users to explain why an event was grouped. */
export interface GroupingComponent {
  id: string;
  name?: string;
  contributes: boolean;
  hint: string | null;
  values: (GroupingComponent | string)[];
}

type Value = GroupingComponent | string;

// Components left without values or an explicit flag do not contribute; a component with values
// contributes when any leaf or contributing child is present (Sentry's `_calculate_contributes`).
function calculateContributes(values: readonly Value[]): boolean {
  for (const v of values) if (typeof v === "string" || v.contributes) return true;
  return false;
}

export function component(
  id: string,
  opts: { values?: Value[]; contributes?: boolean; hint?: string | null } = {},
): GroupingComponent {
  const values = opts.values ?? [];
  return {
    id,
    contributes: opts.contributes ?? (opts.values ? calculateContributes(values) : false),
    hint: opts.hint ?? (id === "salt" ? "a static salt" : null),
    values,
  };
}

/** Mirrors `GroupingComponent.update`: a new value list recomputes `contributes` unless given. */
export function update(
  c: GroupingComponent,
  opts: { values?: Value[]; contributes?: boolean; hint?: string | null },
): void {
  if (opts.hint !== undefined && opts.hint !== null) c.hint = opts.hint;
  let contributes = opts.contributes;
  if (opts.values !== undefined) {
    if (contributes === undefined) contributes = calculateContributes(opts.values);
    c.values = opts.values;
  }
  if (contributes !== undefined) c.contributes = contributes;
}

function collectValues(c: GroupingComponent, out: string[]): void {
  if (!c.contributes) return;
  for (const v of c.values) {
    if (typeof v === "string") out.push(v);
    else collectValues(v, out);
  }
}

/** Contributing leaf values, depth first. */
export function iterValues(c: GroupingComponent): string[] {
  const out: string[] = [];
  collectValues(c, out);
  return out;
}

export function componentHash(c: GroupingComponent): string | null {
  return c.contributes ? hashFromValues(iterValues(c)) : null;
}

/** A deep copy, so that two variants can start from the same tree and then diverge. */
export function cloneComponent(c: GroupingComponent): GroupingComponent {
  const values: Value[] = new Array<Value>(c.values.length);
  for (let i = 0; i < c.values.length; i++) {
    const v = c.values[i] as Value;
    values[i] = typeof v === "string" ? v : cloneComponent(v);
  }
  const copy: GroupingComponent =
    c.name === undefined
      ? { id: c.id, contributes: c.contributes, hint: c.hint, values }
      : { id: c.id, name: c.name, contributes: c.contributes, hint: c.hint, values };
  return copy;
}

/** Whether any sub-component with the given id contributes (findSubcomponents without a generator). */
export function hasContributingSubcomponent(c: GroupingComponent, id: string): boolean {
  for (const v of c.values) {
    if (typeof v === "string") continue;
    if (v.id === id && v.contributes) return true;
    if (hasContributingSubcomponent(v, id)) return true;
  }
  return false;
}

/** All sub-components with the given id, recursively. */
export function* findSubcomponents(c: GroupingComponent, id: string): Generator<GroupingComponent> {
  for (const v of c.values) {
    if (typeof v === "string") continue;
    if (v.id === id) yield v;
    yield* findSubcomponents(v, id);
  }
}
