import { describe, expect, it } from "vitest";
import { parseEvent } from "@/engine/event/schema";
import { setUpTestDatabase } from "../testing/test-environment";
import { pythonErrorEvent } from "../testing/events";
import { fixtureModels } from "../testing/fixture-models";
import { ingestEvent } from "./pipeline";
import type { IngestProject } from "./types";
import { moveProjectToV2 } from "../testing/rollout";

// Models that embed a trace by its exception header: same "Type: value" → distance 0, anything else → far.
const database = setUpTestDatabase({ models: fixtureModels });

let nextProject = 100;
async function project(model: "v1" | "v2" = "v1"): Promise<IngestProject> {
  const id = (nextProject += 1);
  const created = await database.prisma.project.create({
    data: { id, slug: `p${id}`, name: `P${id}`, platform: "python" },
  });
  if (model === "v2")
    await database.prisma.featureFlag.create({ data: { projectId: id, key: "grouping_model", value: "v2" } });
  return { id, publicKey: created.publicKey, platform: "python" };
}

const moveToV2 = (projectId: number) => moveProjectToV2(database, projectId);

const decisions = (projectId: number) =>
  database.prisma.groupingDecision.findMany({ where: { projectId }, orderBy: { id: "asc" } });

/** Runs `work` while the database refuses to store the project's events (a trigger raises). */
async function whileEventsAreRefused(projectId: number, work: () => Promise<void>): Promise<void> {
  await database.driver.exec(`
    CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
    CREATE TRIGGER refuse_event BEFORE INSERT ON events FOR EACH ROW
      WHEN (NEW.project_id = ${projectId}) EXECUTE FUNCTION refuse_event();`);
  try {
    await work();
  } finally {
    await database.driver.exec("DROP TRIGGER refuse_event ON events; DROP FUNCTION refuse_event();");
  }
}

