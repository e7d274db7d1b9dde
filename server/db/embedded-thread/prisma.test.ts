import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../client";

// What the server runs (EMBEDDED_DATABASE_THREAD=own): Prisma's interactive transactions over the database's own thread.
let database: Database;

beforeAll(async () => {
  database = await openDatabase({ dataDir: "memory://", role: "test", embeddedThread: "own" });
  await database.prisma.$executeRaw`CREATE TABLE note (id int PRIMARY KEY, body text)`;
});

afterAll(async () => {
  await database.close();
});

describe("Prisma over the embedded database's own thread", () => {
  it("commits an interactive transaction, and rolls one back as a whole when it throws", async () => {
    const { prisma } = database;
    const written = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO note VALUES (1, 'kept')`;
      return tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM note`;
    });
    expect(written).toEqual([{ n: 1 }]);
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO note VALUES (2, 'rolled back')`;
        await tx.$executeRaw`INSERT INTO note VALUES (1, 'a duplicate')`;
      }),
    ).rejects.toThrow();
    // A transaction that runs no statement at all.
    await prisma.$transaction(async () => undefined);
    expect(await prisma.$queryRaw`SELECT id, body FROM note ORDER BY id`).toEqual([{ id: 1, body: "kept" }]);
  });
});
