import { beforeAll, describe, expect, it } from "vitest";
import type { IssueStreamResponse, IssueSummary } from "@/lib/contracts/issues";
import { decodeIssueCursor, encodeIssueCursor } from "@/lib/contracts/issue-cursor";
import { ingestEvent } from "../ingest/pipeline";
import type { IngestProject } from "../ingest/types";
import { fixtureModels } from "../testing/fixture-models";
import { setUpTestApi } from "../testing/test-environment";
import { signedInAs } from "../testing/users";
import { exceptionEvent, messageEvent } from "./testing/stream-events";
import { moveProjectToV2 } from "../testing/rollout";

// The issue stream over real HTTP, on issues the ingest pipeline made (fixture models: traces with the same
// "Type: value" header are at distance 0, so a different stack with that header is an AI merge).
const api = setUpTestApi({ models: fixtureModels });
const database = api.database;
let viewer: string;

const DAY = 86_400_000;
const base = Date.now() - 10 * DAY;
const at = (days: number) => new Date(base + days * DAY);

let nextProject = 500;
async function newProject(): Promise<IngestProject> {
  const id = (nextProject += 1);
  const created = await database.prisma.project.create({
    data: { id, slug: `stream-${id}`, name: `Stream ${id}`, platform: "python" },
  });
  return { id, publicKey: created.publicKey, platform: "python" };
}

const moveToV2 = (projectId: number) => moveProjectToV2(database, projectId);

async function get(path: string, cookie = viewer) {
  const response = await fetch(`${api.url}${path}`, { headers: { cookie } });
  return { status: response.status, body: (await response.json()) as IssueStreamResponse & { error?: unknown } };
}

