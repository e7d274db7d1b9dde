import type { SentryEvent } from "@/lib/event/schema";
import type { FingerprintResult, GroupingComponent } from "@/lib/fingerprinting";
import { fingerprintEvent } from "@/lib/fingerprinting";
import { findSubcomponents } from "@/lib/fingerprinting/component";

// The text the AI grouping step embeds, built like Sentry builds it for its similarity service:
// from the grouping tree of the app variant (system when app does not contribute), per exception
// (chained, at most 30) a "{type}: {value}" header, then each contributing frame as
// `  File "{filename or module}", function {function}` with its source line indented below.
// At most 30 frames in all (20 for minified code), the most recent kept.

export const MAX_EXCEPTIONS = 30;
export const MAX_FRAMES = 30;
export const MAX_FRAMES_MINIFIED = 20;
export const DEFAULT_MAX_TOKENS = 8192;

function leaf(frame: GroupingComponent, id: string): string {
  for (const v of frame.values) {
    if (typeof v !== "string" && v.id === id) {
      const first = v.values[0];
      return typeof first === "string" ? first : "";
    }
  }
  return "";
}

// Minified JavaScript: bundle file names and no usable lines, so fewer frames carry signal.
function isMinified(event: SentryEvent): boolean {
  const frames = (event.exception?.values ?? []).flatMap((e) => e?.stacktrace?.frames ?? []);
  return frames.some((f) => {
    const path = f?.abs_path ?? f?.filename ?? "";
    return /\.min\.js$|[.-][0-9a-f]{8,}\.js$/.test(path) || (f?.context_line?.length ?? 0) > 200;
  });
}

function winningTree(result: FingerprintResult): GroupingComponent | null {
  const app = result.variants.app;
  if (app?.component.contributes) return app.component;
  return result.variants.system?.component ?? app?.component ?? null;
}

interface Block {
  header: string | null;
  frames: GroupingComponent[];
}

function blocks(tree: GroupingComponent): Block[] {
  const out: Block[] = [];
  for (const exc of findSubcomponents(tree, "exception")) {
    const type = [...findSubcomponents(exc, "type")][0]?.values[0];
    const value = [...findSubcomponents(exc, "value")][0]?.values[0];
    const st = [...findSubcomponents(exc, "stacktrace")][0];
    out.push({
      header: `${typeof type === "string" ? type : ""}: ${typeof value === "string" ? value : ""}`,
      frames: st ? st.values.filter((f): f is GroupingComponent => typeof f !== "string" && f.contributes) : [],
    });
  }
  if (out.length === 0) {
    for (const st of findSubcomponents(tree, "stacktrace")) {
      out.push({
        header: null,
        frames: st.values.filter((f): f is GroupingComponent => typeof f !== "string" && f.contributes),
      });
    }
  }
  return out.slice(-MAX_EXCEPTIONS);
}

/** The embedding text of an event (empty when no stacktrace frame contributes to grouping). */
export function buildEmbeddingText(event: SentryEvent, result: FingerprintResult = fingerprintEvent(event)): string {
  const tree = winningTree(result);
  if (!tree) return "";
  const parts = blocks(tree);
  // One frame budget for the whole event, spent from the most recent exception (listed last).
  let budget = isMinified(event) ? MAX_FRAMES_MINIFIED : MAX_FRAMES;
  const kept = parts.map(() => [] as GroupingComponent[]);
  for (let i = parts.length - 1; i >= 0 && budget > 0; i--) {
    const frames = (parts[i] as Block).frames;
    kept[i] = frames.slice(Math.max(0, frames.length - budget));
    budget -= (kept[i] as GroupingComponent[]).length;
  }
  if (kept.every((k) => k.length === 0)) return "";
  const lines: string[] = [];
  parts.forEach((part, i) => {
    if (part.header) lines.push(part.header);
    for (const frame of kept[i] as GroupingComponent[]) {
      const location = leaf(frame, "filename") || leaf(frame, "module");
      lines.push(`  File "${location}", function ${leaf(frame, "function")}`);
      const context = leaf(frame, "context-line");
      if (context) lines.push(`    ${context}`);
    }
  });
  return lines.join("\n");
}

/** Rough token count (~4 characters per token for code-like text), enough for a budget check. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export type AiEligibility = { eligible: true } | { eligible: false; reason: string };

/** Whether the AI grouping step may look at this event: stacktrace, supported platform, no custom fingerprint, within the token budget. */
export function checkAiEligibility(
  event: SentryEvent,
  fingerprint: FingerprintResult,
  opts: { maxTokens?: number } = {},
): AiEligibility {
  const variants = Object.values(fingerprint.variants);
  if (
    variants.some(
      (v) => v.type === "custom-fingerprint" || v.type === "salted-component" || v.type.includes("checksum"),
    )
  ) {
    return { eligible: false, reason: "event has a custom fingerprint" };
  }
  const hasStacktrace = variants.some((v) =>
    [...findSubcomponents(v.component, "stacktrace")].some((s) => s.values.length > 0),
  );
  if (!hasStacktrace) return { eligible: false, reason: "event has no stacktrace" };
  if (!event.platform || event.platform === "other") return { eligible: false, reason: "platform is not supported" };
  const text = buildEmbeddingText(event, fingerprint);
  if (!text) return { eligible: false, reason: "no stacktrace frame contributes to grouping" };
  const maxTokens = opts.maxTokens ?? DEFAULT_MAX_TOKENS;
  const tokens = estimateTokens(text);
  if (tokens > maxTokens)
    return { eligible: false, reason: `embedding text has ~${tokens} tokens (limit ${maxTokens})` };
  return { eligible: true };
}
