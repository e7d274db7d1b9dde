import type { GroupingEvent } from "@/engine/event/normalize";
import { crashFrame, eventLevel, eventTags } from "./event-values";
import { parseFingerprintVar } from "./types";

// `{{ variable }}` resolution in fingerprints; unknown variables and `{{ default }}` stay as they are.

function variableValue(name: string, ev: GroupingEvent): string | null {
  const lastException = ev.exceptions?.[ev.exceptions.length - 1];
  switch (name) {
    case "transaction":
      return ev.source.transaction || "<no-transaction>";
    case "message":
      return ev.logentry?.formatted || ev.logentry?.message || lastException?.value || "<no-message>";
    case "type":
    case "error.type":
      return lastException?.type || "<no-type>";
    case "value":
    case "error.value":
      return lastException?.value || "<no-value>";
    case "function":
    case "stack.function":
      return crashFrame(ev)?.function || "<no-function>";
    case "path":
    case "stack.abs_path": {
      const f = crashFrame(ev);
      return f?.abs_path || f?.filename || "<no-abs-path>";
    }
    case "stack.filename": {
      const f = crashFrame(ev);
      return f?.filename || f?.abs_path || "<no-filename>";
    }
    case "module":
    case "stack.module":
      return crashFrame(ev)?.module || "<no-module>";
    case "package":
    case "stack.package": {
      const pkg = crashFrame(ev)?.package;
      return (pkg && pkg.split("/").pop()?.split("\\").pop()) || "<no-package>";
    }
    case "level":
      return eventLevel(ev);
    case "logger":
      return ev.source.logger || "<no-logger>";
  }
  if (name.startsWith("tags.")) {
    const tag = name.slice(5);
    const hit = eventTags(ev).find(([k]) => k === tag);
    return hit ? hit[1] : `<no-value-for-tag-${tag}>`;
  }
  return null;
}

export function resolveFingerprintValues(values: readonly string[], ev: GroupingEvent): string[] {
  return values.map((v) => {
    const name = parseFingerprintVar(v);
    if (name === null) return v;
    return variableValue(name, ev) ?? v;
  });
}
