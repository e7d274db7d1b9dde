import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roles, type Role } from "@/lib/auth/roles";
import { isMachineAccess, isRoleAccess } from "@/lib/contracts/endpoint";
import { queryString } from "@/lib/queries/url";
import { groupingApiSecret, signatureHeader } from "../http/rpc-signature";
import type { RouteHandler } from "../http/route";
import { setUpTestDatabase } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { loadMatrix, matrixContext, type MatrixContext, type MatrixRow } from "../testing/matrix";
import { discoverRoutes } from "../http/routes";
import { signedInAs } from "../testing/users";
import { resetModelVersions } from "../models/versions";

/**
 * The authorization matrix: every route under app/api and app/v0, who may call it (the endpoint table's `access`),
 * checked with real requests. It fails when a route exists that the table does not list, or the table lists one that
 * no route file serves, so a new route cannot skip it.
 */
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

// Models registered by the matrix's requests go to a DATA_DIR of this file's own.
process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "regroup-matrix-"));
const database = setUpTestDatabase({ models: fixtureModels });
afterAll(() => {
  resetModelVersions();
  fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
});
let routes: Map<string, RouteHandler>;
let matrix: MatrixRow[];
let context: MatrixContext;

beforeAll(async () => {
  routes = new Map((await discoverRoutes()).map((route) => [`${route.method} ${route.template}`, route.handler]));
  matrix = await loadMatrix();
  context = matrixContext(database.prisma);
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

function withKey(query: Record<string, unknown>, key: CallOptions["key"]): Record<string, unknown> {
  if (key === "none") return { ...query, sentry_key: undefined };
  if (key === "wrong") return { ...query, sentry_key: "0".repeat(32) };
  return query;
}

async function call(row: MatrixRow, options: CallOptions = {}): Promise<Response> {
  const built = (await row.request?.(context)) ?? {};
  const params = Object.fromEntries(Object.entries(built.params ?? {}).map(([name, value]) => [name, String(value)]));
  const search = queryString(withKey(built.query ?? {}, options.key));
  const path = row.path.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? "0");
  const bodyless = row.method === "GET" || row.method === "OPTIONS";
  const body = built.raw ?? (built.body === undefined ? (bodyless ? undefined : "{}") : JSON.stringify(built.body));
  const headers: Record<string, string> = {
    host: "localhost:3000",
    "content-type": built.contentType ?? "application/json",
  };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.from) headers["x-regroup-remote-address"] = options.from;
  if (options.origin) {
    headers.origin = options.origin;
    headers["sec-fetch-site"] = "cross-site";
  }
  if (options.signed) {
    headers.authorization = signatureHeader(
      typeof body === "string" ? body : "",
      options.signed === "wrong" ? "wrong-secret" : groupingApiSecret(),
    );
  }
  const url = `http://localhost:3000${path}${search ? `?${search}` : ""}`;
  const request = new Request(url, { method: row.method, headers, body: body as BodyInit | undefined });
  return routes.get(row.key)!(request, { params: Promise.resolve(params) });
}

const below = (access: Role) => roles.slice(0, roles.indexOf(access));
const atOrAbove = (access: Role) => roles.slice(roles.indexOf(access));
const sessionRoutes = () =>
  matrix.flatMap((row) => (isRoleAccess(row.endpoint.access) ? [{ row, access: row.endpoint.access }] : []));

