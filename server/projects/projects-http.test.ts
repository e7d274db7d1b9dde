import { describe, expect, it } from "vitest";
import type { Project } from "@/lib/contracts/projects";
import { registeredProjectId } from "../grouping/project-ids";
import { setUpTestApi, signedInCookies } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";

// Project management over real HTTP: the route files, the session cookie, the ingest endpoints an SDK calls.
const api = setUpTestApi({ models: fixtureModels });
const database = api.database;
const cookies = signedInCookies();

const call = api.call;

async function create(name: string, platform = "node"): Promise<Project> {
  const response = await call(cookies.admin, "POST", "/api/projects", { name, platform });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.project as Project;
}

/** Sends one event to the store endpoint with the DSN's key, as an SDK does; the answer's status. */
async function sendWith(dsn: string, message: string): Promise<number> {
  const url = new URL(dsn);
  const projectId = url.pathname.slice(1);
  const response = await fetch(`${api.url}/api/${projectId}/store/`, {
    method: "POST",
    headers: { "x-sentry-auth": `Sentry sentry_key=${url.username}, sentry_version=7` },
    body: JSON.stringify({ message, platform: "node" }),
  });
  await response.arrayBuffer();
  return response.status;
}

const auditOf = (projectId: number) =>
  database.prisma.auditEntry.findMany({
    where: { targetType: "project", targetId: String(projectId) },
    orderBy: { id: "asc" },
  });

describe("POST /api/projects", () => {
  it("creates a project with a DSN for the host the console was reached at, audited", async () => {
    const response = await call(cookies.admin, "POST", "/api/projects", {
      name: "  Checkout API ",
      platform: "python",
    });
    expect(response.status).toBe(201);
    const project = response.body.project as Project;
    const { host } = new URL(api.url);
    expect(project).toMatchObject({
      slug: "checkout-api",
      name: "Checkout API",
      platform: "python",
      registeredByGroupingApi: false,
      callerProjectId: null,
      issueCount: 0,
      eventCount: 0,
      firstIssue: null,
    });
    expect(project.dsn).toMatch(new RegExp(`^http://[0-9a-f]{32}@${host}/${project.id}$`));
    const [entry] = await auditOf(project.id);
    expect(entry).toMatchObject({
      action: "project.create",
      target: "Checkout API",
      after: { name: "Checkout API", slug: "checkout-api", platform: "python" },
    });
    // The key is not in the audit log, which viewers read.
    expect(JSON.stringify(entry)).not.toContain(new URL(project.dsn!).username);
  });

  it("gives a second project of the same name the next slug and the next id", async () => {
    const first = await create("Storefront");
    const second = await create("Storefront");
    expect([first.slug, second.slug]).toEqual(["storefront", "storefront-2"]);
    expect(second.id).toBe(first.id + 1);
    expect(new URL(second.dsn!).username).not.toBe(new URL(first.dsn!).username);
  });

  it("never gives a deleted project's id again, and skips ids the grouping API took for a caller", async () => {
    const deleted = await create("Gone soon");
    const deletion = await call(cookies.admin, "DELETE", `/api/projects/${deleted.id}`, { confirmation: "gone-soon" });
    expect(deletion.status).toBe(200);
    const next = await create("After the deletion");
    expect(next.id).toBe(deleted.id + 1);
    // A Sentry's project id that is free is used as it is: the console's next project goes past it.
    expect(await registeredProjectId(next.id + 1)).toBe(next.id + 1);
    expect((await create("After the caller")).id).toBe(next.id + 2);
    // A far larger caller id does not drag the console's ids up to it.
    await registeredProjectId(1_500_000_000);
    expect((await create("Still small")).id).toBe(next.id + 3);
  });

  it("says which field is wrong: an empty name, a platform it has no SDK setup for", async () => {
    const response = await call(cookies.admin, "POST", "/api/projects", { name: " ", platform: "cobol" });
    expect(response.status).toBe(400);
    const details = (response.body.error as { details: { path: string[]; message: string }[] }).details;
    expect(details.map((issue) => issue.path.join("."))).toEqual(["name", "platform"]);
    expect(details[0]!.message).toBe("give the project a name");
  });

  it("is for admins only", async () => {
    expect((await call(cookies.labeler, "POST", "/api/projects", { name: "Nope", platform: "go" })).status).toBe(403);
    expect(await database.prisma.project.count({ where: { name: "Nope" } })).toBe(0);
  });
});

