import type { GException, GroupingEvent } from "@/engine/event/normalize";
import { iterValues } from "../component";
import type { Variants } from "./stacktrace";

/**
 * Which exceptions of a chain or exception group take part in grouping, as Sentry decides it (its RFC 0079,
 * "exception groups"): SDKs that send mechanism ids (`exception_id`, `parent_id`, `is_exception_group`) describe a
 * tree rooted at id 0. The "top-level" exceptions are the first descendants of the root that are not themselves
 * groups. When they are all alike (one distinct grouping), the event groups as that exception and its first-path
 * descendants, root first — so a cause chain `[cause, error]` from `@sentry/node` or Java groups in the order error,
 * cause. When they differ, one of each kind plus the root group. Without usable ids (a missing id, a repeated one,
 * an exception its own parent, no root) the list is used as sent.
 */
export function exceptionsForGrouping(
  ev: GroupingEvent,
  exceptions: GException[],
  components: Map<GException, Variants>,
): GException[] {
  if (exceptions.length <= 1) return exceptions;
  // Sentry keeps the list as sent for sentry-python 3.x, whose ids changed how its chains hashed.
  if (ev.platform === "python" && (ev.source.sdk?.version ?? "").startsWith("3")) return exceptions;

  const nodes = new Map<number, { exception: GException | null; children: GException[] }>();
  const node = (id: number) => {
    let n = nodes.get(id);
    if (!n) nodes.set(id, (n = { exception: null, children: [] }));
    return n;
  };
  const seen = new Set<number>();
  for (const exc of [...exceptions].reverse()) {
    const { exceptionId, parentId } = exc.chain;
    if (exceptionId === null || exceptionId === parentId || seen.has(exceptionId)) return exceptions;
    seen.add(exceptionId);
    node(exceptionId).exception = exc;
    if (parentId !== null) node(parentId).children.push(exc);
  }
  const root = nodes.get(0)?.exception;
  if (!root) return exceptions;

  const childrenOf = (exc: GException) => nodes.get(exc.chain.exceptionId as number)?.children ?? [];
  // A cycle in the parent ids would recurse forever; an exception is visited once.
  const visited = new Set<GException>();
  const topLevel = (exc: GException): GException[] => {
    if (visited.has(exc)) return [];
    visited.add(exc);
    return exc.chain.isExceptionGroup ? childrenOf(exc).flatMap(topLevel) : [exc];
  };
  const typeKey = (exc: GException) => exc.type ?? "None";
  // Sorted by type, descending, keeping the order of equal types (Python's stable `sorted(reverse=True)`).
  const tops = topLevel(root).sort((a, b) => (typeKey(a) < typeKey(b) ? 1 : typeKey(a) > typeKey(b) ? -1 : 0));
  // Every exception marked a group (sentry-go marks them all) leaves no top-level exception: the list as sent.
  if (tops.length === 0) return exceptions;

  const groupingKey = (exc: GException) => [...(components.get(exc)?.values() ?? [])].flatMap(iterValues).join("");
  // One of each run of alike exceptions (like itertools.groupby: only neighbours collapse).
  const distinct = tops.filter((exc, i) => i === 0 || groupingKey(exc) !== groupingKey(tops[i - 1] as GException));
  if (distinct.length === 1) {
    const path: GException[] = [];
    const walked = new Set<GException>();
    for (let exc: GException | undefined = distinct[0]; exc && !walked.has(exc); exc = childrenOf(exc)[0]) {
      walked.add(exc);
      path.push(exc);
    }
    return path;
  }
  return [...distinct, root];
}
