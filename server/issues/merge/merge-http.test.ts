import { beforeAll, describe, expect, it } from "vitest";
import type { SentryEvent } from "@/engine/event/schema";
import type { MergeIssuesResponse, UnmergeIssueResponse, IssueHashesResponse } from "@/lib/contracts/issue-merge";
import type { DashboardResponse } from "@/lib/contracts/overgrouping";
import type { ReviewPair } from "@/lib/contracts/review";
import { sampleMerges } from "../../review/sources/merge-sample";
import { createProject, pythonEvent } from "../../rollout/test-fixtures";
import { fixtureModels } from "../../testing/fixture-models";
import { setUpTestApi } from "../../testing/test-environment";
import { signedInAs } from "../../testing/users";

// Merging and unmerging issues over real HTTP on the embedded database, with events sent to the store endpoint as an
// SDK sends them and grouped by the real pipeline (fixture models: the same "Type: value" embeds alike, so a different
// stack with the same header is an AI merge).
const api = setUpTestApi({ models: fixtureModels });
const database = api.database;
let labeler: { id: number; email: string; cookie: string };
let viewer: string;
beforeAll(async () => {
  labeler = await signedInAs("labeler");
  viewer = (await signedInAs("viewer")).cookie;
});

type Project = Awaited<ReturnType<typeof createProject>>;

const call = api.call;

/** Sends an event to the project's store endpoint with its DSN key; answers the issue it landed in. */
async function send(project: Project, event: SentryEvent): Promise<number> {
  const response = await fetch(`${api.url}/api/${project.id}/store/`, {
    method: "POST",
    headers: { "x-sentry-auth": `Sentry sentry_key=${project.publicKey}, sentry_version=7` },
    body: JSON.stringify(event),
  });
  const { id } = (await response.json()) as { id: string };
  expect(response.status).toBe(200);
  const stored = await database.prisma.event.findUniqueOrThrow({
    where: { projectId_eventId: { projectId: project.id, eventId: id } },
  });
  return stored.groupId;
}

const checkout = () => pythonEvent("ValueError", "bad input", ["main", "checkout", "charge"]);
const worker = () => pythonEvent("ValueError", "bad input", ["worker", "retry", "charge"]);
const cart = () => pythonEvent("KeyError", "'sku'", ["main", "cart"]);
const payment = () => pythonEvent("TypeError", "amount is None", ["main", "pay"]);

const merge = (cookie: string, body: unknown) => call<MergeIssuesResponse>(cookie, "POST", "/api/issues/merge", body);
const unmerge = (cookie: string, body: unknown) =>
  call<UnmergeIssueResponse>(cookie, "POST", "/api/issues/unmerge", body);

/** Everything a bad request must leave as it was: the project's issues, hashes, events' issues, labels, audit. */
async function snapshot(projectId: number) {
  const { prisma } = database;
  return {
    groups: await prisma.group.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    hashes: await prisma.groupHash.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    events: await prisma.event.findMany({ where: { projectId }, select: { id: true, groupId: true } }),
    labels: await prisma.label.count(),
    audit: await prisma.auditEntry.count(),
  };
}

/** The training export (JSON lines), as a viewer downloads it. */
async function exportedLines(): Promise<{ pair_id: number; label: string; labelers: string[] }[]> {
  const response = await fetch(`${api.url}/api/labels/export?format=jsonl`, { headers: { cookie: viewer } });
  expect(response.status).toBe(200);
  return (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { pair_id: number; label: string; labelers: string[] });
}

