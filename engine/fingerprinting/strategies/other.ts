import type { GroupingEvent, GThread } from "@/engine/event/normalize";
import { component } from "../component";
import { trimMessageForGrouping } from "../parameterize";
import type { GroupingContext } from "./context";
import { CSP_LOCAL, normalizeCspUri } from "./csp-uri";
import type { Variants } from "./stacktrace";
import { stacktraceVariants } from "./stacktrace";

// The remaining strategies: threads, a bare stacktrace, security reports, templates, messages.

function pickThread(threads: GThread[], ev: GroupingEvent, ctx: GroupingContext): Variants | null {
  if (threads.length !== 1) return null;
  const st = (threads[0] as GThread).stacktrace;
  if (!st) return new Map([["app", component("threads", { contributes: false, hint: "thread has no stacktrace" })]]);
  const rv: Variants = new Map();
  for (const [name, c] of stacktraceVariants(st, ev.platform, null, ctx)) {
    rv.set(name, component("threads", { values: [c] }));
  }
  return rv;
}

/** The single crashed thread, else the single current thread, else the only thread. */
export function threadsStrategy(ev: GroupingEvent, ctx: GroupingContext): Variants | null {
  const threads = ev.threads;
  if (!threads) return null;
  const rv =
    pickThread(
      threads.filter((t) => t.crashed),
      ev,
      ctx,
    ) ??
    pickThread(
      threads.filter((t) => t.current),
      ev,
      ctx,
    ) ??
    pickThread(threads, ev, ctx);
  if (rv) return rv;
  const hint = `ignored because does not contain exactly one crashing, one current or just one thread, instead contains ${threads.length} threads`;
  return new Map([["app", component("threads", { contributes: false, hint })]]);
}

export function stacktraceStrategy(ev: GroupingEvent, ctx: GroupingContext): Variants | null {
  if (!ev.stacktrace) return null;
  return stacktraceVariants(ev.stacktrace, ev.platform, null, ctx);
}

/** A CSP report: its directive, then the local script violation or else the blocked URI. */
export function cspStrategy(ev: GroupingEvent, ctx: GroupingContext): Variants | null {
  const csp = ev.source.csp;
  if (!csp) return null;
  const directive = csp.effective_directive ?? "";
  const uri = normalizeCspUri(csp.blocked_uri ?? "");
  const violated = csp.violated_directive ?? "";
  let violation: string | null = null;
  if (violated && directive === "script-src" && uri === CSP_LOCAL) {
    if (violated.includes("'unsafe-inline'")) violation = "unsafe-inline";
    else if (violated.includes("'unsafe-eval'")) violation = "unsafe-eval";
  }
  const values = [
    component("salt", { values: [directive] }),
    violation
      ? component("violation", { values: [`'${violation}'`] })
      : component("violation", { contributes: false, hint: "not a local script violation" }),
    violation
      ? component("uri", { values: [uri], contributes: false, hint: "violation takes precedence" })
      : component("uri", { values: [uri] }),
  ];
  return new Map([[ctx.variant, component("csp", { values })]]);
}

// HPKP, Expect-CT and Expect-Staple reports group by their kind and the reporting host.
function hostReportStrategy(key: "hpkp" | "expectct" | "expectstaple", salt: string) {
  return (ev: GroupingEvent, ctx: GroupingContext): Variants | null => {
    const report = ev.source[key];
    if (!report) return null;
    const values = [component("salt", { values: [salt] }), component("hostname", { values: [report.hostname ?? ""] })];
    return new Map([[ctx.variant, component(salt, { values })]]);
  };
}

export const hpkpStrategy = hostReportStrategy("hpkp", "hpkp");
export const expectCtStrategy = hostReportStrategy("expectct", "expect-ct");
export const expectStapleStrategy = hostReportStrategy("expectstaple", "expect-staple");

export function templateStrategy(ev: GroupingEvent, ctx: GroupingContext): Variants | null {
  const t = ev.source.template;
  if (!t) return null;
  const values = [
    t.filename ? component("filename", { values: [t.filename] }) : component("filename"),
    t.context_line ? component("context-line", { values: [t.context_line] }) : component("context-line"),
  ];
  return new Map([[ctx.variant, component("template", { values })]]);
}

export function messageStrategy(ev: GroupingEvent, ctx: GroupingContext): Variants | null {
  if (!ev.logentry) return null;
  const raw = ev.logentry.message || ev.logentry.formatted || "";
  const normalized = trimMessageForGrouping(raw);
  const hint = normalized !== raw ? "stripped common values" : null;
  return new Map([[ctx.variant, component("message", { values: [normalized], hint })]]);
}
