import { parseEvent, type SentryEvent } from "@/engine/event/schema";
import { pythonErrorEvent } from "../../testing/events";

/** Events for the issue stream's tests, as an SDK sends them, at a given time. */

function parsed(raw: unknown): SentryEvent {
  const result = parseEvent(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.event;
}

/** A message without a stack trace: a new fingerprint that the AI step does not take. */
export function messageEvent(message: string, at: Date): SentryEvent {
  return parsed({ platform: "python", message, timestamp: at.getTime() / 1000 });
}

/** A Python exception raised through these functions (the last one crashes). */
export function exceptionEvent(options: { type: string; value: string; functions: string[]; at: Date }): SentryEvent {
  return pythonErrorEvent(options);
}
