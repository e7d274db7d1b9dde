import "server-only";
import type { PrismaClient } from "../db/client";
import { db } from "../db";
import { cacheOf } from "./ingest-cache";
import type { IngestProject } from "./types";

/** The ingest cache of projects by id (see ingest-cache.ts). */
export function projectsById(client: PrismaClient) {
  return cacheOf<number, IngestProject | null>(client, "project-by-id");
}

/** The ingest cache of projects by DSN public key, for `/api/store/`, whose path names no project. */
export function projectsByKey(client: PrismaClient) {
  return cacheOf<string, IngestProject | null>(client, "project-by-key");
}

/**
 * Forgets what ingest cached of a project whose key changed or that was deleted: the next request with the old key is
 * refused at once in this process (another replica sees it within the cache's TTL).
 */
export async function forgetIngestProject(projectId: number, publicKey: string): Promise<void> {
  const client = await db();
  projectsById(client).invalidate(projectId);
  projectsByKey(client).invalidate(publicKey);
}
