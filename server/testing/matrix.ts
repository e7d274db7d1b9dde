import fs from "node:fs";
import path from "node:path";
import { pathsOf, type BodyInput, type Endpoint, type ValuesInput } from "@/lib/contracts/endpoint";
import { endpoints, type EndpointName, type Endpoints } from "@/lib/contracts/endpoints";
import type { PrismaClient } from "../db/client";

/**
 * The authorization matrix (server/auth/authorization-matrix.test.ts): one row per route of the endpoint table, with
 * the access the table gives it. Each feature adds, in a `matrix-requests.ts` file of its own, the requests that
 * succeed for an allowed caller of its endpoints where an empty request would not (`export const requests`).
 */
export interface MatrixRow {
  /** "POST /api/users/[id]" */
  key: string;
  name: EndpointName;
  endpoint: Endpoint;
  method: string;
  /** The path the row calls (one of the endpoint's paths). */
  path: string;
  request?: (context: MatrixContext) => Promise<MatrixRequest>;
}

/** A request of an endpoint, typed by its table entry: path parameters, query, and a JSON or raw body. */
export interface MatrixRequest<E extends Endpoint = Endpoint> {
  params?: ValuesInput<E["params"]>;
  query?: ValuesInput<E["query"]>;
  body?: BodyInput<E>;
  raw?: string | Uint8Array<ArrayBuffer>;
  /** The raw body's content type (JSON unless said). */
  contentType?: string;
}

export type MatrixRequests = {
  [Name in EndpointName]?: (context: MatrixContext) => Promise<MatrixRequest<Endpoints[Name]>>;
};

export interface MatrixContext {
  prisma: PrismaClient;
  /** A new project (id) to act on. */
  aProject(): Promise<number>;
  /** A number never returned before in this run, for unique names and hashes. */
  unique(): number;
}

let counter = 0;
export function matrixContext(prisma: PrismaClient): MatrixContext {
  return {
    prisma,
    unique: () => (counter += 1),
    async aProject() {
      const id = 700_000 + (counter += 1);
      await prisma.project.create({ data: { id, slug: `matrix-${id}`, name: `Matrix ${id}`, platform: "python" } });
      return id;
    },
  };
}

function requestFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : requestFiles(full);
    return entry.name === "matrix-requests.ts" ? [full] : [];
  });
}

/** The features' request builders by endpoint name; one named twice, or not in the table, is an error. */
async function loadRequests(): Promise<MatrixRequests> {
  const all: Record<string, unknown> = {};
  for (const file of requestFiles(path.resolve(__dirname, ".."))) {
    const { requests } = (await import(file)) as { requests: MatrixRequests };
    for (const [name, build] of Object.entries(requests)) {
      if (!(name in endpoints)) throw new Error(`${file} builds a request of "${name}", which the table does not have`);
      if (name in all) throw new Error(`the request of "${name}" is built twice (again in ${file})`);
      all[name] = build;
    }
  }
  return all as MatrixRequests;
}

/** Every route of the endpoint table (each path of each endpoint), with its request builder where it has one. */
export async function loadMatrix(): Promise<MatrixRow[]> {
  const requests = await loadRequests();
  return Object.entries(endpoints).flatMap(([name, endpoint]) =>
    pathsOf(endpoint).map((routePath) => ({
      key: `${endpoint.method} ${routePath}`,
      name: name as EndpointName,
      endpoint,
      method: endpoint.method,
      path: routePath,
      request: requests[name as EndpointName] as MatrixRow["request"],
    })),
  );
}
