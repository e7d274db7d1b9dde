import type http from "node:http";
import { BoundedCache, cached } from "@/engine/event/bounded-cache";
import type { DiscoveredRoute } from "./routes";

/**
 * Answers a Node.js request with an app route handler directly, without Next.js: the tests' API server
 * (server/testing/api-server.ts) and the machine routes of `npm start` (scripts/serve.ts: the SDK endpoints and the
 * grouping API, where Next.js's own request handling cost as much as the route's work).
 */

type Found = { route: DiscoveredRoute } | { route: null; status: 404 | 405 };

/**
 * The routes a path matches, for the paths seen lately: every request tried each route's pattern in turn (~100 of
 * them on the test API server, ~30 µs a request), and an SDK sends to the same few paths. Bounded as the event
 * caches are, since paths come from clients.
 */
const matchedRoutes = new WeakMap<DiscoveredRoute[], BoundedCache<DiscoveredRoute[]>>();

function routesMatching(routes: DiscoveredRoute[], pathname: string): DiscoveredRoute[] {
  let cache = matchedRoutes.get(routes);
  if (!cache)
    matchedRoutes.set(
      routes,
      (cache = new BoundedCache({ maxEntries: 1024, maxChars: 256 * 1024, maxKeyLength: 512 })),
    );
  return cached(cache, pathname, () => routes.filter((route) => route.match(pathname)));
}

/** The route for a method and path; or, when there is none, the status that says so (404, or 405 for another method). */
export function findRoute(routes: DiscoveredRoute[], method: string | undefined, pathname: string): Found {
  const candidates = routesMatching(routes, pathname);
  const route = candidates.find((candidate) => candidate.method === method);
  return route ? { route } : { route: null, status: candidates.length ? 405 : 404 };
}

/**
 * The request body as a web stream, pulled as the handler reads it, and `discardRest`, which reads what the handler
 * left unread and drops it. Node's `Readable.toWeb` keeps enqueueing chunks that were already in flight after the
 * reader cancelled (an uncaught ERR_INVALID_STATE); a cancelled body here is paused until the answer is written.
 */
function requestBody(req: http.IncomingMessage): { stream: ReadableStream<Uint8Array>; discardRest(): void } {
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on("end", () => {
        if (open) controller.close();
        open = false;
      });
      req.on("error", (error) => {
        if (open) controller.error(error);
        open = false;
      });
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      open = false;
      req.pause();
    },
  });
  return {
    stream,
    discardRest() {
      open = false;
      req.resume();
    },
  };
}

export interface DispatchOptions {
  /** The client address the route sees (X-Regroup-Remote-Address), never one the client sent. */
  remoteAddress: string;
  /** Headers every answer carries unless the route set them (the security headers of next.config.js). */
  defaultHeaders?: Record<string, string>;
}

/** Runs `route` for the request at `url` and writes its answer; a failure to answer is a 500 (or a closed socket). */
export async function dispatchToRoute(
  route: DiscoveredRoute,
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: DispatchOptions,
): Promise<void> {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(", "));
    }
    headers.set("x-regroup-remote-address", options.remoteAddress);
    // The body streams into the handler as it arrives, as Next.js passes it, so that limits apply while it streams.
    const body = req.method !== "GET" && req.method !== "HEAD" ? requestBody(req) : undefined;
    const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, body: body?.stream, duplex: "half" };
    const response = await route.handler(new Request(url, init), {
      params: Promise.resolve(route.match(url.pathname)!),
    });
    const responseHeaders: Record<string, string> = {
      ...options.defaultHeaders,
      ...Object.fromEntries(response.headers),
    };
    const answer = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, responseHeaders);
    res.end(answer);
    // A body left unread (refused by its size or before its key was checked) is read to its end and dropped, as
    // Node.js does for a handler that never read one: closing the socket while the client still sends would reset
    // it, and the client could lose the answer. Memory does not grow; the server's requestTimeout bounds the time.
    if (!req.complete) body?.discardRest();
  } catch {
    // The route handlers answer their own errors (server/http/route.ts); this is a failure around them.
    if (res.headersSent) res.destroy();
    else {
      res.writeHead(500, { "content-type": "application/json", connection: "close" });
      res.end(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on the server." } }));
    }
  }
}
