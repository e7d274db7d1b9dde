import { describe, expect, it } from "vitest";
import { parseEvent, type SentryEvent } from "@/engine/event/schema";
import { setUpConcurrentPostgres } from "../testing/concurrent-postgres";
import { ingestEvent } from "./pipeline";
import { projectMaker } from "../testing/ingest-projects";

// PGlite is one session: it runs transactions one at a time and cannot show a race. This file runs the real ingest
// write on a native PostgreSQL with several connections at READ COMMITTED (its default).
const { available, title, database } = setUpConcurrentPostgres(
  "the ingest write on PostgreSQL with concurrent connections",
);

const project = projectMaker(database, 700, "pg");

/** An event without a stack trace: fingerprinted, never sent to the AI step (which needs pgvector). */
function messageEvent(message: string): SentryEvent {
  const parsed = parseEvent({ platform: "python", message });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.event;
}

describe.skipIf(!available)(title, () => {
  it("puts simultaneous events with the same new fingerprint into one issue", async () => {
    for (let round = 0; round < 5; round += 1) {
      const p = await project();
      const results = await Promise.all(
        Array.from({ length: 12 }, () => ingestEvent(p, messageEvent(`queue ${round} is full`))),
      );
      const groups = await database.prisma.group.findMany({ where: { projectId: p.id } });
      expect(groups).toHaveLength(1);
      expect(new Set(results.map((r) => r.groupId))).toEqual(new Set([groups[0]!.id]));
      expect(results.filter((r) => r.method === "new")).toHaveLength(1);
      expect(groups[0]!.timesSeen).toBe(12);
      expect(await database.prisma.event.count({ where: { projectId: p.id, groupId: groups[0]!.id } })).toBe(12);
    }
  });
});
