import "server-only";
import type { SentryEvent } from "@/engine/event/schema";
import { PROJECT_ID, PUBLIC_KEY } from "./envelope-fixtures";
import type { IngestProject } from "../types";
import { createIngestHandlers, type IngestHandlers } from "./handlers";
import type { IngestLimits } from "./limits";
import type { RateLimiter } from "./rate-limit";

/** A second project of the fake pipeline, with its own key. */
export const OTHER_PROJECT_ID = 43;
export const OTHER_PUBLIC_KEY = "5b0c1f7a9d8e4c3ba2f1e0d9c8b7a695";

/** The transport's handlers over an in-memory stand-in of the pipeline that records what it was given. */
export function fakeIngest(
  options: { limits?: IngestLimits; failWith?: Error; rateLimiter?: RateLimiter } = {},
): IngestHandlers & { ingested: SentryEvent[] } {
  const ingested: SentryEvent[] = [];
  const projects: IngestProject[] = [
    { id: PROJECT_ID, publicKey: PUBLIC_KEY, platform: "python" },
    { id: OTHER_PROJECT_ID, publicKey: OTHER_PUBLIC_KEY, platform: "javascript" },
  ];
  const handlers = createIngestHandlers({
    limits: options.limits,
    rateLimiter: options.rateLimiter,
    findProject: async (id) => projects.find((project) => project.id === id) ?? null,
    findProjectByKey: async (key) => projects.find((project) => project.publicKey === key) ?? null,
    ingest: async (_project, event) => {
      if (options.failWith) throw options.failWith;
      ingested.push(event);
      return { eventId: event.event_id ?? `generated${ingested.length}`, groupId: 1, duplicate: false, method: "new" };
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
    /** A stream is sent as a chunked upload (no Content-Length). */
    body?: string | Uint8Array | ReadableStream<Uint8Array>;
    headers?: Record<string, string>;
  },
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> | null; bytes: Buffer }> {
  const projectId = options.projectId ?? String(PROJECT_ID);
  const url = `http://localhost:3000/api/${projectId}/${options.path ?? "envelope"}/`;
  // A Buffer may sit on a shared ArrayBuffer, which the DOM's BodyInit type does not take; a copy does.
  const body = options.body instanceof Uint8Array ? new Uint8Array(options.body) : options.body;
  const init: RequestInit & { duplex: "half" } = {
    method: options.method ?? "POST",
    body,
    headers: options.headers,
    duplex: "half",
  };
  const request = new Request(url, init);
  const response = await handler(request, { params: Promise.resolve({ project_id: projectId }) });
  const bytes = Buffer.from(await response.arrayBuffer());
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  return {
    status: response.status,
    headers: response.headers,
    json: bytes.length && isJson ? (JSON.parse(bytes.toString("utf8")) as Record<string, unknown>) : null,
    bytes,
  };
}
