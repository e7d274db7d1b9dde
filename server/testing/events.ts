import { parseEvent, type SentryEvent } from "@/engine/event/schema";

/** Test events, parsed as the SDK endpoints parse them. */

export interface PythonEventOptions {
  id?: string;
  type?: string;
  value?: string;
  /** The in-app frames, outermost first, one per function (module app.<fn>, file app/<fn>.py). */
  functions?: string[];
  /** When it happened (default: when it is sent). */
  at?: Date;
}

/** The JSON an SDK sends for a Python error: one exception, its in-app frames one per function. */
export function pythonErrorPayload(options: PythonEventOptions = {}) {
  return {
    ...(options.id !== undefined && { event_id: options.id }),
    ...(options.at !== undefined && { timestamp: options.at.getTime() / 1000 }),
    platform: "python",
    exception: {
      values: [
        {
          type: options.type ?? "ValueError",
          value: options.value ?? "bad input",
          stacktrace: {
            frames: (options.functions ?? ["main", "handle"]).map((fn, i) => ({
              function: fn,
              module: `app.${fn}`,
              filename: `app/${fn}.py`,
              lineno: 10 + i,
              context_line: `    ${fn}()`,
              in_app: true,
            })),
          },
        },
      ],
    },
  };
}

/** A Python error whose exception header ("Type: value") decides its fixture embedding (fixture-models.ts). */
export function pythonErrorEvent(options: PythonEventOptions = {}): SentryEvent {
  const parsed = parseEvent(pythonErrorPayload(options));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.event;
}

/**
 * An "AppError" with this value, parsed: two in-app frames, `main` then `path`. The fixture models embed its trace by
 * the header "AppError: <value>", so events with one value lie at distance 0 and any others far apart, while `path`
 * alone decides the fingerprint.
 */
export function appErrorEvent(platform: string, value: string, path: string): SentryEvent {
  const parsed = parseEvent({
    platform,
    exception: {
      values: [
        {
          type: "AppError",
          value,
          stacktrace: {
            frames: ["main", path].map((fn, i) => ({
              function: fn,
              module: `app.${fn}`,
              filename: `app/${fn}.py`,
              lineno: 10 + i,
              in_app: true,
            })),
          },
        },
      ],
    },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.event;
}