describe("POST /api/issues/unmerge", () => {
  it("moves an AI-merged hash to a new issue that its next event joins, as the user's SEPARATE label and a known overgrouping", async () => {
    const project = await createProject(database.prisma);
    const issue = await send(project, checkout());
    expect(await send(project, worker())).toBe(issue);
    const hashes = (await call<IssueHashesResponse>(viewer, "GET", `/api/issues/${issue}/hashes`)).body.hashes;
    const aiMerged = hashes.find((hash) => hash.origin === "ai_merge" && hash.ai !== null)!;
    expect(aiMerged).toMatchObject({
      events: 1,
      ai: { modelUsed: "v1", matchedHash: hashes[0]!.hash, distance: expect.any(Number) },
      sample: { title: "ValueError: bad input", culprit: "app.charge in charge" },
    });
    expect(aiMerged.sample!.topFrames.map((frame) => frame.function)).toEqual(["charge", "retry", "worker"]);
    expect(hashes[0]).toMatchObject({ primary: true, origin: "new", ai: null });

    const response = await unmerge(labeler.cookie, { issueId: issue, hashes: [aiMerged.hash] });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const { issue: created, movedEvents, labels, knownOvergroupings } = response.body;
    expect(created.id).not.toBe(issue);
    expect({ movedEvents, knownOvergroupings }).toEqual({ movedEvents: 1, knownOvergroupings: 1 });

    // The next event of that hash goes to the new issue; the original's stays where it was.
    expect(await send(project, worker())).toBe(created.id);
    expect(await send(project, checkout())).toBe(issue);
    const groups = await database.prisma.group.findMany({ where: { id: { in: [issue, created.id] } } });
    expect(Object.fromEntries(groups.map((group) => [group.id, group.timesSeen]))).toEqual({
      [issue]: 2,
      [created.id]: 2,
    });
    const newIssue = await call<{ issue: { creation: { kind: string; detail: string } } }>(
      viewer,
      "GET",
      `/api/issues/${created.id}`,
    );
    expect(newIssue.body.issue.creation).toMatchObject({ kind: "split", detail: expect.stringContaining(`${issue}`) });
    const stream = await call<{ issues: { id: number; eventCount: number; creation: { kind: string } }[] }>(
      viewer,
      "GET",
      `/api/projects/${project.id}/issues`,
    );
    expect(stream.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: created.id,
          eventCount: 2,
          creation: expect.objectContaining({ kind: "split" }),
        }),
        expect.objectContaining({ id: issue, eventCount: 2 }),
      ]),
    );

    // A SEPARATE label by that user on the AI merge's pair, in the review data and the training export.
    const merged = labels.find((label) => label.decisionId !== null)!;
    expect(merged).toMatchObject({ verdict: "SEPARATE" });
    const pair = await call<ReviewPair>(viewer, "GET", `/api/review/pairs/${merged.pairId}`);
    expect(pair.status).toBe(200);
    expect(pair.body.labels).toEqual([
      expect.objectContaining({ labeler: labeler.email, labelerId: labeler.id, verdict: "SEPARATE" }),
    ]);
    expect(pair.body.left.title).toBe("ValueError: bad input");
    expect(await exportedLines()).toContainEqual(
      expect.objectContaining({ pair_id: merged.pairId, label: "SEPARATE", labelers: [labeler.email] }),
    );

    // The merge is a known overgrouping on the Overgrouping page; sampled, its pair's SEPARATE label counts in the rate.
    const before = await call<DashboardResponse>(viewer, "GET", "/api/overgrouping");
    const row = (body: DashboardResponse) =>
      body.byProject.find((item) => item.projectId === project.id && item.model === "v1")!;
    expect(row(before.body).overgrouping).toMatchObject({ knownWrong: 1, labeled: 0 });
    await sampleMerges({ perStratum: 25, seed: "unmerge-test" });
    const after = await call<DashboardResponse>(viewer, "GET", "/api/overgrouping");
    expect(row(after.body).overgrouping).toMatchObject({ knownWrong: 1, labeled: 1, incorrect: 1 });

    const [entry] = await database.prisma.auditEntry.findMany({
      where: { action: "issue.unmerge", targetId: String(issue) },
    });
    expect(entry).toMatchObject({
      actor: labeler.email,
      after: { newIssue: created.id, hashes: [aiMerged.hash], movedEvents: 1 },
    });
  });

  it("refuses a hash not in the issue, or every hash of it, with a 400 that changes nothing", async () => {
    const project = await createProject(database.prisma);
    const issue = await send(project, checkout());
    await send(project, worker());
    const hashes = (await database.prisma.groupHash.findMany({ where: { groupId: issue } })).map((row) => row.hash);
    const before = await snapshot(project.id);

    const stranger = await unmerge(labeler.cookie, { issueId: issue, hashes: [hashes[0], "f".repeat(32)] });
    expect(stranger.status).toBe(400);
    expect(stranger.body).toMatchObject({
      error: {
        message: `Not a hash of issue ${issue}: ${"f".repeat(32)}.`,
        details: [{ path: ["hashes", 1], message: `not a hash of issue ${issue}` }],
      },
    });
    const every = await unmerge(labeler.cookie, { issueId: issue, hashes });
    expect(every.status).toBe(400);
    expect(JSON.stringify(every.body)).toContain("an issue keeps at least one");
    const unknown = await unmerge(labeler.cookie, { issueId: 2_000_000_000, hashes });
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { message: "There is no issue with id 2000000000." } },
    });
    const empty = await unmerge(labeler.cookie, { issueId: issue, hashes: [] });
    expect(empty).toMatchObject({ status: 400, body: { error: { code: "validation_error" } } });
    expect(await snapshot(project.id)).toEqual(before);

    expect((await unmerge(viewer, { issueId: issue, hashes: [hashes.at(-1)] })).status).toBe(403);
    expect(await snapshot(project.id)).toEqual(before);
  });
});

