import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type {
  GroupingPreviewResponse,
  GroupingSettingsRequest,
  GroupingSettingsResponse,
} from "@/lib/contracts/grouping-settings";
import type { Project } from "@/lib/contracts/projects";
import { parseEvent, type SentryEvent } from "@/engine/event/schema";
import { fingerprintEvent } from "@/engine/fingerprinting";
import { setUpTestApi, signedInCookies } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";

// A project's grouping settings over real HTTP: saved and audited, refused when a rule cannot be read, applied by
// ingest to the next event an SDK sends, and previewed on the project's recent events.
// The fixture models embed a trace by its first line ("Type: value"): `v1=c,s;` in the value sets its v1 vector.
const api = setUpTestApi({ models: fixtureModels });
const database = api.database;
const cookies = signedInCookies();

const call = api.call;

const NO_SETTINGS: GroupingSettingsRequest = { fingerprintRules: "", stackTraceRules: "", aiThresholdOverride: null };

async function createProject(name: string): Promise<Project> {
  const response = await call<{ project: Project }>(cookies.admin, "POST", "/api/projects", {
    name,
    platform: "python",
  });
  expect(response.status).toBe(201);
  return response.body.project;
}

const save = (cookie: string, project: Project, settings: Partial<GroupingSettingsRequest>) =>
  call<GroupingSettingsResponse & { error?: { message: string; details: { path: string[]; message: string }[] } }>(
    cookie,
    "PUT",
    `/api/projects/${project.id}/grouping`,
    { ...NO_SETTINGS, ...settings },
  );

const preview = (project: Project, settings: Partial<GroupingSettingsRequest>) =>
  call<GroupingPreviewResponse>(cookies.admin, "POST", `/api/projects/${project.id}/grouping/preview`, {
    ...NO_SETTINGS,
    ...settings,
  });

interface EventSpec {
  type: string;
  value: string;
  functions: string[];
  /** The module of each frame (app.<function> when unset). */
  modules?: string[];
}

function eventPayload(spec: EventSpec) {
  return {
    event_id: randomUUID().replaceAll("-", ""),
    platform: "python",
    exception: {
      values: [
        {
          type: spec.type,
          value: spec.value,
          stacktrace: {
            frames: spec.functions.map((fn, i) => ({
              function: fn,
              module: spec.modules?.[i] ?? `app.${fn}`,
              filename: `${fn}.py`,
              lineno: 10 + i,
              context_line: `    ${fn}()`,
              in_app: true,
            })),
          },
        },
      ],
    },
  };
}

/** Sends an event to the project's store endpoint with its DSN, as an SDK does; the stored event. */
async function send(project: Project, spec: EventSpec) {
  const dsn = new URL(project.dsn!);
  const payload = eventPayload(spec);
  const response = await fetch(`${api.url}/api/${project.id}/store/`, {
    method: "POST",
    headers: { "x-sentry-auth": `Sentry sentry_key=${dsn.username}, sentry_version=7` },
    body: JSON.stringify(payload),
  });
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  return database.prisma.event.findUniqueOrThrow({
    where: { projectId_eventId: { projectId: project.id, eventId: payload.event_id } },
  });
}

function storedEvent(payload: unknown): SentryEvent {
  const parsed = parseEvent(payload);
  if (!parsed.ok) throw new Error("the stored payload does not parse");
  return parsed.event;
}

const auditOf = (projectId: number) =>
  database.prisma.auditEntry.findMany({
    where: { targetType: "project", targetId: String(projectId), action: "project.grouping_settings" },
    orderBy: { id: "asc" },
  });

