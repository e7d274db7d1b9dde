import { writeProjectFlags } from "../rollout/flags";
import type { Database } from "../db/client";

/** Moves a project to v2 the way the console does (rollout/flags.ts), which also tells ingest's cache. */
export async function moveProjectToV2(database: Pick<Database, "prisma">, projectId: number): Promise<void> {
  await database.prisma.$transaction((tx) =>
    writeProjectFlags(tx, {
      actor: "system",
      action: "flag.set",
      reason: "test",
      targets: [{ projectId, after: (before) => ({ ...before, grouping_model: "v2" }) }],
    }),
  );
}
