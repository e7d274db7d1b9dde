import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectDsn } from "../projects/dsn";
import { setUpTestApi } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { runInstrumentedApp } from "./testing/child-app";

// Debian's python3-sentry-sdk (the real sentry-python) is installed for /usr/bin/python3; .ci/run installs it.
const PYTHON = process.env.SENTRY_PYTHON ?? "/usr/bin/python3";

const api = setUpTestApi({ models: fixtureModels });
const database = api.database;

describe("events from the real sentry-python SDK", () => {
  it("become three issues: one code path three times, a KeyError, and a chained RuntimeError", async () => {
    const project = await database.prisma.project.create({
      data: { id: 41, slug: "billing", name: "Billing", platform: "python" },
    });
    const dsn = projectDsn(project.publicKey, api.url, project.id);
    const run = await runInstrumentedApp(PYTHON, [path.join(__dirname, "testing", "sentry-python-child.py")], dsn);
    expect(run.code, run.output).toBe(0);

    const groups = await database.prisma.group.findMany({
      where: { projectId: project.id },
      include: { _count: { select: { events: true } } },
      orderBy: [{ timesSeen: "desc" }, { title: "asc" }],
    });
    expect(groups.map((g) => [g.title, g._count.events])).toEqual([
      [expect.stringMatching(/^CardDeclined: card declined for amount (150|240|999)$/), 3],
      ["KeyError: 'items'", 1],
      ["RuntimeError: invoice inv_42 is missing", 1],
    ]);
    expect(groups[0]!.culprit).toMatch(/charge_card/);

    const events = await database.prisma.event.findMany({ where: { projectId: project.id } });
    expect(events.every((e) => e.platform === "python")).toBe(true);
    const chained = events.find((e) => e.title.startsWith("RuntimeError"))!;
    const values = (chained.payload as { exception: { values: { type: string }[] } }).exception.values;
    // sentry-python sends the cause first and the exception that was raised last.
    expect(values.map((v) => v.type)).toEqual(["KeyError", "RuntimeError"]);
  }, 60_000);
});
