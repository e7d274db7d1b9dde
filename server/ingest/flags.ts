import "server-only";
import type { PrismaClient, Transaction } from "../db/client";
import { cacheOf } from "./ingest-cache";
import { db } from "../db";
import { groupingModels } from "../grouping/default-models";

export interface ProjectGroupingFlags {
  /** The model the project's flag names (the stable one when it names none); see grouping/models.ts projectModel. */
  model: string;
  skipFallback: boolean;
}

async function readFlags(client: Transaction, projectId: number): Promise<ProjectGroupingFlags> {
  const flags = await client.featureFlag.findMany({
    where: { projectId, key: { in: ["grouping_model", "skip_fallback"] } },
  });
  const value = (key: string) => flags.find((flag) => flag.key === key)?.value;
  const model = value("grouping_model");
  return {
    model: typeof model === "string" ? model : groupingModels().stable().version,
    skipFallback: value("skip_fallback") === true,
  };
}

/**
 * A project's grouping flags (defaults: the stable model, with fallback). Inside a transaction they are read from it; otherwise
 * from the ingest cache (see ingest-cache.ts), which a flag change invalidates.
 */
export async function projectGroupingFlags(projectId: number, tx?: Transaction): Promise<ProjectGroupingFlags> {
  if (tx) return readFlags(tx, projectId);
  const prisma = await db();
  return flagsCache(prisma).get(projectId, () => readFlags(prisma, projectId));
}

function flagsCache(client: PrismaClient) {
  return cacheOf<number, ProjectGroupingFlags>(client, "flags");
}

/** Forgets the cached flags of these projects (call it where they change). */
export async function invalidateProjectGroupingFlags(projectIds: number[]): Promise<void> {
  const cache = flagsCache(await db());
  for (const projectId of projectIds) cache.invalidate(projectId);
}
