import "server-only";
import type { Transaction } from "../db/client";
import { db } from "../db";

export interface ProjectGroupingFlags {
  /** The model the project's AI grouping asks for: the stable one, or the next one once the project moved. */
  model: string;
  skipFallback: boolean;
}

/** A project's grouping flags (defaults: v1, with fallback). */
export async function projectGroupingFlags(projectId: number, tx?: Transaction): Promise<ProjectGroupingFlags> {
  const client = tx ?? (await db());
  const flags = await client.featureFlag.findMany({
    where: { projectId, key: { in: ["grouping_model", "skip_fallback"] } },
  });
  const value = (key: string) => flags.find((flag) => flag.key === key)?.value;
  const model = value("grouping_model");
  return { model: typeof model === "string" ? model : "v1", skipFallback: value("skip_fallback") === true };
}
