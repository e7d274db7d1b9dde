import type { GException, GroupingEvent } from "@/engine/event/normalize";
import type { GroupingComponent } from "../component";
import { component, update } from "../component";
import { trimMessageForGrouping } from "../parameterize";
import type { GroupingContext } from "./context";
import { exceptionsForGrouping } from "./exception-groups";
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

/**
 * Chained exceptions: each exception that takes part (see exceptionsForGrouping), in that order; a single one is
 * used directly.
 */
export function exceptionStrategy(ev: GroupingEvent, ctx: GroupingContext): Variants | null {
  const all = ev.exceptions;
  if (!all || all.length === 0) return null;
  const components = new Map(all.map((exc) => [exc, singleException(exc, ev.platform, ctx)]));
  const exceptions = exceptionsForGrouping(ev, all, components);
  if (exceptions.length === 1) return components.get(exceptions[0] as GException) as Variants;
  const byName = new Map<string, GroupingComponent[]>();
  for (const exc of exceptions) {
    for (const name of (components.get(exc) as Variants).keys()) byName.set(name, []);
  }
  for (const exc of exceptions) {
    const variants = components.get(exc) as Variants;
    // regroup's one departure from Sentry: an exception without a stack trace has only an app component, and
    // Sentry's system variant leaves it out of the chain. A Go error wrapped with fmt.Errorf then hashes, in the
    // system variant, as the stack of the call that captured it, so every error one handler reports shares a
    // system hash and joins one issue. Here it takes part in every variant, so the system hash keeps its type and
    // value.
    const stackless = exc.stacktrace === null ? variants.get("app") : undefined;
    for (const [name, list] of byName) {
      const c = variants.get(name) ?? stackless;
      if (c) list.push(c);
    }
  }
  const rv: Variants = new Map();
  for (const [name, list] of byName) rv.set(name, component("chained-exception", { values: list }));
  return rv;
}