describe("authorization matrix", () => {
  it("lists every route under app/api and app/v0, served by the handler of its table entry", () => {
    const keys = new Set(matrix.map((row) => row.key));
    const unlisted = [...routes.keys()].filter((key) => !keys.has(key));
    expect(unlisted, "routes missing from the endpoint table (add them to lib/contracts/endpoints)").toEqual([]);
    const gone = [...keys].filter((key) => !routes.has(key));
    expect(gone, "table entries without a route file under app/").toEqual([]);
    expect(keys.size, "a route listed twice in the table").toBe(matrix.length);
    for (const row of matrix) expect(routes.get(row.key)!.endpoint, `handler of ${row.key}`).toBe(row.endpoint);
  });

  it("requires a session for every console route: anonymous callers get 401", async () => {
    for (const { row } of sessionRoutes()) {
      expect((await call(row)).status, `${row.key} without a session`).toBe(401);
    }
  });

  it("gives each role without the right 403, and each role with it success", async () => {
    for (const { row, access } of sessionRoutes()) {
      for (const role of below(access)) {
        const response = await call(row, { cookie: (await signedInAs(role)).cookie });
        expect(response.status, `${row.key} as ${role}`).toBe(403);
      }
      for (const role of atOrAbove(access)) {
        const response = await call(row, { cookie: (await signedInAs(role)).cookie });
        expect(response.status, `${row.key} as ${role}: ${await response.clone().text()}`).toBeLessThan(300);
      }
    }
  });

  it("rejects cross-origin mutations of the console with 403, even from the right role", async () => {
    for (const row of matrix) {
      const { access } = row.endpoint;
      const machine = isMachineAccess(access) || access === "ingest";
      if (!MUTATING.some((method) => row.method === method) || machine) continue;
      const cookie = access === "public" ? undefined : (await signedInAs("admin")).cookie;
      const response = await call(row, { cookie, origin: "https://evil.example" });
      expect(response.status, `${row.key} from another origin`).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
    }
  });

  it("lets Sentry SDKs in with the project's DSN key only, from any origin", async () => {
    for (const row of matrix) {
      if (row.endpoint.access !== "ingest") continue;
      const key = row.key;
      if (row.method === "OPTIONS") {
        expect((await call(row, { origin: "https://app.example" })).status, `${key} preflight`).toBe(204);
        continue;
      }
      expect((await call(row, { key: "none" })).status, `${key} without a key`).toBe(401);
      expect((await call(row, { key: "wrong" })).status, `${key} with a wrong key`).toBe(401);
      expect((await call(row, { origin: "https://app.example" })).status, `${key} with its key`).toBe(200);
    }
  });

  it("answers public routes without a session, and signed routes only with the right signature", async () => {
    for (const row of matrix) {
      const key = row.key;
      if (row.endpoint.access === "public") expect((await call(row)).status, `${key} anonymously`).toBeLessThan(300);
      if (row.endpoint.access === "signed") {
        expect((await call(row)).status, `${key} unsigned`).toBe(401);
        expect((await call(row, { signed: "wrong" })).status, `${key} with a wrong signature`).toBe(401);
        expect((await call(row, { signed: "right" })).status, `${key} signed`).toBeLessThan(300);
      }
    }
  });

  it("answers signed-or-trusted-network routes unsigned from loopback only, and never with a wrong signature", async () => {
    const routesOfKind = matrix.filter((row) => row.endpoint.access === "signed-or-trusted-network");
    expect(routesOfKind.length).toBeGreaterThan(0);
    for (const row of routesOfKind) {
      const key = row.key;
      expect((await call(row, { from: "127.0.0.1" })).status, `${key} unsigned from 127.0.0.1`).toBeLessThan(300);
      expect((await call(row, { from: "::1" })).status, `${key} unsigned from ::1`).toBeLessThan(300);
      expect((await call(row, { from: "::ffff:127.0.0.1" })).status, `${key} from mapped loopback`).toBeLessThan(300);
      expect((await call(row, { from: "203.0.113.9" })).status, `${key} unsigned from elsewhere`).toBe(401);
      expect((await call(row)).status, `${key} unsigned from an unknown address`).toBe(401);
      expect((await call(row, { from: "127.0.0.1", signed: "wrong" })).status, `${key} wrongly signed`).toBe(401);
      expect((await call(row, { from: "203.0.113.9", signed: "right" })).status, `${key} signed`).toBeLessThan(300);
    }
  });
});
