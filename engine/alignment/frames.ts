import type { SentryEvent } from "@/engine/event/schema";
import type { GFrame, GStacktrace } from "@/engine/event/normalize";
import { normalizeEvent } from "@/engine/event/normalize";
import { applyFrameClassification, loadEnhancements } from "@/engine/fingerprinting/enhancements/apply";
import { fingerprintEvent } from "@/engine/fingerprinting";
import type { GroupingComponent } from "@/engine/fingerprinting";
import { findSubcomponents } from "@/engine/fingerprinting/component";

/** A frame as the review screen shows it. */
export interface AlignedFrame {
  module: string | null;
  filename: string | null;
  function: string | null;
  lineno: number | null;
  contextLine: string | null;
  inApp: boolean;
  /** Whether the frame counts for the event's fingerprint (system variant). */
  contributes: boolean;
}

function basename(path: string | null): string | null {
  return path ? (path.split(/[/\\]/).pop() as string) || path : null;
}

// The stacktrace the event is about: the most recent exception with frames, else the top-level
// stacktrace, else the crashed (or only) thread.
function primaryStacktrace(ev: ReturnType<typeof normalizeEvent>): { st: GStacktrace; index: number } | null {
  const withFrames = (ev.exceptions ?? []).filter((e) => e.stacktrace && e.stacktrace.frames.length > 0);
  const last = withFrames[withFrames.length - 1];
  if (last?.stacktrace) return { st: last.stacktrace, index: withFrames.length - 1 };
  if (ev.stacktrace) return { st: ev.stacktrace, index: 0 };
  const threads = ev.threads ?? [];
  const thread = threads.find((t) => t.crashed) ?? (threads.length === 1 ? threads[0] : undefined);
  return thread?.stacktrace ? { st: thread.stacktrace, index: 0 } : null;
}

/** The normalised frames of an event's main stacktrace, oldest first (crash frame last). */
export function alignedFrames(event: SentryEvent): AlignedFrame[] {
  const ev = normalizeEvent(event);
  applyFrameClassification(ev, loadEnhancements());
  const primary = primaryStacktrace(ev);
  if (!primary) return [];
  const system = fingerprintEvent(event).variants.system?.component;
  const stacktraces = system ? [...findSubcomponents(system, "stacktrace")] : [];
  const frameComponents = (stacktraces[primary.index]?.values ?? []).filter(
    (v): v is GroupingComponent => typeof v !== "string",
  );
  return primary.st.frames.map((f: GFrame, i) => ({
    module: f.module,
    filename: basename(f.filename ?? f.abs_path),
    function: f.function ?? f.raw_function,
    lineno: f.lineno,
    contextLine: f.context_line?.trim() || null,
    inApp: f.in_app === true,
    contributes: frameComponents[i]?.contributes ?? false,
  }));
}
