import type { Database } from "../db/client";
import type { IngestProject } from "../ingest/types";

/**
 * A test file's project maker: each call creates the next Python project (ids after `afterId`, slugs
 * `<prefix><id>`) in the database and returns it as ingest sees it.
 */
export function projectMaker(database: Pick<Database, "prisma">, afterId: number, prefix: string) {
  let next = afterId;
  return async (): Promise<IngestProject> => {
    const id = (next += 1);
    const created = await database.prisma.project.create({
      data: { id, slug: `${prefix}${id}`, name: `${prefix}${id}`, platform: "python" },
    });
    return { id, publicKey: created.publicKey, platform: "python" };
  };
}