describe("the ingest pipeline", () => {
  it("puts events with the same fingerprint in one issue, and stores an event id once", async () => {
    const p = await project();
    const first = await ingestEvent(p, pythonErrorEvent({ id: "a".repeat(32), functions: ["main", "handle"] }));
    const second = await ingestEvent(p, pythonErrorEvent({ id: "b".repeat(32), functions: ["main", "handle"] }));
    const again = await ingestEvent(p, pythonErrorEvent({ id: "a".repeat(32), functions: ["main", "handle"] }));
    expect(first).toMatchObject({ method: "new", duplicate: false });
    expect(second).toMatchObject({ method: "fingerprint", groupId: first.groupId, duplicate: false });
    expect(again).toMatchObject({ duplicate: true, groupId: first.groupId });
    expect(await database.prisma.event.count({ where: { projectId: p.id } })).toBe(2);
    const group = await database.prisma.group.findUniqueOrThrow({ where: { id: first.groupId } });
    expect(group).toMatchObject({ title: "ValueError: bad input", culprit: "app.handle in handle", timesSeen: 2 });
  });

  it("merges a different stack into an issue when the AI step finds it close, and records the shadow decision", async () => {
    const p = await project("v1");
    const original = await ingestEvent(p, pythonErrorEvent({ functions: ["main", "checkout", "charge"] }));
    const viaOtherPath = await ingestEvent(p, pythonErrorEvent({ functions: ["worker", "retry", "charge"] }));
    const unrelated = await ingestEvent(
      p,
      pythonErrorEvent({ type: "KeyError", value: "'sku'", functions: ["main", "cart"] }),
    );
    expect(original.method).toBe("new");
    expect(viaOtherPath).toMatchObject({ method: "ai", groupId: original.groupId });
    expect(unrelated.method).toBe("new");
    expect(unrelated.groupId).not.toBe(original.groupId);

    const [first, merge] = await decisions(p.id);
    expect(first).toMatchObject({
      modelRequested: "v1",
      modelUsed: "v1",
      shouldGroup: false,
      inserted: true,
      shadowModel: "v2",
    });
    expect(merge).toMatchObject({
      modelRequested: "v1",
      modelUsed: "v1",
      shouldGroup: true,
      inserted: false,
      shadowModel: "v2",
    });
    // v2's index is empty for a v1 project, so its read-only shadow finds nothing.
    expect(merge!.shadowShouldGroup).toBe(false);
    const mergedEvent = await database.prisma.event.findFirstOrThrow({
      where: { projectId: p.id, groupingMethod: "ai" },
    });
    expect(merge!.eventId).toBe(mergedEvent.id);
    const hash = await database.prisma.groupHash.findFirstOrThrow({
      where: { projectId: p.id, hash: mergedEvent.hashes[0] },
    });
    expect(hash).toMatchObject({
      groupId: original.groupId,
      seerModelRequested: "v1",
      seerModelUsed: "v1",
      seerMatchDistance: expect.closeTo(0, 6),
    });
  });

  it("keeps events without a stack trace out of the AI step and says why", async () => {
    const p = await project();
    const parsed = parseEvent({ platform: "python", message: "disk almost full" });
    if (!parsed.ok) throw new Error("invalid");
    const result = await ingestEvent(p, parsed.event);
    expect(result.method).toBe("new");
    const event = await database.prisma.event.findFirstOrThrow({ where: { projectId: p.id } });
    expect(event.aiIneligibleReason).toMatch(/stack ?trace/i);
    expect(await decisions(p.id)).toEqual([]);
  });

  it("asks v2 for a v2 project, falls back to v1 while v2's index is empty, and backfills v2 from known hashes", async () => {
    const p = await project("v1");
    const first = await ingestEvent(p, pythonErrorEvent({ functions: ["main", "sync"] }));
    // The project moves to v2: the known hash has only a v1 embedding.
    await moveToV2(p.id);
    const repeat = await ingestEvent(p, pythonErrorEvent({ functions: ["main", "sync"] }));
    expect(repeat).toMatchObject({ method: "fingerprint", groupId: first.groupId });
    const training = await decisions(p.id);
    expect(training.at(-1)).toMatchObject({ trainingMode: true, modelRequested: "v2" });
    const [record] = await database.driver.query<{ has_v2: boolean }>(
      `SELECT v2 IS NOT NULL AS has_v2 FROM grouping_records WHERE project_id = ${p.id}`,
    );
    expect(record).toEqual({ has_v2: true });
    const hash = await database.prisma.groupHash.findFirstOrThrow({ where: { projectId: p.id } });
    expect(hash.latestTrainingModel).toBe("v2");
    // A third event of the same hash sends no second training call.
    await ingestEvent(p, pythonErrorEvent({ functions: ["main", "sync"] }));
    expect((await decisions(p.id)).filter((d) => d.trainingMode)).toHaveLength(1);

    const other = await project("v2");
    await ingestEvent(other, pythonErrorEvent({ type: "OSError", value: "disk", functions: ["a"] }));
    const merged = await ingestEvent(other, pythonErrorEvent({ type: "OSError", value: "disk", functions: ["b"] }));
    expect(merged.method).toBe("ai");
    const [, merge] = await decisions(other.id);
    // The first event indexed both models (v2 found nothing, v1 answered), so v2 itself finds the second.
    expect(merge).toMatchObject({
      modelRequested: "v2",
      modelUsed: "v2",
      fallback: false,
      shadowModel: "v1",
      shadowShouldGroup: true,
    });
  });

  it("leaves no decision row when the event cannot be stored after the AI step", async () => {
    const p = await project("v2");
    // An injected failure of the event's write (the AI step has run by then), as a payload PostgreSQL refuses did.
    await whileEventsAreRefused(p.id, () =>
      expect(ingestEvent(p, pythonErrorEvent({ functions: ["main", "upload"] }))).rejects.toThrow(
        /refused by the test/,
      ),
    );
    expect(await decisions(p.id)).toEqual([]);
    expect(await database.prisma.group.count({ where: { projectId: p.id } })).toBe(0);

    // Sent again once the write works, the event is stored with exactly one decision, tied to it.
    const stored = await ingestEvent(p, pythonErrorEvent({ functions: ["main", "upload"] }));
    const event = await database.prisma.event.findFirstOrThrow({ where: { projectId: p.id } });
    expect(stored.method).toBe("new");
    expect(await decisions(p.id)).toMatchObject([{ eventId: event.id, modelRequested: "v2", trainingMode: false }]);
  });

  it("records a training-mode call with the event that triggered it, never without it", async () => {
    const p = await project("v1");
    await ingestEvent(p, pythonErrorEvent({ functions: ["main", "export"] }));
    await moveToV2(p.id);
    await whileEventsAreRefused(p.id, () =>
      expect(ingestEvent(p, pythonErrorEvent({ functions: ["main", "export"] }))).rejects.toThrow(
        /refused by the test/,
      ),
    );
    expect((await decisions(p.id)).filter((d) => d.trainingMode)).toEqual([]);
    await ingestEvent(p, pythonErrorEvent({ functions: ["main", "export"] }));
    expect((await decisions(p.id)).filter((d) => d.trainingMode)).toHaveLength(1);
  });
});