describe("GET and PUT /api/projects/[id]/grouping", () => {
  it("starts empty, saves rules and an override for the project's model, audited with before and after", async () => {
    const project = await createProject("Settings app");
    const initial = await call<GroupingSettingsResponse>(cookies.viewer, "GET", `/api/projects/${project.id}/grouping`);
    expect(initial.status).toBe(200);
    expect(initial.body.settings).toEqual({ fingerprintRules: "", stackTraceRules: "", aiThreshold: null });
    expect(initial.body.projectModel).toBe("v1");
    expect(initial.body.limits).toMatchObject({ maxRules: 200, maxPatternChars: 200, maxThreshold: 0.1 });
    expect(initial.body.calibratedThresholds.map((t) => [t.model, t.threshold])).toEqual([
      ["v1", 0.01],
      ["v2", 0.05],
    ]);

    const rules = { fingerprintRules: "error.type:DatabaseError -> database", stackTraceRules: "module:vendor.* -app" };
    const saved = await save(cookies.admin, project, { ...rules, aiThresholdOverride: 0.005 });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toEqual({ ...rules, aiThreshold: { model: "v1", threshold: 0.005 } });
    const read = await call<GroupingSettingsResponse>(cookies.viewer, "GET", `/api/projects/${project.id}/grouping`);
    expect(read.body.settings).toEqual(saved.body.settings);

    const [entry, ...more] = await auditOf(project.id);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      target: "Settings app",
      before: { fingerprintRules: "", stackTraceRules: "", aiThreshold: null },
      after: { ...rules, aiThreshold: { model: "v1", threshold: 0.005 } },
    });
    // Saving the same settings again changes nothing and writes no second entry.
    expect((await save(cookies.admin, project, { ...rules, aiThresholdOverride: 0.005 })).status).toBe(200);
    expect(await auditOf(project.id)).toHaveLength(1);
  });

  it("refuses a rule it cannot read with its line and column beside the field, and stores nothing", async () => {
    const project = await createProject("Bad rules app");
    const response = await save(cookies.admin, project, {
      fingerprintRules: "error.type:A -> a\nerror.typ:B -> b",
      stackTraceRules: "module:foo -app",
    });
    expect(response.status).toBe(400);
    expect(response.body.error!.message).toBe(
      'The fingerprint rules cannot be read: line 2, column 1: unknown matcher "error.typ".',
    );
    expect(response.body.error!.details).toEqual([
      { path: ["fingerprintRules"], message: 'line 2, column 1: unknown matcher "error.typ"', line: 2, column: 1 },
    ]);
    const stored = await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
    expect([stored.fingerprintRules, stored.stackTraceRules]).toEqual(["", ""]);
    expect(await auditOf(project.id)).toHaveLength(0);

    const checked = await call(cookies.admin, "POST", `/api/projects/${project.id}/grouping/validate`, {
      fingerprintRules: "error.type:A -> a",
      stackTraceRules: "module:foo -app\nmodule:bar app",
    });
    expect(checked.body).toEqual({
      fingerprintRules: null,
      stackTraceRules: {
        line: 2,
        column: 12,
        message: 'expected a matcher such as module:foo.* or an action such as -app, found "app"',
      },
    });
  });

  it("bounds the threshold override by the documented maximum", async () => {
    const project = await createProject("Loose app");
    const response = await save(cookies.admin, project, { aiThresholdOverride: 0.5 });
    expect(response.status).toBe(400);
    expect(response.body.error!.details[0]).toMatchObject({ path: ["aiThresholdOverride"] });
    expect(response.body.error!.details[0]!.message).toContain("at most 0.1");
  });

  it("lets viewers and labelers read the settings but not change or preview them", async () => {
    const project = await createProject("Read only app");
    for (const cookie of [cookies.viewer, cookies.labeler]) {
      expect((await save(cookie, project, { fingerprintRules: "error.type:A -> a" })).status).toBe(403);
      const previewed = await call(cookie, "POST", `/api/projects/${project.id}/grouping/preview`, NO_SETTINGS);
      expect(previewed.status).toBe(403);
    }
    const stored = await database.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
    expect(stored.fingerprintRules).toBe("");
    expect(await auditOf(project.id)).toHaveLength(0);
  });
});

