import type { GFrame, GroupingEvent } from "@/engine/event/normalize";
import { allStacktraces } from "@/engine/event/normalize";
import { familyForPlatform } from "@/engine/event/platform";

// The event attributes fingerprint rules match and resolve against, pulled from the normalised
// event (after stack trace rules have classified frames).

export function eventLevel(ev: GroupingEvent): string {
  return (ev.source.level || "error").toLowerCase();
}

function sentTags(ev: GroupingEvent): [string, string][] {
  const tags = ev.source.tags;
  if (!tags) return [];
  if (Array.isArray(tags)) {
    return tags.flatMap((t) => (t && t[1] != null ? [[t[0], t[1]] as [string, string]] : []));
  }
  return Object.entries(tags).flatMap(([k, v]) => (v != null ? [[k, v] as [string, string]] : []));
}

/** The event's tags; Sentry also tags an event with its transaction before fingerprinting it. */
export function eventTags(ev: GroupingEvent): [string, string][] {
  const tags = sentTags(ev);
  const transaction = ev.source.transaction;
  if (transaction && !tags.some(([k]) => k === "transaction")) tags.push(["transaction", transaction]);
  return tags;
}

export function eventFrames(ev: GroupingEvent): GFrame[] {
  return allStacktraces(ev).flatMap((s) => s.stacktrace.frames);
}

export function eventFamily(ev: GroupingEvent): string {
  return familyForPlatform(ev.platform);
}

export function eventSdk(ev: GroupingEvent): string {
  return ev.source.sdk?.name ?? "other";
}

/** The frame a crash is attributed to: the last in-app frame, else the last frame. */
export function crashFrame(ev: GroupingEvent): GFrame | null {
  const lastException = ev.exceptions?.[ev.exceptions.length - 1];
  let frames = lastException?.stacktrace?.frames ?? ev.stacktrace?.frames ?? null;
  if ((!frames || frames.length === 0) && ev.threads?.length === 1) frames = ev.threads[0]?.stacktrace?.frames ?? null;
  if (!frames) return null;
  let fallback: GFrame | null = null;
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i] as GFrame;
    if (f.in_app) return f;
    fallback ??= f;
  }
  return fallback;
}
