import "server-only";
import type { SentryEvent } from "@/lib/event/schema";
import { PROJECT_ID, PUBLIC_KEY } from "./envelope-fixtures";
import { createIngestHandlers, type IngestHandlers, type IngestProject } from "./handlers";
import type { IngestLimits } from "./limits";

/** The transport's handlers over an in-memory stand-in of the pipeline that records what it was given. */
export function fakeIngest(options: { limits?: IngestLimits; failWith?: Error } = {}): IngestHandlers & {
  ingested: SentryEvent[];
} {
  const ingested: SentryEvent[] = [];
  const project: IngestProject = { id: PROJECT_ID, publicKey: PUBLIC_KEY, platform: "python" };
  const handlers = createIngestHandlers({
    limits: options.limits,
    findProject: async (id) => (id === PROJECT_ID ? project : null),
    ingest: async (_project, event) => {
      if (options.failWith) throw options.failWith;
      ingested.push(event);
      return { eventId: event.event_id ?? `generated${ingested.length}`, groupId: 1, duplicate: false };
    },
  });
  return { ...handlers, ingested };
}

export const sentryAuth = (key = PUBLIC_KEY) =>
  `Sentry sentry_key=${key}, sentry_version=7, sentry_client=sentry.python/2.1.1`;

/** Calls a handler as Next.js would: a Request and the route's params. */
export async function send(
  handler: IngestHandlers[keyof IngestHandlers],
  options: {
    path?: string;
    projectId?: string;
    method?: string;
    body?: string | Uint8Array;
    headers?: Record<string, string>;
  },
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> | null }> {
  const projectId = options.projectId ?? String(PROJECT_ID);
  const url = `http://localhost:3000/api/${projectId}/${options.path ?? "envelope"}/`;
  // A Buffer may sit on a shared ArrayBuffer, which the DOM's BodyInit type does not take; a copy does.
  const body =
    typeof options.body === "string" || options.body === undefined ? options.body : new Uint8Array(options.body);
  const request = new Request(url, { method: options.method ?? "POST", body, headers: options.headers });
  const response = await handler(request, { params: Promise.resolve({ project_id: projectId }) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}
