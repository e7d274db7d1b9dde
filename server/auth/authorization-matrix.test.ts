import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roles, type Role } from "@/lib/auth/roles";
import type { Database } from "../db/client";
import { signatureHeader, groupingApiSecret } from "../http/rpc-signature";
import type { Access, RouteHandler } from "../http/route";
import { createTestDatabase } from "../testing/database";
import { signedInAs } from "../testing/users";

/**
 * The authorization matrix: every route under app/api, who may call it, and a request that succeeds for that
 * caller. The test fails when a route exists that is not listed here, so a new route cannot skip the check.
 */
interface MatrixEntry {
  access: Access;
  /** Builds a request body and path params that succeed for an allowed caller (fresh per call). */
  request?: () => Promise<{ body?: unknown; params?: Record<string, string>; query?: string }>;
}

let counter = 0;
const matrix: Record<string, MatrixEntry> = {
  "GET /api/health": { access: "public" },
  "POST /api/auth/signin": {
    access: "public",
    request: async () => {
      const user = await signedInAs("viewer");
      return { body: { email: user.email, password: `password-of-${user.email}` } };
    },
  },
  "POST /api/auth/signout": { access: "viewer" },
  "GET /api/auth/me": { access: "viewer" },
  "GET /api/projects": { access: "viewer" },
  "GET /api/audit": { access: "viewer" },
  "GET /api/users": { access: "admin" },
  "POST /api/users": {
    access: "admin",
    request: async () => ({
      body: { email: `new-${(counter += 1)}@test.example`, role: "labeler", password: "a-long-enough-password" },
    }),
  },
  "PATCH /api/users/[id]": {
    access: "admin",
    request: async () => ({ params: { id: String((await signedInAs("viewer")).id) }, body: { role: "labeler" } }),
  },
};

const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;
const METHODS = ["GET", ...MUTATING] as const;
const apiDir = path.resolve(__dirname, "../../app/api");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

async function discoverRoutes(): Promise<Map<string, RouteHandler>> {
  const found = new Map<string, RouteHandler>();
  for (const file of routeFiles(apiDir)) {
    const urlPath = `/api/${path.relative(apiDir, path.dirname(file)).split(path.sep).join("/")}`;
    const exported = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = exported[method] as RouteHandler | undefined;
      if (handler) found.set(`${method} ${urlPath}`, handler);
    }
  }
  return found;
}

let database: Database;
let routes: Map<string, RouteHandler>;
beforeAll(async () => {
  database = await createTestDatabase();
  routes = await discoverRoutes();
});
afterAll(async () => database?.close());

async function call(
  key: string,
  options: { cookie?: string; origin?: string; signed?: boolean | "wrong" } = {},
): Promise<Response> {
  const [method, template] = key.split(" ") as [string, string];
  const built = (await matrix[key]!.request?.()) ?? {};
  const params = built.params ?? {};
  const url = `http://localhost:3000${template.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? "0")}${built.query ?? ""}`;
  const body = built.body === undefined ? (method === "GET" ? undefined : "{}") : JSON.stringify(built.body);
  const headers: Record<string, string> = { host: "localhost:3000", "content-type": "application/json" };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) {
    headers.origin = options.origin;
    headers["sec-fetch-site"] = "cross-site";
  }
  if (options.signed) headers.authorization = signatureHeader(body ?? "", options.signed === "wrong" ? "wrong-secret" : groupingApiSecret());
  return routes.get(key)!(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
}

const below = (access: Role) => roles.slice(0, roles.indexOf(access));
const atOrAbove = (access: Role) => roles.slice(roles.indexOf(access));

describe("authorization matrix", () => {
  it("lists every route under app/api, with the access the route declares", () => {
    const unlisted = [...routes.keys()].filter((key) => !(key in matrix));
    expect(unlisted, "routes missing from the authorization matrix").toEqual([]);
    const gone = Object.keys(matrix).filter((key) => !routes.has(key));
    expect(gone, "matrix entries without a route").toEqual([]);
    for (const [key, handler] of routes) expect(handler.access, `access of ${key}`).toBe(matrix[key]!.access);
  });

  it("requires a session for every console route: anonymous callers get 401", async () => {
    for (const [key, entry] of Object.entries(matrix)) {
      if (entry.access === "public" || entry.access === "signed") continue;
      const response = await call(key);
      expect(response.status, `${key} without a session`).toBe(401);
    }
  });

  it("gives each role without the right 403, and each role with it success", async () => {
    for (const [key, entry] of Object.entries(matrix)) {
      if (entry.access === "public" || entry.access === "signed") continue;
      for (const role of below(entry.access)) {
        const response = await call(key, { cookie: (await signedInAs(role)).cookie });
        expect(response.status, `${key} as ${role}`).toBe(403);
      }
      for (const role of atOrAbove(entry.access)) {
        const response = await call(key, { cookie: (await signedInAs(role)).cookie });
        expect(response.status, `${key} as ${role}: ${await response.clone().text()}`).toBeLessThan(300);
      }
    }
  });

  it("rejects cross-origin mutations with 403, even from the right role", async () => {
    for (const [key, entry] of Object.entries(matrix)) {
      if (!MUTATING.some((method) => key.startsWith(`${method} `)) || entry.access === "signed") continue;
      const cookie = entry.access === "public" ? undefined : (await signedInAs("admin")).cookie;
      const response = await call(key, { cookie, origin: "https://evil.example" });
      expect(response.status, `${key} from another origin`).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
    }
  });

  it("answers public routes without a session, and signed routes only with the right signature", async () => {
    for (const [key, entry] of Object.entries(matrix)) {
      if (entry.access === "public") {
        expect((await call(key)).status, `${key} anonymously`).toBeLessThan(300);
      }
      if (entry.access === "signed") {
        expect((await call(key)).status, `${key} unsigned`).toBe(401);
        expect((await call(key, { signed: "wrong" })).status, `${key} with a wrong signature`).toBe(401);
        expect((await call(key, { signed: true })).status, `${key} signed`).toBeLessThan(300);
      }
    }
  });
});
