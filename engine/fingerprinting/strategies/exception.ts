import type { GException, GroupingEvent } from "@/engine/event/normalize";
import type { GroupingComponent } from "../component";
import { component, update } from "../component";
import { trimMessageForGrouping } from "../parameterize";
import type { GroupingContext } from "./context";
import type { Variants } from "./stacktrace";
import { stacktraceVariants } from "./stacktrace";

// Exceptions group by stacktrace then type; the (normalised) value only counts when no stacktrace
// does. Children are in the order stacktrace, type, [ns-error], value.

function singleException(exc: GException, platform: string, ctx: GroupingContext): Variants {
  const type = component("type", { values: exc.type ? [exc.type] : [] });
  if (exc.synthetic) update(type, { contributes: false, hint: "ignored because exception is synthetic" });
  const nsError = exc.nsError
    ? component("ns-error", { values: [String(exc.nsError.domain), String(exc.nsError.code)] })
    : null;

  const stacktraces: Variants = exc.stacktrace
    ? stacktraceVariants(exc.stacktrace, platform, exc, ctx)
    : new Map([["app", component("stacktrace")]]);

  // The same for every variant, so normalised once.
  const trimmed = exc.value !== null ? trimMessageForGrouping(exc.value) : "";
  const rv: Variants = new Map();
  for (const [name, st] of stacktraces) {
    const values: GroupingComponent[] = [st, type];
    if (nsError) values.push(nsError);
    const value = component("value");
    if (trimmed) update(value, { values: [trimmed], hint: trimmed !== exc.value ? "stripped common values" : null });
    if (st.contributes && value.contributes) {
      update(value, { contributes: false, hint: "ignored because stacktrace takes precedence" });
    }
    if (nsError?.contributes && value.contributes) {
      update(value, { contributes: false, hint: "ignored because ns-error info takes precedence" });
    }
    values.push(value);
    rv.set(name, component("exception", { values }));
  }
  return rv;
}

/** Chained exceptions: each exception in list order; a single one is used directly. */
export function exceptionStrategy(ev: GroupingEvent, ctx: GroupingContext): Variants | null {
  const exceptions = ev.exceptions;
  if (!exceptions || exceptions.length === 0) return null;
  if (exceptions.length === 1) {
    return singleException(exceptions[0] as GException, ev.platform, ctx);
  }
  const byName = new Map<string, GroupingComponent[]>();
  for (const exc of exceptions) {
    for (const [name, c] of singleException(exc, ev.platform, ctx)) {
      const list = byName.get(name);
      if (list) list.push(c);
      else byName.set(name, [c]);
    }
  }
  const rv: Variants = new Map();
  for (const [name, list] of byName) rv.set(name, component("chained-exception", { values: list }));
  return rv;
}
