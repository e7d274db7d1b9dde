import { beforeAll, describe, expect, it } from "vitest";
import { parseEvent } from "@/engine/event/schema";
import { registeredProjectId } from "../grouping/project-ids";
import { ingestEvent } from "../ingest/pipeline";
import { setUpTestDatabase } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { signedInAs } from "../testing/users";
import { listProjectsHandler } from "./http";

const database = setUpTestDatabase({ models: fixtureModels });
let cookie: string;
beforeAll(async () => {
  cookie = (await signedInAs("viewer")).cookie;
});

const list = async () =>
  (
    (await (
      await listProjectsHandler(new Request("http://localhost/api/projects", { headers: { cookie } }))
    ).json()) as {
      projects: Record<string, unknown>[];
    }
  ).projects;

function event(message: string, seconds: number) {
  const parsed = parseEvent({ message, timestamp: seconds, platform: "other" });
  if (!parsed.ok) throw new Error("invalid event");
  return parsed.event;
}

describe("GET /api/projects", () => {
  it("lists no projects on an empty database", async () => {
    expect(await list()).toEqual([]);
  });

  it("lists each project with its platform, issue and event counts and when it last saw an event", async () => {
    const now = Math.floor(Date.now() / 1000);
    await database.prisma.project.create({ data: { id: 11, slug: "api", name: "API", platform: "python" } });
    await database.prisma.project.create({ data: { id: 12, slug: "web", name: "Web", platform: "javascript" } });
    const api = { id: 11, publicKey: "", platform: "python" };
    for (const [message, at] of [
      ["disk full", now - 300],
      ["disk full", now - 200],
      ["timeout", now - 100],
    ] as const) {
      await ingestEvent(api, event(message, at));
    }

    expect(await list()).toEqual([
      {
        id: 11,
        slug: "api",
        name: "API",
        platform: "python",
        issueCount: 2,
        eventCount: 3,
        lastSeen: new Date((now - 100) * 1000).toISOString(),
        registeredByGroupingApi: false,
        callerProjectId: null,
      },
      {
        id: 12,
        slug: "web",
        name: "Web",
        platform: "javascript",
        issueCount: 0,
        eventCount: 0,
        lastSeen: null,
        registeredByGroupingApi: false,
        callerProjectId: null,
      },
    ]);
  });

  it("marks the projects the grouping API registered for a caller, with the caller's project id", async () => {
    // A Sentry project id of its own (as is) and one beyond 32 bits (mapped to a free id).
    const small = await registeredProjectId(5);
    const large = await registeredProjectId(4_503_599_627_370_497);
    const registered = (await list()).filter((project) => project.registeredByGroupingApi);
    expect(registered.map((project) => [project.id, project.name, project.callerProjectId])).toEqual([
      [small, "Project 5", "5"],
      [large, "Sentry project 4503599627370497", "4503599627370497"],
    ]);
    expect(small).toBe(5);
  });
});
