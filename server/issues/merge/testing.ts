import type { PrismaClient } from "../../db/client";

let counter = 0;

/**
 * An issue of the project with one event per hash (each event's primary hash is its hash), stored directly, for tests
 * that need issues to merge or unmerge rather than a grouping pipeline.
 */
export async function anIssueWithHashes(
  prisma: PrismaClient,
  projectId: number,
  hashCount = 1,
): Promise<{ id: number; hashes: string[] }> {
  counter += 1;
  const group = await prisma.group.create({
    data: { projectId, title: `ValueError: issue ${counter}`, timesSeen: hashCount },
  });
  const hashes = Array.from({ length: hashCount }, (_, index) => `matrix-${counter}-${index}-${Date.now()}`);
  for (const [index, hash] of hashes.entries()) {
    await prisma.groupHash.create({ data: { projectId, hash, groupId: group.id } });
    await prisma.event.create({
      data: {
        eventId: `${counter.toString(16)}${index.toString(16)}${Date.now().toString(16)}`.padStart(32, "0").slice(-32),
        projectId,
        groupId: group.id,
        platform: "python",
        title: `ValueError: issue ${counter}`,
        payload: { platform: "python", message: `issue ${counter} hash ${index}` },
        hashes: [hash],
        groupingMethod: index === 0 ? "new" : "fingerprint",
        embeddingText: `ValueError: issue ${counter}`,
      },
    });
  }
  return { id: group.id, hashes };
}
