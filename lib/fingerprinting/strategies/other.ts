import type { GroupingEvent, GThread } from "@/lib/event/normalize";
import { component } from "../component";
import { trimMessageForGrouping } from "../parameterize";
import type { GroupingContext } from "./context";
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

const LOCAL = "'self'";

/** CSP reports name sources loosely (`data`, `'self'`, full URLs); reduce them to scheme or host. */
export function normalizeCspUri(value: string): string {
  if (value === "" || value === LOCAL || value === "self") return LOCAL;
  let v = value;
  if (!v.includes(":")) v += ":";
  if (v.endsWith(":")) return v;
  const scheme = v.slice(0, v.indexOf(":")).toLowerCase();
  if (["data", "mediastream", "blob", "filesystem"].includes(scheme)) return `${scheme}:`;
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(v);
  let host = m ? (m[1] as string) : v;
  if (host.startsWith("www.")) host = host.slice(4);
  return host;
}

export function securityStrategy(ev: GroupingEvent, ctx: GroupingContext): Variants | null {
  const src = ev.source;
  if (src.csp) {
    const directive = src.csp.effective_directive ?? "";
    const uri = normalizeCspUri(src.csp.blocked_uri ?? "");
    const violated = src.csp.violated_directive ?? "";
    let violation: string | null = null;
    if (violated && directive === "script-src" && uri === LOCAL) {
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
  for (const [key, salt] of [
    ["hpkp", "hpkp"],
    ["expectct", "expect-ct"],
    ["expectstaple", "expect-staple"],
  ] as const) {
    const report = src[key];
    if (report) {
      const values = [
        component("salt", { values: [salt] }),
        component("hostname", { values: [report.hostname ?? ""] }),
      ];
      return new Map([[ctx.variant, component(salt, { values })]]);
    }
  }
  return null;
}

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