describe("ingest under a project's saved settings", () => {
  it("groups the next event by a saved fingerprint rule", async () => {
    const project = await createProject("Timeouts app");
    const connect = await send(project, {
      type: "ConnectError",
      value: "connect timeout",
      functions: ["main", "dial"],
    });
    const read = await send(project, { type: "ReadError", value: "read timeout", functions: ["main", "recv"] });
    expect(read.groupId).not.toBe(connect.groupId);

    expect(
      (await save(cookies.admin, project, { fingerprintRules: 'error.value:"*timeout*" -> timeouts' })).status,
    ).toBe(200);
    const first = await send(project, { type: "PoolError", value: "pool timeout", functions: ["main", "acquire"] });
    const second = await send(project, { type: "DnsError", value: "lookup timeout", functions: ["resolve"] });
    expect(second.groupId).toBe(first.groupId);
    expect(second.groupingMethod).toBe("fingerprint");
    // The rule's fingerprint is the hash: md5 of its one value, as Sentry computes a custom fingerprint.
    const expected = fingerprintEvent(storedEvent(first.payload), {
      fingerprintingRules: 'error.value:"*timeout*" -> timeouts',
    });
    expect(first.hashes).toEqual(expected.hashes);
    expect(expected.variants["custom-fingerprint"]?.values).toEqual(["timeouts"]);
    // An event the rule does not match is grouped as before.
    const other = await send(project, { type: "ValueError", value: "bad input", functions: ["main", "parse"] });
    expect([connect.groupId, read.groupId, first.groupId]).not.toContain(other.groupId);
  });

  it("changes the next event's hash when a stack trace rule marks a module not in-app", async () => {
    const project = await createProject("Vendor app");
    const spec = {
      type: "KeyError",
      value: "missing key",
      functions: ["main", "handle", "lookup"],
      modules: ["app.main", "app.handle", "foo"],
    };
    const before = await send(project, spec);
    const again = await send(project, spec);
    expect(again.hashes).toEqual(before.hashes);

    expect((await save(cookies.admin, project, { stackTraceRules: "module:foo -app" })).status).toBe(200);
    const after = await send(project, spec);
    expect(after.hashes[0]).not.toBe(before.hashes[0]);
    // The app variant now leaves the frame of module foo out; the system variant (all frames) is unchanged.
    const result = fingerprintEvent(storedEvent(after.payload), { enhancements: "module:foo -app" });
    expect(after.hashes).toEqual(result.hashes);
    expect(after.hashes.at(-1)).toBe(before.hashes.at(-1));
  });

  it("applies a threshold override to the AI step of the next event", async () => {
    const project = await createProject("Threshold app");
    // The exception type carries the vector (values are parameterised before they are embedded).
    const near = (sign: number) => `v1=0.995,${sign * Math.sqrt(1 - 0.995 ** 2)};`;
    const base = await send(project, { type: "A;v1=1,0;", value: "failed", functions: ["main", "one"] });
    // Cosine distance 0.005 from the first event: within v1's calibrated threshold (0.01), so the AI merges it.
    const merged = await send(project, { type: `B;${near(1)}`, value: "failed", functions: ["main", "two"] });
    expect([merged.groupId, merged.groupingMethod]).toEqual([base.groupId, "ai"]);

    expect((await save(cookies.admin, project, { aiThresholdOverride: 0.003 })).status).toBe(200);
    const apart = await send(project, { type: `C;${near(-1)}`, value: "failed", functions: ["main", "three"] });
    expect(apart.groupId).not.toBe(base.groupId);
    expect(apart.groupingMethod).toBe("new");
    const decision = await database.prisma.groupingDecision.findFirstOrThrow({ where: { eventId: apart.id } });
    expect(decision.threshold).toBe(0.003);

    // The preview of the calibrated threshold again: the last decision would have merged (0.005 ≤ 0.01).
    const back = await preview(project, { aiThresholdOverride: null });
    expect(back.body.threshold).toMatchObject({ model: "v1", threshold: null, mergesUndone: 0, mergesAdded: 1 });
    expect(back.body.threshold!.examples[0]).toMatchObject({ change: "merge_added", issue: { id: base.groupId } });
    // And of a tighter one: the AI merge at 0.005 would be undone.
    const tighter = await preview(project, { aiThresholdOverride: 0.002 });
    expect(tighter.body.threshold).toMatchObject({ decisionsConsidered: 3, mergesUndone: 1, mergesAdded: 0 });
  });
});

