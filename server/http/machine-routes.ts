import type http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dispatchToRoute, findRoute } from "./route-dispatch";
import { discoverRoutes } from "./routes";

/**
 * The routes machines call on the hot path, which `npm start` answers without Next.js (scripts/serve.ts): the Sentry
 * SDK endpoints, the grouping API (Seer's paths, at the root and under /api), the embedding endpoint and the health
 * check. Next.js's request handling (its routing, async context, response compression) cost as much CPU as the
 * grouping work of a similar-issues call: 90 calls/s through it, 189/s direct (`npm run loadtest`, 16 clients, 10k
 * records, v2). The handlers are the same modules, with the same security headers; pages and the console's API go
 * through Next.js.
 */
export function isMachineRoute(template: string): boolean {
  return (
    /^\/(api\/)?v0\//.test(template) ||
    ["/api/[project_id]/store", "/api/[project_id]/envelope", "/api/store", "/api/embed", "/api/health"].includes(
      template,
    )
  );
}

/** The headers next.config.js gives every path ("/:path*"), so that a direct answer carries the same ones. */
async function nextConfigHeaders(phase: string): Promise<Record<string, string>> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  type Rule = { source: string; headers: { key: string; value: string }[] };
  const config = (await import(pathToFileURL(path.join(root, "next.config.js")).href)) as {
    default: (phase: string) => { headers(): Promise<Rule[]> };
  };
  const rules = await config.default(phase).headers();
  const everyPath = rules.find((rule) => rule.source === "/:path*");
  return Object.fromEntries((everyPath?.headers ?? []).map(({ key, value }) => [key, value]));
}

/**
 * A request listener for the machine routes: it answers a request for one of them (and says true), or leaves it to
 * the caller (false). It trusts X-Regroup-Remote-Address as the server set it.
 */
export async function machineRouteListener(
  phase: string,
): Promise<(req: http.IncomingMessage, res: http.ServerResponse) => boolean> {
  const [routes, defaultHeaders] = await Promise.all([discoverRoutes(isMachineRoute), nextConfigHeaders(phase)]);
  return (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    } catch {
      return false;
    }
    const found = findRoute(routes, req.method, url.pathname);
    if (!found.route) return false;
    const remoteAddress = String(req.headers["x-regroup-remote-address"] ?? "unknown");
    void dispatchToRoute(found.route, url, req, res, { remoteAddress, defaultHeaders });
    return true;
  };
}
