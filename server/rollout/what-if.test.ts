import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WhatIf } from "@/lib/contracts/what-if";
import type { GroupingModels } from "../grouping/models";
import { ingestEvent } from "../ingest/pipeline";
import { appErrorEvent } from "../testing/events";
import { setUpTestApi } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { signedInAs } from "../testing/users";
import { createJobRunner, type JobRunner } from "./job-runner";

/**
 * A what-if replay over HTTP: a project on v1 (the fixture models embed a trace by its exception header), replayed
 * through a v2 that embeds two traces alike which v1 keeps apart. The result counts
 * issues and merges against today's, prices the merges the experts labeled, lists the others, queues them for review,
 * and leaves the live index, issues and decisions as they were.
 */
const server = setUpTestApi({ models: fixtureModels });
const database = server.database;
let admin: string;
let runner: JobRunner;
const PROJECT = 61;
const ids = new Map<string, number>();

/** The fixture models, except that v2 embeds every "twin" trace alike (as a model that learned they are one fault). */
const replayModels: GroupingModels = {
  ...fixtureModels,
  embed: async (version, texts) => {
    const vectors = await fixtureModels.embed(version, texts);
    const twin = Array.from({ length: 64 }, (_, i) => (i === 0 ? 1 : 0));
    return version === "v2"
      ? texts.map((text, i) => (text.startsWith("AppError: twin") ? twin : vectors[i]!))
      : vectors;
  },
};

beforeAll(async () => {
  admin = (await signedInAs("admin")).cookie;
  const created = await database.prisma.project.create({
    data: { id: PROJECT, slug: "what-if", name: "What-if", platform: "python" },
  });
  const project = { id: PROJECT, publicKey: created.publicKey, platform: "python" };
  const now = Date.now();
  const sends: [string, string, string][] = [
    ["e1", "alpha", "f1"],
    ["e2", "alpha", "f2"], // v1 merges it into e1's issue (same header: distance 0)
    ["e3", "alpha", "f1"], // e1's fingerprint
    ["e4", "beta", "f3"],
    ["e5", "beta", "f4"], // merged into e4's issue
    ["e7", "twin a", "f5"],
    ["e8", "twin b", "f6"], // v1: far from e7 (another header), a new issue; the replay's v2: the same trace
  ];
  for (const [name, value, path] of sends) {
    const result = await ingestEvent(project, appErrorEvent("python", value, path), {
      now: new Date(now - 3_600_000 + ids.size * 1000),
      models: fixtureModels,
    });
    ids.set(name, (await database.prisma.event.findFirstOrThrow({ where: { eventId: result.eventId } })).id);
  }
  runner = createJobRunner({ intervalMs: 50, staleAfterMs: 3_000, models: replayModels });
});

afterAll(() => runner?.stop());

async function finished(id: number): Promise<WhatIf> {
  for (let i = 0; i < 400; i++) {
    const list = await server.call<{ replays: WhatIf[] }>(admin, "GET", `/api/rollout/projects/${PROJECT}/what-if`);
    const replay = list.body.replays.find((entry) => entry.job.id === id)!;
    if (replay.job.status !== "queued" && replay.job.status !== "running") return replay;
    await sleep(50);
  }
  throw new Error(`replay ${id} did not finish`);
}

async function label(a: string, b: string, verdict: "GROUP" | "SEPARATE") {
  const [eventAId, eventBId] = [ids.get(a)!, ids.get(b)!].sort((x, y) => x - y);
  const pair = await database.prisma.reviewPair.create({
    data: { eventAId: eventAId!, eventBId: eventBId!, projectId: PROJECT, platform: "python", source: "manual" },
  });
  await database.prisma.label.create({ data: { pairId: pair.id, labelerName: "expert-a", verdict } });
}

describe("what-if replay", () => {
  it("replays the project's events through another model without touching the live grouping", async () => {
    await label("e2", "e1", "GROUP");
    await label("e8", "e7", "SEPARATE");
    const live = async () => ({
      groups: await database.prisma.group.count(),
      records: await database.prisma.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM grouping_records`,
      decisions: await database.prisma.groupingDecision.count(),
    });
    const before = await live();

    const created = await server.call<{ replay: WhatIf }>(admin, "POST", `/api/rollout/projects/${PROJECT}/what-if`, {
      model: "v2",
      days: 1,
    });
    expect(created.status).toBe(201);
    const again = await server.call<{ error: { message: string } }>(
      admin,
      "POST",
      `/api/rollout/projects/${PROJECT}/what-if`,
      { model: "v2" },
    );
    expect([201, 409]).toContain(again.status); // 409 while the first is queued or running; it may be done already
    const replay = await finished(created.body.replay.job.id);
    expect(replay.job.status).toBe("done");
    expect(replay.result).toMatchObject({
      events: 7,
      leftOut: 0,
      today: { issues: 4, aiMerges: 2 },
      replay: { issues: 3, reachedAi: 6, merges: 3 },
      overgrouping: { labeled: 2, incorrect: 1 },
      unlabeled: 1,
      queued: 0,
    });
    expect(replay.result!.replay.mergeRate).toMatchObject({ value: 0.5, n: 6 });
    expect(replay.result!.overgrouping.rate).toMatchObject({ value: 0.5, n: 2 });
    expect(replay.result!.unlabeledMerges).toEqual([
      {
        eventId: ids.get("e5"),
        matchedEventId: ids.get("e4"),
        distance: expect.closeTo(0, 6),
        title: expect.any(String),
        matchedTitle: expect.any(String),
      },
    ]);
    expect(await live()).toEqual(before);

    // One click queues the unlabeled merges for review; a second finds them queued.
    const queued = await server.call(admin, "POST", `/api/rollout/what-if/${replay.job.id}/queue`);
    expect(queued).toEqual({ status: 200, body: { created: 1, existing: 0 } });
    expect(await server.call(admin, "POST", `/api/rollout/what-if/${replay.job.id}/queue`)).toEqual({
      status: 200,
      body: { created: 0, existing: 1 },
    });
    const pair = await database.prisma.reviewPair.findFirstOrThrow({
      where: { createdBy: `what-if #${replay.job.id}` },
    });
    expect([pair.eventAId, pair.eventBId].sort()).toEqual([ids.get("e4"), ids.get("e5")].sort());
    expect((await finished(replay.job.id)).result!.queued).toBe(1);
  });

  it("replays with today's model and a tighter threshold, and refuses an unknown model", async () => {
    const tight = await server.call<{ replay: WhatIf }>(admin, "POST", `/api/rollout/projects/${PROJECT}/what-if`, {
      model: "v1",
      threshold: 0,
    });
    expect(tight.status).toBe(201);
    const replay = await finished(tight.body.replay.job.id);
    // Distance 0 is still within a threshold of 0: v1 merges what it merged live.
    expect(replay.result).toMatchObject({ today: { issues: 4 }, replay: { issues: 4, merges: 2 } });
    const unknown = await server.call<{ error: { message: string } }>(
      admin,
      "POST",
      `/api/rollout/projects/${PROJECT}/what-if`,
      { model: "v9" },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('There is no model "v9"; the models are v1, v2.');
  });
});
