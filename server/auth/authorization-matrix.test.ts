import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roles, type Role } from "@/lib/auth/roles";
import type { Database } from "../db/client";
import { useGroupingModels } from "../grouping/default-models";
import { isMachineAccess } from "../http/machine-access";
import { groupingApiSecret, signatureHeader } from "../http/rpc-signature";
import type { RouteHandler } from "../http/route";
import { createTestDatabase } from "../testing/database";
import { fixtureModels } from "../testing/fixture-models";
import { loadMatrix, matrixContext, type MatrixContext, type MatrixEntry } from "../testing/matrix";
import { discoverRoutes } from "../testing/routes";
import { signedInAs } from "../testing/users";

/**
 * The authorization matrix: every route under app/api and app/v0, who may call it (from the features' access-matrix.ts files),
 * checked with real requests. It fails when a route exists that no matrix lists, so a new route cannot skip it.
 */
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

let database: Database;
let routes: Map<string, RouteHandler>;
let matrix: Record<string, MatrixEntry>;
let context: MatrixContext;

beforeAll(async () => {
  database = await createTestDatabase();
  useGroupingModels(fixtureModels);
  routes = new Map((await discoverRoutes()).map((route) => [`${route.method} ${route.template}`, route.handler]));
  matrix = await loadMatrix();
  context = matrixContext(database.prisma);
});
afterAll(async () => {
  useGroupingModels(undefined);
  await database?.close();
});

interface CallOptions {
  cookie?: string;
  origin?: string;
  signed?: "right" | "wrong";
  /** Ingest routes: keep the request's DSN key, drop it, or replace it with a wrong one. */
  key?: "right" | "none" | "wrong";
  /** The client address the route sees (as the server sets it from the socket); none by default. */
  from?: string;
}

async function call(key: string, options: CallOptions = {}): Promise<Response> {
  const [method, template] = key.split(" ") as [string, string];
  const built = (await matrix[key]!.request?.(context)) ?? {};
  const params = built.params ?? {};
  let query = built.query ?? "";
  if (options.key === "none") query = query.replace(/sentry_key=[^&]*/, "");
  if (options.key === "wrong") query = query.replace(/sentry_key=[^&]*/, `sentry_key=${"0".repeat(32)}`);
  const path = template.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? "0");
  const bodyless = method === "GET" || method === "OPTIONS";
  const body = built.raw ?? (built.body === undefined ? (bodyless ? undefined : "{}") : JSON.stringify(built.body));
  const headers: Record<string, string> = { host: "localhost:3000", "content-type": "application/json" };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.from) headers["x-regroup-remote-address"] = options.from;
  if (options.origin) {
    headers.origin = options.origin;
    headers["sec-fetch-site"] = "cross-site";
  }
  if (options.signed) {
    headers.authorization = signatureHeader(
      body ?? "",
      options.signed === "wrong" ? "wrong-secret" : groupingApiSecret(),
    );
  }
  const request = new Request(`http://localhost:3000${path}${query}`, { method, headers, body });
  return routes.get(key)!(request, { params: Promise.resolve(params) });
}

const below = (access: Role) => roles.slice(0, roles.indexOf(access));
const atOrAbove = (access: Role) => roles.slice(roles.indexOf(access));
const sessionRoutes = () =>
  Object.entries(matrix).filter((e): e is [string, MatrixEntry & { access: Role }] =>
    (roles as readonly string[]).includes(e[1].access),
  );

describe("authorization matrix", () => {
  it("lists every route under app/api, with the access the route declares", () => {
    const unlisted = [...routes.keys()].filter((key) => !(key in matrix));
    expect(unlisted, "routes missing from the authorization matrix (add them to an access-matrix.ts)").toEqual([]);
    const gone = Object.keys(matrix).filter((key) => !routes.has(key));
    expect(gone, "matrix entries without a route").toEqual([]);
    for (const [key, handler] of routes) expect(handler.access, `access of ${key}`).toBe(matrix[key]!.access);
  });

  it("requires a session for every console route: anonymous callers get 401", async () => {
    for (const [key] of sessionRoutes()) {
      expect((await call(key)).status, `${key} without a session`).toBe(401);
    }
  });

  it("gives each role without the right 403, and each role with it success", async () => {
    for (const [key, entry] of sessionRoutes()) {
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

  it("rejects cross-origin mutations of the console with 403, even from the right role", async () => {
    for (const [key, entry] of Object.entries(matrix)) {
      const machine = isMachineAccess(entry.access) || entry.access === "ingest";
      if (!MUTATING.some((method) => key.startsWith(`${method} `)) || machine) continue;
      const cookie = entry.access === "public" ? undefined : (await signedInAs("admin")).cookie;
      const response = await call(key, { cookie, origin: "https://evil.example" });
      expect(response.status, `${key} from another origin`).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
    }
  });

  it("lets Sentry SDKs in with the project's DSN key only, from any origin", async () => {
    for (const [key, entry] of Object.entries(matrix)) {
      if (entry.access !== "ingest") continue;
      if (key.startsWith("OPTIONS ")) {
        expect((await call(key, { origin: "https://app.example" })).status, `${key} preflight`).toBe(204);
        continue;
      }
      expect((await call(key, { key: "none" })).status, `${key} without a key`).toBe(401);
      expect((await call(key, { key: "wrong" })).status, `${key} with a wrong key`).toBe(401);
      expect((await call(key, { origin: "https://app.example" })).status, `${key} with its key`).toBe(200);
    }
  });

  it("answers public routes without a session, and signed routes only with the right signature", async () => {
    for (const [key, entry] of Object.entries(matrix)) {
      if (entry.access === "public") expect((await call(key)).status, `${key} anonymously`).toBeLessThan(300);
      if (entry.access === "signed") {
        expect((await call(key)).status, `${key} unsigned`).toBe(401);
        expect((await call(key, { signed: "wrong" })).status, `${key} with a wrong signature`).toBe(401);
        expect((await call(key, { signed: "right" })).status, `${key} signed`).toBeLessThan(300);
      }
    }
  });

  it("answers signed-or-trusted-network routes unsigned from loopback only, and never with a wrong signature", async () => {
    const routesOfKind = Object.entries(matrix).filter(([, entry]) => entry.access === "signed-or-trusted-network");
    expect(routesOfKind.length).toBeGreaterThan(0);
    for (const [key] of routesOfKind) {
      expect((await call(key, { from: "127.0.0.1" })).status, `${key} unsigned from 127.0.0.1`).toBeLessThan(300);
      expect((await call(key, { from: "::1" })).status, `${key} unsigned from ::1`).toBeLessThan(300);
      expect((await call(key, { from: "::ffff:127.0.0.1" })).status, `${key} from mapped loopback`).toBeLessThan(300);
      expect((await call(key, { from: "203.0.113.9" })).status, `${key} unsigned from elsewhere`).toBe(401);
      expect((await call(key)).status, `${key} unsigned from an unknown address`).toBe(401);
      expect((await call(key, { from: "127.0.0.1", signed: "wrong" })).status, `${key} wrongly signed`).toBe(401);
      expect((await call(key, { from: "203.0.113.9", signed: "right" })).status, `${key} signed`).toBeLessThan(300);
    }
  });
});