async function stream(projectId: number, query: Record<string, string | number> = {}): Promise<IssueStreamResponse> {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const response = await get(`/api/projects/${projectId}/issues?${search}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const titles = (page: IssueStreamResponse) => page.issues.map((issue) => issue.title).sort();

// A project whose issues came to be in each way: new fingerprints that skipped the AI step (messages have no stack
// trace), issues the AI step started when it found nothing (v1, then v2 after the project moved), and AI merges.
let mixed: IngestProject;
beforeAll(async () => {
  viewer = (await signedInAs("viewer")).cookie;
  mixed = await newProject();
  const send = (event: Parameters<typeof ingestEvent>[1]) => ingestEvent(mixed, event);
  await send(messageEvent("Checkout failed: 100% of retries used", at(0)));
  await send(messageEvent("Cache_miss storm on node-7", at(1)));
  await send(exceptionEvent({ type: "PaymentError", value: "card declined", functions: ["pay", "charge"], at: at(2) }));
  const merged = await send(
    exceptionEvent({ type: "PaymentError", value: "card declined", functions: ["retry", "charge"], at: at(3) }),
  );
  expect(merged.method).toBe("ai");
  await send(exceptionEvent({ type: "KeyError", value: "'sku'", functions: ["cart", "lookup"], at: at(4) }));
  await moveToV2(mixed.id);
  await send(exceptionEvent({ type: "TimeoutError", value: "inventory", functions: ["stock"], at: at(5) }));
  const v2merge = await send(
    exceptionEvent({ type: "TimeoutError", value: "inventory", functions: ["reserve", "stock"], at: at(6) }),
  );
  expect(v2merge.method).toBe("ai");
});

describe("GET /api/projects/[id]/issues: search", () => {
  it("finds issues by a piece of the title, in any case, and by the exception type", async () => {
    expect(titles(await stream(mixed.id, { q: "CARD decl" }))).toEqual(["PaymentError: card declined"]);
    expect(titles(await stream(mixed.id, { q: "keyerror" }))).toEqual(["KeyError: 'sku'"]);
    expect(titles(await stream(mixed.id, { q: "Error:" }))).toEqual([
      "KeyError: 'sku'",
      "PaymentError: card declined",
      "TimeoutError: inventory",
    ]);
  });

  it("finds issues by their culprit", async () => {
    // The culprit is the crashing in-app frame, "module in function".
    expect(titles(await stream(mixed.id, { q: "app.lookup in look" }))).toEqual(["KeyError: 'sku'"]);
  });

  it("takes % and _ as the characters they are, not as wildcards", async () => {
    expect(titles(await stream(mixed.id, { q: "100%" }))).toEqual(["Checkout failed: 100% of retries used"]);
    expect(titles(await stream(mixed.id, { q: "%" }))).toEqual(["Checkout failed: 100% of retries used"]);
    expect(titles(await stream(mixed.id, { q: "_" }))).toEqual(["Cache_miss storm on node-7"]);
    expect((await stream(mixed.id, { q: "nothing like this" })).issues).toEqual([]);
  });

  it("counts what matches, and an empty search is no search", async () => {
    expect((await stream(mixed.id, { q: "error" })).total).toEqual({ count: 3, exact: true });
    expect((await stream(mixed.id, { q: "   " })).total).toEqual({ count: 5, exact: true });
  });
});

describe("GET /api/projects/[id]/issues: filters", () => {
  it("filters by how the issue came to be", async () => {
    const fingerprint = await stream(mixed.id, { created: "fingerprint" });
    expect(titles(fingerprint)).toEqual(["Cache_miss storm on node-7", "Checkout failed: 100% of retries used"]);
    expect(fingerprint.issues.every((issue) => issue.creation.kind === "fingerprint")).toBe(true);

    const fresh = await stream(mixed.id, { created: "new" });
    expect(titles(fresh)).toEqual(["KeyError: 'sku'", "PaymentError: card declined", "TimeoutError: inventory"]);
    expect(fresh.issues.every((issue) => issue.creation.kind === "ai_no_match")).toBe(true);

    const merged = await stream(mixed.id, { created: "ai_merge" });
    expect(titles(merged)).toEqual(["PaymentError: card declined", "TimeoutError: inventory"]);
    expect(merged.issues.map((issue) => issue.aiMergedEvents)).toEqual([1, 1]);
  });

  it("filters by the model that answered, alone or with how the issue came to be", async () => {
    // After the move to v2, v2 made the TimeoutError merge; the TimeoutError issue itself was started when v2 found
    // nothing and v1, asked next (the fallback), found nothing either: v1 answered.
    expect(titles(await stream(mixed.id, { model: "v1" }))).toEqual([
      "KeyError: 'sku'",
      "PaymentError: card declined",
      "TimeoutError: inventory",
    ]);
    expect(titles(await stream(mixed.id, { model: "v2" }))).toEqual(["TimeoutError: inventory"]);
    expect(titles(await stream(mixed.id, { created: "ai_merge", model: "v1" }))).toEqual([
      "PaymentError: card declined",
    ]);
    expect(titles(await stream(mixed.id, { created: "ai_merge", model: "v2" }))).toEqual(["TimeoutError: inventory"]);
    expect((await stream(mixed.id, { created: "new", model: "v2" })).issues).toEqual([]);
    // A new fingerprint never reached a model.
    expect((await stream(mixed.id, { created: "fingerprint", model: "v1" })).issues).toEqual([]);
  });

  it("filters by when the issue was first seen: from (inclusive) to (exclusive)", async () => {
    const range = { firstSeenFrom: at(1).toISOString(), firstSeenTo: at(4).toISOString() };
    expect(titles(await stream(mixed.id, range))).toEqual([
      "Cache_miss storm on node-7",
      "PaymentError: card declined",
    ]);
    expect(titles(await stream(mixed.id, { firstSeenFrom: at(4).toISOString() }))).toEqual([
      "KeyError: 'sku'",
      "TimeoutError: inventory",
    ]);
  });

  it("combines search and filters", async () => {
    expect(titles(await stream(mixed.id, { q: "error", created: "ai_merge", model: "v2" }))).toEqual([
      "TimeoutError: inventory",
    ]);
  });
});

describe("GET /api/projects/[id]/issues: sorting and paging", () => {
  // 23 issues whose sort keys tie in groups: three instants, and event counts of 1 to 3.
  let tied: IngestProject;
  let all: { id: number; times_seen: number; first_seen: Date; last_seen: Date }[];
  beforeAll(async () => {
    tied = await newProject();
    for (let i = 0; i < 23; i += 1) {
      // First seen on one of three days; one to three events, a day apart.
      for (let repeat = 0; repeat <= (i % 4) % 3; repeat += 1) {
        // Letters, not digits: a message's fingerprint leaves numbers out.
        await ingestEvent(tied, messageEvent(`Tie ${String.fromCharCode(97 + i)}`, at((i % 3) + repeat)));
      }
    }
    all = await database.prisma.$queryRaw`
      SELECT id, times_seen, first_seen, last_seen FROM groups WHERE project_id = ${tied.id}`;
    expect(all).toHaveLength(23);
  });

  const keyOf = {
    last_seen: (row: (typeof all)[number]) => row.last_seen.getTime(),
    first_seen: (row: (typeof all)[number]) => row.first_seen.getTime(),
    events: (row: (typeof all)[number]) => row.times_seen,
  };

  for (const sort of ["last_seen", "events", "first_seen"] as const) {
    for (const order of ["desc", "asc"] as const) {
      it(`pages through every issue exactly once, sorted by ${sort} ${order}, ties broken by id, and back`, async () => {
        const sign = order === "desc" ? -1 : 1;
        const expected = [...all]
          .sort((a, b) => sign * (keyOf[sort](a) - keyOf[sort](b) || a.id - b.id))
          .map((row) => row.id);

        const pages: IssueSummary[][] = [];
        let page = await stream(tied.id, { sort, order, limit: 5 });
        expect(page.prevCursor).toBeNull();
        expect(page.total).toEqual({ count: 23, exact: true });
        pages.push(page.issues);
        while (page.nextCursor) {
          page = await stream(tied.id, { sort, order, limit: 5, cursor: page.nextCursor });
          pages.push(page.issues);
        }
        expect(pages.map((issues) => issues.length)).toEqual([5, 5, 5, 5, 3]);
        const seen = pages.flat().map((issue) => issue.id);
        expect(seen).toEqual(expected);
        expect(new Set(seen).size).toBe(23);

        // Back from the last page with prevCursor: the same pages, newest last.
        const back: number[][] = [];
        while (page.prevCursor) {
          page = await stream(tied.id, { sort, order, limit: 5, cursor: page.prevCursor });
          back.unshift(page.issues.map((issue) => issue.id));
        }
        expect(back).toEqual(pages.slice(0, -1).map((issues) => issues.map((issue) => issue.id)));
      });
    }
  }

  it("shows each issue's event count, first and last seen", async () => {
    const { issues } = await stream(tied.id, { q: "Tie f" });
    // Tie f (i = 5: 5 % 4 % 3 = 1): two events, a day apart.
    expect(issues).toEqual([
      expect.objectContaining({
        title: "Tie f",
        eventCount: 2,
        firstSeen: at(2).toISOString(),
        lastSeen: at(3).toISOString(),
      }),
    ]);
  });

  it("keeps a cursor's place when the issues before it change", async () => {
    const first = await stream(tied.id, { sort: "first_seen", order: "asc", limit: 5 });
    await ingestEvent(tied, messageEvent("Arrived meanwhile", at(-1)));
    const second = await stream(tied.id, { sort: "first_seen", order: "asc", limit: 5, cursor: first.nextCursor! });
    const seen = new Set(first.issues.map((issue) => issue.id));
    expect(second.issues.some((issue) => seen.has(issue.id))).toBe(false);
    expect(second.issues.some((issue) => issue.title === "Arrived meanwhile")).toBe(false);
  });
});

describe("GET /api/projects/[id]/issues: what is refused", () => {
  const cases: [string, string, RegExp][] = [
    ["a page of none", "limit=0", /limit/],
    ["a page over 100", "limit=101", /limit/],
    ["an unknown sort", "sort=title", /sort/],
    ["an unknown order", "order=up", /order/],
    ["an unknown way of creation", "created=manual", /created/],
    ["a search over 200 characters", `q=${"x".repeat(201)}`, /q: a search is at most 200 characters/],
    ["a search with a control character", "q=a%0Ab", /q: a search is one line/],
    ["a model that is not a version", "model=v1;drop", /model/],
    ["a date that is not one", "firstSeenFrom=yesterday", /firstSeenFrom/],
    [
      "a range that ends before it starts",
      "firstSeenFrom=2026-12-10&firstSeenTo=2026-12-01",
      /firstSeenTo: must be after/,
    ],
    ["a cursor it did not give", "cursor=bm90LWEtY3Vyc29y", /cursor: not a cursor this endpoint gave/],
    ["a cursor that is not base64url", "cursor=%2B%2B", /cursor: not a cursor/],
    ["an unknown parameter", "sortBy=events", /sortBy/],
  ];
  for (const [what, query, message] of cases) {
    it(`answers 400 to ${what}`, async () => {
      const response = await get(`/api/projects/${mixed.id}/issues?${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.error)).toMatch(message);
    });
  }

  it("answers 400 to a cursor of another sort, saying to start from the first page", async () => {
    const cursor = encodeIssueCursor({ sort: "events", order: "desc", direction: "after", key: "3", id: 1 });
    const response = await get(`/api/projects/${mixed.id}/issues?sort=last_seen&cursor=${cursor}`);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toContain("the cursor belongs to the events desc order");
  });

  it("gives opaque cursors that decode only to what it made", async () => {
    const page = await stream(mixed.id, { limit: 2 });
    expect(decodeIssueCursor(page.nextCursor!)).toMatchObject({ sort: "last_seen", order: "desc", direction: "after" });
    expect(decodeIssueCursor("e30")).toBeNull();
  });

  it("answers 404 for a project that does not exist", async () => {
    expect((await get("/api/projects/999999/issues")).status).toBe(404);
  });

  it("lets viewers read the stream and refuses anyone not signed in", async () => {
    expect((await get(`/api/projects/${mixed.id}/issues`)).status).toBe(200);
    const anonymous = await fetch(`${api.url}/api/projects/${mixed.id}/issues`);
    expect(anonymous.status).toBe(401);
  });
});
