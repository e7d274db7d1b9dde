import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RouteHandler } from "./route";

/**
 * Every route handler under app/api and app/v0 (the grouping API at the host's root), as Next.js would route them
 * (file-system routing with [param] segments): the tests' API server and the machine routes of scripts/serve.ts
 * (route-dispatch.ts) serve them without Next.js.
 */
export interface DiscoveredRoute {
  method: string;
  /** "/api/users/[id]", "/v0/issues/similar-issues" */
  template: string;
  handler: RouteHandler;
  match(pathname: string): Record<string, string> | null;
}

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
// From import.meta.url, not __dirname: under tsx (the server, the benchmarks) __dirname is not this file's folder.
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../app");
/** The folders of app/ that hold route handlers (the rest are pages). */
const ROUTE_ROOTS = ["api", "v0"];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function matcher(template: string): (pathname: string) => Record<string, string> | null {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^${}()|\\]/g, "\\$&").replace(/\\?\[(\w+)\\?\]/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  const regex = new RegExp(`^${pattern}/?$`);
  return (pathname) => {
    const found = regex.exec(pathname);
    if (!found) return null;
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
  };
}

/** The route handlers whose template `include` accepts (all of them by default); only their modules are loaded. */
export async function discoverRoutes(include: (template: string) => boolean = () => true): Promise<DiscoveredRoute[]> {
  const routes: DiscoveredRoute[] = [];
  const files = ROUTE_ROOTS.flatMap((root) => routeFiles(path.join(appDir, root)));
  for (const file of files) {
    const template = `/${path.relative(appDir, path.dirname(file)).split(path.sep).join("/")}`;
    if (!include(template)) continue;
    const exported = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = exported[method] as RouteHandler | undefined;
      if (handler) routes.push({ method, template, handler, match: matcher(template) });
    }
  }
  // Static segments win over dynamic ones, as in Next.js.
  return routes.sort((a, b) => a.template.split("[").length - b.template.split("[").length);
}
