import http from "node:http";
import type { AddressInfo } from "node:net";
import { normalizeIngestPath } from "../ingest/transport/paths";
import { discoverRoutes } from "./routes";

export interface ApiServerOptions {
  /**
   * The client address the routes see (X-Regroup-Remote-Address), asked per request; the socket's address (loopback)
   * when unset or when it answers undefined. Lets a test call from a network that is not trusted.
   */
  remoteAddress?: () => string | undefined;
}

/**
 * The request body as a web stream, pulled as the handler reads it. Node's `Readable.toWeb` keeps enqueueing chunks
 * that were already in flight after the reader cancelled (an uncaught ERR_INVALID_STATE); a cancelled body here is
 * paused and left unread, and the connection is closed after the answer.
 */
function requestBodyStream(req: http.IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
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
}

/**
 * Serves the app's API route handlers on a loopback port, so that integration tests talk real HTTP to them (bodies,
 * headers, status codes, concurrency) without building the Next.js app. Like scripts/serve.ts, it overwrites any
 * X-Regroup-Remote-Address a client sent.
 */
export async function startApiServer(options: ApiServerOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const routes = await discoverRoutes();
  const server = http.createServer(async (req, res) => {
    const url = new URL(normalizeIngestPath(req.url ?? "/"), `http://${req.headers.host}`);
    const candidates = routes.filter((route) => route.match(url.pathname));
    const route = candidates.find((candidate) => candidate.method === req.method);
    if (!route) {
      res.writeHead(candidates.length ? 405 : 404, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: { code: candidates.length ? "method_not_allowed" : "not_found", message: "no such route" },
        }),
      );
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(", "));
    }
    headers.set("x-regroup-remote-address", options.remoteAddress?.() ?? req.socket.remoteAddress ?? "unknown");
    // The body streams into the handler as it arrives, as Next.js passes it, so that limits apply while it streams.
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const body = hasBody ? requestBodyStream(req) : undefined;
    const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, body, duplex: "half" };
    const response = await route.handler(new Request(url, init), {
      params: Promise.resolve(route.match(url.pathname)!),
    });
    const responseHeaders = Object.fromEntries(response.headers);
    // A body left unread (refused by its size or before its key was checked) cannot share the connection with
    // the next request: close it after this answer, as an HTTP server must.
    if (!req.complete) responseHeaders.connection = "close";
    res.writeHead(response.status, responseHeaders);
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
