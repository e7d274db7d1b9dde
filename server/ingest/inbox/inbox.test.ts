import { afterEach, describe, expect, it } from "vitest";
import { pythonErrorEvent, type PythonEventOptions } from "../../testing/events";
import { fixtureModels } from "../../testing/fixture-models";
import { setUpTestDatabase } from "../../testing/test-environment";
import { ingestEvent } from "../pipeline";
import { acceptEvent } from "./accept";
import { inboxLagSeconds, inboxStats } from "./stats";
import { createInboxWorker, type InboxWorker } from "./worker";
import { projectMaker } from "../../testing/ingest-projects";

// Fixture models: same "Type: value" → the same embedding, so the AI step merges deterministically.
const database = setUpTestDatabase({ models: fixtureModels });

const project = projectMaker(database, 200, "p");

let worker: InboxWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

function startWorker(options: { batchSize?: number } = {}): InboxWorker {
  worker = createInboxWorker({ pollMs: 20, ...options });
  return worker;
}

/**
 * A stream of traffic: repeats of known issues, new traces (unique ones, and ones whose frames differ with the same
 * "Type: value", which the AI step merges, in the same inbox batch as the first of them), and a repeated event id.
 */
function traffic(): PythonEventOptions[] {
  const events: PythonEventOptions[] = [];
  for (let i = 0; i < 40; i += 1) {
    const kind = i % 5;
    if (kind === 0) events.push({ functions: ["main", "checkout", "charge"] });
    else if (kind === 1) events.push({ functions: ["worker", "retry", "charge"] });
    else if (kind === 2) events.push({ type: "KeyError", value: `'field${i % 3}'`, functions: ["main", "parse"] });
    else if (kind === 3 && i % 2 === 0)
      events.push({ type: "TimeoutError", value: "upstream", functions: ["main", `step${i}`] });
    else if (kind === 3) events.push({ type: `Error${i}`, value: "unique", functions: ["main", `step${i}`] });
    else events.push({ id: "d".repeat(32), functions: ["main", "checkout", "charge"] });
  }
  return events;
}

/** The project's issues as sets of event titles and counts: what a user sees, independent of ids. */
async function issuesOf(projectId: number) {
  const groups = await database.prisma.group.findMany({
    where: { projectId },
    include: { _count: { select: { events: true } } },
  });
  return groups
    .map((group) => `${group.title} ×${group.timesSeen} (${group._count.events} stored)`)
    .sort((a, b) => a.localeCompare(b));
}

