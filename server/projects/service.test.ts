import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client";
import { demoProjects } from "../demo/dataset";
import { seedDemoData } from "../demo/seed";
import { createTestDatabase } from "../testing/database";
import { signedInAs } from "../testing/users";
import { listProjectsHandler } from "./http";

let database: Database;
let cookie: string;
beforeAll(async () => {
  database = await createTestDatabase();
  cookie = (await signedInAs("viewer")).cookie;
});

const list = () => listProjectsHandler(new Request("http://localhost/api/projects", { headers: { cookie } }));
afterAll(async () => database?.close());

describe("GET /api/projects", () => {
  it("lists no projects on an empty database", async () => {
    const response = await list();
    expect(await response.json()).toEqual({ projects: [] });
  });

  it("lists the demo projects with their platform, issue and event counts, once only", async () => {
    const now = new Date("2026-11-20T12:00:00Z");
    expect(await seedDemoData(database, now)).toBe(true);
    expect(await seedDemoData(database, now)).toBe(false); // a second start reuses the data

    const response = await list();
    const { projects } = (await response.json()) as { projects: Record<string, unknown>[] };
    const expected = demoProjects
      .map((project) => ({
        id: project.id,
        slug: project.slug,
        name: project.name,
        platform: project.platform,
        issueCount: project.issues.length,
        eventCount: project.issues.reduce((sum, issue) => sum + issue.events, 0),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(projects.map(({ lastSeen: _lastSeen, ...rest }) => rest)).toEqual(expected);
    for (const project of projects) {
      expect(new Date(project.lastSeen as string).getTime()).toBeLessThan(now.getTime());
    }
  });
});
