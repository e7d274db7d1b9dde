import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../testing/test-environment";
import { lockHashes, lockProjectHashes } from "./group-placement";

const database = setUpTestDatabase();

describe("hash locks on the embedded database", () => {
  it("are not taken: its one session runs one transaction at a time, and would never wait on them", async () => {
    const held = await database.prisma.$transaction(async (tx) => {
      await lockProjectHashes(tx, [{ projectId: 1, hash: "a".repeat(32) }]);
      await lockHashes(tx, 1, ["b".repeat(32)]);
      return tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`;
    });
    expect(held).toEqual([{ n: 0 }]);
  });
});
