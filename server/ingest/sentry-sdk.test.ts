import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectDsn } from "../projects/dsn";
import { setUpTestApi } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { runInstrumentedApp } from "./testing/child-app";

const api = setUpTestApi({ models: fixtureModels });
const database = api.database;

/** Runs one of the small @sentry/node applications in ./testing against `dsn`. */
function runNodeApp(dsn: string, script = "sentry-sdk-child.mjs") {
  return runInstrumentedApp(process.execPath, [path.join(__dirname, "testing", script)], dsn);
}

describe("events from the real @sentry/node SDK", () => {
  it("become two issues: the same error from one code path three times, and a different error once", async () => {
    const project = await database.prisma.project.create({
      data: { id: 31, slug: "checkout", name: "Checkout", platform: "node" },
    });
    const dsn = projectDsn(project.publicKey, api.url, project.id);

    const run = await runNodeApp(dsn);
    expect(run.code, run.output).toBe(0);

    const groups = await database.prisma.group.findMany({
      where: { projectId: project.id },
      include: { _count: { select: { events: true } } },
      orderBy: { timesSeen: "desc" },
    });
    // The SDK sends concurrently, so which of the three card errors arrived first (and titles the issue) varies.
    expect(groups.map((g) => [g.title, g._count.events])).toEqual([
      [expect.stringMatching(/^Error: card declined for amount (150|240|999)$/), 3],
      ["TypeError: Cannot read properties of undefined (reading 'items')", 1],
    ]);
    expect(groups[0]!.culprit).toMatch(/chargeCard/);
    const events = await database.prisma.event.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    // Each issue was started by one event; the repeats joined by their fingerprint.
    expect(events.map((e) => e.groupingMethod).sort()).toEqual(["fingerprint", "fingerprint", "new", "new"]);
    expect(
      events.every((e) => e.platform === "node" && (e.payload as { release?: string }).release === "checkout@1.4.2"),
    ).toBe(true);
  }, 60_000);

  it("keeps an event whose frame has a string line number, without it, sent to a DSN whose path doubles slashes", async () => {
    const project = await database.prisma.project.create({
      data: { id: 32, slug: "orders", name: "Orders", platform: "node" },
    });
    const { host } = new URL(api.url);
    // The SDK builds `http://host///api/32/envelope/` from this DSN's empty path segment.
    const dsn = `http://${project.publicKey}@${host}///${project.id}`;

    const run = await runNodeApp(dsn, "sentry-sdk-odd-field-child.mjs");
    expect(run.code, run.output).toBe(0);

    const events = await database.prisma.event.findMany({ where: { projectId: project.id } });
    expect(events).toHaveLength(1);
    const payload = events[0]!.payload as { errors?: { type: string; name: string; value?: unknown }[] };
    expect(payload.errors).toEqual([
      expect.objectContaining({
        type: "invalid_data",
        name: expect.stringMatching(/^exception\.values\.0\.stacktrace\.frames\.\d+\.lineno$/),
        value: expect.stringMatching(/^\d+$/),
      }),
    ]);
    const group = await database.prisma.group.findFirstOrThrow({ where: { projectId: project.id } });
    expect(group.title).toMatch(/^SyntaxError/);
  }, 60_000);
});
