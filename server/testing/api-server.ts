import http from "node:http";
import type { AddressInfo } from "node:net";
import { normalizeIngestPath } from "../ingest/transport/paths";
import { dispatchToRoute, findRoute } from "../http/route-dispatch";
import { discoverRoutes } from "../http/routes";

export interface ApiServerOptions {
  /**
   * The client address the routes see (X-Regroup-Remote-Address), asked per request; the socket's address (loopback)
   * when unset or when it answers undefined. Lets a test call from a network that is not trusted.
   */
  remoteAddress?: () => string | undefined;
}

/**
 * Serves the app's API route handlers on a loopback port, so that integration tests talk real HTTP to them (bodies,
 * headers, status codes, concurrency) without building the Next.js app. Like scripts/serve.ts, it overwrites any
 * X-Regroup-Remote-Address a client sent.
 */
export async function startApiServer(options: ApiServerOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const routes = await discoverRoutes();
  const server = http.createServer((req, res) => {
    const url = new URL(normalizeIngestPath(req.url ?? "/"), `http://${req.headers.host}`);
    const found = findRoute(routes, req.method, url.pathname);
    if (!found.route) {
      res.writeHead(found.status, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: { code: found.status === 405 ? "method_not_allowed" : "not_found", message: "no such route" },
        }),
      );
      return;
    }
    const remoteAddress = options.remoteAddress?.() ?? req.socket.remoteAddress ?? "unknown";
    void dispatchToRoute(found.route, url, req, res, { remoteAddress });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
