import { describe, expect, it } from "vitest";
import { pythonErrorEvent } from "../testing/events";
import { fixtureModels } from "../testing/fixture-models";
import { projectMaker } from "../testing/ingest-projects";
import { setUpTestDatabase } from "../testing/test-environment";
import { ingestEvent, prepareEvent } from "./pipeline";
import { knownEvent, writeKnownEvents } from "./write-known";

const database = setUpTestDatabase({ models: fixtureModels });
const project = projectMaker(database, 310, "k");

describe("writing events whose hashes are known", () => {
  it("stores each in the issue of its first hash, skips a stored event id and an unknown hash, and bumps each issue once", async () => {
    const p = await project();
    const first = await ingestEvent(
      p,
      pythonErrorEvent({ type: "ValueError", value: "bad", functions: ["main", "a"] }),
    );
    const before = await database.prisma.group.findUniqueOrThrow({ where: { id: first.groupId } });
    const later = new Date(before.lastSeen.getTime() + 60_000);
    const [again, stillAgain, withNewVariant] = await Promise.all(
      [
        { type: "ValueError", value: "bad", functions: ["main", "a"] },
        { type: "ValueError", value: "bad", functions: ["main", "a"] },
        { type: "ValueError", value: "bad", functions: ["main", "a"] },
      ].map((options) => prepareEvent(p, pythonErrorEvent(options), later)),
    );
    // The first event's id again (stored already), and one whose second hash no issue has.
    const storedAlready = { ...knownEvent(again!), eventId: first.eventId };
    const unknownHash = { ...knownEvent(withNewVariant!), hashes: [...withNewVariant!.hashes, "0".repeat(32)] };

    const written = await database.prisma.$transaction((tx) =>
      writeKnownEvents(tx, [knownEvent(again!), storedAlready, unknownHash, knownEvent(stillAgain!)]),
    );

    expect(written.groupIds).toEqual([first.groupId, first.groupId, null, first.groupId]);
    expect(written.inserted).toEqual([true, false, false, true]);
    const after = await database.prisma.group.findUniqueOrThrow({ where: { id: first.groupId } });
    expect(after.timesSeen).toBe(before.timesSeen + 2);
    expect(after.lastSeen).toEqual(later);
    const events = await database.prisma.event.findMany({ where: { projectId: p.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.eventId, event.groupId, event.groupingMethod])).toEqual([
      [first.eventId, first.groupId, "new"],
      [again!.eventId, first.groupId, "fingerprint"],
      [stillAgain!.eventId, first.groupId, "fingerprint"],
    ]);
  });
});