describe("GET /api/projects/[id]", () => {
  it("waits for the first event, then names the first issue", async () => {
    const project = await create("Waiting room");
    expect(project.firstIssue).toBeNull();
    expect(await sendWith(project.dsn!, "first failure")).toBe(200);
    expect(await sendWith(project.dsn!, "second failure")).toBe(200);
    const after = (await call(cookies.viewer, "GET", `/api/projects/${project.id}`)).body.project as Project;
    const issues = await database.prisma.group.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    expect(after.firstIssue).toEqual({ id: issues[0]!.id, title: "first failure" });
    expect([after.issueCount, after.eventCount]).toEqual([2, 2]);
  });

  it("shows viewers no DSN key, here and on the project's issues, and labelers the DSN", async () => {
    const project = await create("Secret keeper");
    const key = new URL(project.dsn!).username;
    const path = `/api/projects/${project.id}`;
    const asViewer = await call(cookies.viewer, "GET", path);
    expect(asViewer.status).toBe(200);
    expect((asViewer.body.project as Project).dsn).toBeNull();
    expect(JSON.stringify(asViewer.body)).not.toContain(key);
    expect(((await call(cookies.labeler, "GET", path)).body.project as Project).dsn).toBe(project.dsn);
    expect(await sendWith(project.dsn!, "a failure")).toBe(200);
    const issues = await call(cookies.viewer, "GET", `${path}/issues`);
    expect(issues.status).toBe(200);
    expect(JSON.stringify(issues.body)).not.toContain(key);
  });
});

describe("PATCH /api/projects/[id]", () => {
  it("renames a project, keeping its slug and DSN, audited with the names before and after", async () => {
    const project = await create("Old name");
    const response = await call(cookies.admin, "PATCH", `/api/projects/${project.id}`, { name: "New name" });
    expect(response.status).toBe(200);
    expect(response.body.project).toMatchObject({ name: "New name", slug: "old-name", dsn: project.dsn });
    const entries = await auditOf(project.id);
    expect(entries.at(-1)).toMatchObject({
      action: "project.rename",
      before: { name: "Old name" },
      after: { name: "New name" },
    });
  });

  it("answers 404 for a project that does not exist", async () => {
    expect((await call(cookies.admin, "PATCH", "/api/projects/999999", { name: "Ghost" })).status).toBe(404);
  });
});

describe("POST /api/projects/[id]/rotate-key", () => {
  it("makes the old DSN answer 401 at once, and the new one 200", async () => {
    const project = await create("Rotating");
    // Sent once first, so that ingest has the project (and its old key) in its cache.
    expect(await sendWith(project.dsn!, "before the rotation")).toBe(200);

    const response = await call(cookies.admin, "POST", `/api/projects/${project.id}/rotate-key`);
    expect(response.status).toBe(200);
    const rotated = response.body.project as Project;
    expect(rotated.dsn).not.toBe(project.dsn);
    expect(await sendWith(project.dsn!, "with the old key")).toBe(401);
    expect(await sendWith(rotated.dsn!, "with the new key")).toBe(200);
    expect(await database.prisma.event.count({ where: { projectId: project.id } })).toBe(2);

    const entry = (await auditOf(project.id)).at(-1)!;
    expect(entry.action).toBe("project.key_rotate");
    const oldKey = new URL(project.dsn!).username;
    const newKey = new URL(rotated.dsn!).username;
    expect(JSON.stringify(entry)).not.toMatch(new RegExp(`${oldKey}|${newKey}`));
  });
});