describe("the ingest inbox", () => {
  // In batches of 3, an issue, a hash or an AI match that one batch writes is what the next one finds.
  it.each([
    ["in one batch", undefined],
    ["in batches of 3", 3],
  ])(
    "answers once an event is in the inbox, and its worker groups the events as the synchronous pipeline does (%s)",
    async (_, batchSize) => {
      const [sync, queued] = [await project(), await project()];
      const events = traffic();
      for (const options of events) await ingestEvent(sync, pythonErrorEvent(options));

      const answers = await Promise.all(events.map((options) => acceptEvent(queued, pythonErrorEvent(options))));
      expect(answers.every((answer) => /^[0-9a-f]{32}$/.test(answer.eventId))).toBe(true);
      expect(await inboxStats()).toMatchObject({ depth: events.length });
      expect(await database.prisma.event.count({ where: { projectId: queued.id } })).toBe(0);
      // The lag is the wait of the first event in arrival order, the one the worker takes first.
      await database.prisma.$executeRaw`UPDATE ingest_inbox SET accepted_at = now() - interval '30 seconds'
                                        WHERE id = (SELECT min(id) FROM ingest_inbox)`;
      expect(await inboxLagSeconds()).toBeGreaterThanOrEqual(30);
      expect((await inboxStats()).lagSeconds).toBeGreaterThanOrEqual(30);

      await startWorker({ batchSize }).drained();
      expect(await inboxStats()).toEqual({ depth: 0, lagSeconds: 0 });
      expect(await inboxLagSeconds()).toBe(0);
      expect(await issuesOf(queued.id)).toEqual(await issuesOf(sync.id));
      // The repeated event id is stored once; every other event once.
      expect(await database.prisma.event.count({ where: { projectId: queued.id } })).toBe(33);
      const methods = await database.prisma.event.groupBy({
        by: ["groupingMethod"],
        where: { projectId: queued.id },
        _count: true,
      });
      expect(Object.fromEntries(methods.map((row) => [row.groupingMethod, row._count]))).toEqual(
        Object.fromEntries(
          (
            await database.prisma.event.groupBy({ by: ["groupingMethod"], where: { projectId: sync.id }, _count: true })
          ).map((row) => [row.groupingMethod, row._count]),
        ),
      );
      expect(methods.find((row) => row.groupingMethod === "ai")?._count).toBeGreaterThan(0);
      // Each AI step left its decision, written with its event.
      const decisions = (projectId: number) =>
        database.prisma.groupingDecision.count({ where: { projectId, eventId: { not: null } } });
      expect(await decisions(queued.id)).toBe(await decisions(sync.id));
    },
  );

  it("stores an event id once when it is accepted again after it was grouped", async () => {
    const p = await project();
    startWorker();
    const event = pythonErrorEvent({ id: "e".repeat(32) });
    await acceptEvent(p, event);
    await worker!.drained();
    await acceptEvent(p, event);
    await worker!.drained();
    expect(await database.prisma.event.count({ where: { projectId: p.id } })).toBe(1);
    expect(await database.prisma.group.findFirstOrThrow({ where: { projectId: p.id } })).toMatchObject({
      timesSeen: 1,
    });
  });

  it("takes again at start the rows an earlier process had claimed and not finished", async () => {
    const p = await project();
    await acceptEvent(p, pythonErrorEvent({ id: "f".repeat(32) }));
    // What a process that died mid-batch leaves: its rows claimed, their events not stored.
    await database.prisma.$executeRaw`UPDATE ingest_inbox SET claimed_at = now()`;
    await startWorker().drained();
    expect(await database.prisma.event.count({ where: { projectId: p.id, eventId: "f".repeat(32) } })).toBe(1);
    expect(await inboxStats()).toMatchObject({ depth: 0 });
  });

  it("drops the events of a project deleted after they were accepted, and groups the others", async () => {
    const [gone, kept] = [await project(), await project()];
    await acceptEvent(gone, pythonErrorEvent());
    await acceptEvent(kept, pythonErrorEvent());
    await database.prisma.project.delete({ where: { id: gone.id } });
    await startWorker().drained();
    expect(await database.prisma.event.count({ where: { projectId: kept.id } })).toBe(1);
    expect(await inboxStats()).toMatchObject({ depth: 0 });
  });

  it("drops an event the database refuses for good, without holding up the events accepted with it", async () => {
    const [refused, kept] = [await project(), await project()];
    await database.driver.exec(`
      CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
      CREATE TRIGGER refuse_event BEFORE INSERT ON events FOR EACH ROW
        WHEN (NEW.project_id = ${refused.id}) EXECUTE FUNCTION refuse_event();`);
    try {
      await Promise.all([
        acceptEvent(kept, pythonErrorEvent({ functions: ["a"] })),
        acceptEvent(refused, pythonErrorEvent({ functions: ["a"] })),
        acceptEvent(kept, pythonErrorEvent({ functions: ["b"] })),
      ]);
      await startWorker().drained();
    } finally {
      await database.driver.exec("DROP TRIGGER refuse_event ON events; DROP FUNCTION refuse_event();");
    }
    expect(await database.prisma.event.count({ where: { projectId: kept.id } })).toBe(2);
    expect(await database.prisma.event.count({ where: { projectId: refused.id } })).toBe(0);
    expect(await inboxStats()).toMatchObject({ depth: 0 });
  });
});