describe("POST /api/projects/[id]/grouping/preview", () => {
  async function smallProject() {
    const project = await createProject("Preview app");
    const a1 = await send(project, { type: "ConnectError", value: "connect timeout", functions: ["main", "dial"] });
    await send(project, { type: "ConnectError", value: "connect timeout", functions: ["main", "dial"] });
    const b = await send(project, { type: "ReadError", value: "read timeout", functions: ["main", "recv"] });
    const c1 = await send(project, { type: "ValueError", value: "bad input 1", functions: ["main", "parse"] });
    await send(project, { type: "ValueError", value: "bad input 2", functions: ["main", "parse"] });
    return { project, a: a1.groupId, b: b.groupId, c: c1.groupId };
  }

  it("counts the events that change issue, the issues that merge and split, and shows a sample under the rules", async () => {
    const { project, a, b, c } = await smallProject();
    const counts = async () => [await database.prisma.event.count(), await database.prisma.group.count()];
    const before = await counts();

    const merging = await preview(project, { fingerprintRules: 'error.value:"*timeout*" -> timeouts' });
    expect(merging.status).toBe(200);
    const rules = merging.body.rules;
    expect(rules).toMatchObject({
      eventsConsidered: 5,
      eventsRehashed: 3,
      eventsChangingIssue: 3,
      splitCount: 0,
      mergeCount: 1,
    });
    expect(rules.merges[0]!.into).toMatchObject({ id: null });
    expect(rules.merges[0]!.from.map((part) => [part.issue.id, part.events])).toEqual([
      [a, 2],
      [b, 1],
    ]);
    expect(rules.sample).toMatchObject({ issue: { id: b }, movesTo: { id: null }, embeddingText: null });
    const custom = rules.sample!.variants.find((variant) => variant.name === "custom-fingerprint");
    expect(custom?.values).toEqual(["timeouts"]);
    expect(rules.sample!.aiIneligibleReason).toMatch(/fingerprint/);

    const splitting = await preview(project, { fingerprintRules: 'error.value:"*2" -> second-input' });
    expect(splitting.body.rules).toMatchObject({ eventsChangingIssue: 1, splitCount: 1, mergeCount: 0 });
    expect(splitting.body.rules.splits[0]).toMatchObject({ issue: { id: c, title: "ValueError: bad input 1" } });
    expect(splitting.body.rules.splits[0]!.into.map((part) => [part.issue.id, part.events])).toEqual([
      [c, 1],
      [null, 1],
    ]);

    // A stack trace rule: the dial frame leaves the app variant, so issue A's events get another app hash; their
    // system hash (all frames) is still A's, so they stay in A, as ingest would keep them.
    const rehashed = await preview(project, { stackTraceRules: "function:dial -app" });
    expect(rehashed.body.rules).toMatchObject({ eventsRehashed: 2, eventsChangingIssue: 0, splitCount: 0 });
    expect(rehashed.body.rules.sample!.hashesAfter[0]).not.toBe(rehashed.body.rules.sample!.hashesBefore[0]);
    expect(rehashed.body.rules.sample).toMatchObject({ issue: { id: a } });
    expect(rehashed.body.rules.sample!.embeddingText).toContain("ConnectError: connect timeout");

    // Nothing the preview ran was stored, and a preview without changes moves nothing.
    expect(await counts()).toEqual(before);
    const unchanged = await preview(project, {});
    expect(unchanged.body.rules).toMatchObject({ eventsRehashed: 0, eventsChangingIssue: 0 });
    expect(unchanged.body.threshold).toBeNull();
  });

  it("refuses candidate rules it cannot read, naming line and column", async () => {
    const { project } = await smallProject();
    const response = await call<{ error: { details: { path: string[]; line: number; column: number }[] } }>(
      cookies.admin,
      "POST",
      `/api/projects/${project.id}/grouping/preview`,
      { ...NO_SETTINGS, stackTraceRules: "# vendor code\nmodule:vendor.* -ap" },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details[0]).toMatchObject({ path: ["stackTraceRules"], line: 2, column: 17 });
  });
});
