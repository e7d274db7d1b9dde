import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../db/client";
import type { Access } from "../http/route";

/**
 * An entry of the authorization matrix (server/auth/authorization-matrix.test.ts): who may call a route, and a
 * request that succeeds for an allowed caller. Each feature lists its routes in an `access-matrix.ts` file of its
 * own (`export const entries: Record<"METHOD /api/path", MatrixEntry>`); the test finds them all and fails for
 * any route under app/api that none lists.
 */
export interface MatrixEntry {
  access: Access;
  /** Builds the path params, query, and body (JSON or raw) of a request that succeeds (fresh per call). */
  request?: (context: MatrixContext) => Promise<MatrixRequest>;
}

export interface MatrixRequest {
  body?: unknown;
  raw?: string;
  params?: Record<string, string>;
  query?: string;
}

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

function matrixFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : matrixFiles(full);
    return entry.name === "access-matrix.ts" ? [full] : [];
  });
}

/** Every feature's matrix entries; a route listed twice is an error. */
export async function loadMatrix(): Promise<Record<string, MatrixEntry>> {
  const matrix: Record<string, MatrixEntry> = {};
  for (const file of matrixFiles(path.resolve(__dirname, ".."))) {
    const { entries } = (await import(file)) as { entries: Record<string, MatrixEntry> };
    for (const [key, entry] of Object.entries(entries)) {
      if (key in matrix) throw new Error(`${key} is listed twice in the authorization matrix (again in ${file})`);
      matrix[key] = entry;
    }
  }
  return matrix;
}