describe("POST /api/issues/merge", () => {
  it("merges two issues: the next event of either goes to the merged one, recorded as the user's GROUP label", async () => {
    const project = await createProject(database.prisma);
    const kept = await send(project, cart());
    const gone = await send(project, payment());
    await send(project, payment());
    expect(gone).not.toBe(kept);

    const response = await merge(labeler.cookie, { issueIds: [kept, gone], into: kept });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ issue: { id: kept }, merged: [gone], movedEvents: 2 });

    expect(await send(project, payment())).toBe(kept);
    expect(await send(project, cart())).toBe(kept);
    const group = await database.prisma.group.findUniqueOrThrow({ where: { id: kept } });
    expect(group.timesSeen).toBe(5);
    expect(await database.prisma.event.count({ where: { groupId: kept } })).toBe(5);
    expect(await database.prisma.group.count({ where: { id: gone } })).toBe(0);
    const stream = await call<{ issues: { id: number; eventCount: number }[] }>(
      viewer,
      "GET",
      `/api/projects/${project.id}/issues`,
    );
    expect(stream.body.issues.map(({ id, eventCount }) => ({ id, eventCount }))).toEqual([{ id: kept, eventCount: 5 }]);

    // The merged issue's id leads to the one it went into.
    const old = await call(viewer, "GET", `/api/issues/${gone}`);
    expect(old).toMatchObject({
      status: 404,
      body: { error: { code: "issue_merged", details: { mergedInto: kept } } },
    });

    const [label] = response.body.labels;
    expect(label).toMatchObject({ verdict: "GROUP", decisionId: null });
    const pair = await call<ReviewPair>(viewer, "GET", `/api/review/pairs/${label!.pairId}`);
    expect(pair.body.labels).toEqual([
      expect.objectContaining({ labeler: labeler.email, verdict: "GROUP", reason: "Merged issues by hand" }),
    ]);
    expect(pair.body.source).toBe("manual");
    expect(await exportedLines()).toContainEqual(
      expect.objectContaining({ pair_id: label!.pairId, label: "GROUP", labelers: [labeler.email] }),
    );
    const audit = await database.prisma.auditEntry.findFirstOrThrow({
      where: { action: "issue.merge", targetId: String(kept) },
    });
    expect(audit).toMatchObject({ actor: labeler.email, after: { into: kept, merged: [gone], movedEvents: 2 } });
  });

  it("merging an unmerged AI merge back takes its known overgrouping back", async () => {
    const project = await createProject(database.prisma);
    const issue = await send(project, checkout());
    await send(project, worker());
    const { hashes } = (await call<IssueHashesResponse>(viewer, "GET", `/api/issues/${issue}/hashes`)).body;
    const aiMerged = hashes.find((hash) => hash.ai !== null)!;
    const split = await unmerge(labeler.cookie, { issueId: issue, hashes: [aiMerged.hash] });
    const known = () =>
      database.prisma.groupingDecision.count({ where: { projectId: project.id, unmergedAt: { not: null } } });
    expect(await known()).toBe(1);
    const back = await merge(labeler.cookie, { issueIds: [issue, split.body.issue.id], into: issue });
    expect(back.status).toBe(200);
    expect(await known()).toBe(0);
    // The new issue's id now leads to the issue it was merged back into.
    expect((await call(viewer, "GET", `/api/issues/${split.body.issue.id}/hashes`)).body).toMatchObject({
      error: { code: "issue_merged", details: { mergedInto: issue } },
    });
  });

  it("refuses issues of another project, unknown or merged ids and a target outside the list, changing nothing", async () => {
    const project = await createProject(database.prisma);
    const other = await createProject(database.prisma);
    const a = await send(project, cart());
    const b = await send(project, payment());
    const c = await send(project, checkout());
    const foreign = await send(other, cart());
    await merge(labeler.cookie, { issueIds: [a, c], into: a });
    const before = await snapshot(project.id);
    const otherBefore = await snapshot(other.id);

    const cases: [unknown, RegExp][] = [
      [{ issueIds: [a, foreign], into: a }, new RegExp(`issue ${a} is in project ${project.id}, but ${foreign}`)],
      [{ issueIds: [a, 2_000_000_001], into: a }, /There is no issue with id 2000000001\./],
      [{ issueIds: [b, c], into: b }, new RegExp(`Issue ${c} was merged into issue ${a}\\.`)],
      [{ issueIds: [a, b], into: foreign }, /must be one of issueIds/],
      [{ issueIds: [a], into: a }, /at least two issues/],
      [{ issueIds: [a, a], into: a }, /each issue once/],
    ];
    for (const [body, message] of cases) {
      const response = await merge(labeler.cookie, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(response.body), JSON.stringify(body)).toMatch(message);
    }
    expect((await merge(viewer, { issueIds: [a, b], into: a })).status).toBe(403);
    expect(await snapshot(project.id)).toEqual(before);
    expect(await snapshot(other.id)).toEqual(otherBefore);
  });
});
