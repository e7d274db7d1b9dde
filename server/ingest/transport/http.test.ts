import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApi } from "../../testing/test-environment";
import { fixtureModels } from "../../testing/fixture-models";
import { describeBoundNotes } from "@/engine/event/bound-notes";
import { PYTHON_EVENT_ID, browserEnvelope, pythonEnvelope, pythonEvent } from "./envelope-fixtures";
import { TRANSPARENT_PIXEL } from "./pixel";

// The real route files over real HTTP and the real pipeline on the embedded database: what an SDK sees.
const server = setUpTestApi({ models: fixtureModels });
const database = server.database;
let key: string;
beforeAll(async () => {
  const project = await database.prisma.project.create({
    data: { id: 42, slug: "shop", name: "Shop", platform: "python" },
  });
  key = project.publicKey;
});

const events = () => database.prisma.event.count();

describe("Sentry SDK endpoints over HTTP", () => {
  it("stores a gzip envelope as sentry-python sends it, and answers with the event id", async () => {
    const response = await fetch(`${server.url}/api/42/envelope/`, {
      method: "POST",
      headers: { "x-sentry-auth": `Sentry sentry_key=${key}, sentry_version=7`, "content-encoding": "gzip" },
      body: new Uint8Array(zlib.gzipSync(pythonEnvelope())),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: PYTHON_EVENT_ID });
    expect(await events()).toBe(1);
  });

  it("stores an event posted to the store endpoint with ?sentry_key", async () => {
    const event = { ...pythonEvent, event_id: "0123456789abcdef0123456789abcdef" };
    const response = await fetch(`${server.url}/api/42/store/?sentry_key=${key}&sentry_version=7`, {
      method: "POST",
      body: JSON.stringify(event),
    });
    expect(await response.json()).toEqual({ id: event.event_id });
    expect(await events()).toBe(2);
  });

  it("writes nothing for a wrong key or a body that is not an event", async () => {
    const dsn = `http://${"0".repeat(32)}@127.0.0.1/42`;
    const wrong = await fetch(`${server.url}/api/42/envelope/`, {
      method: "POST",
      body: new Uint8Array(browserEnvelope(undefined, dsn)),
    });
    expect(wrong.status).toBe(401);
    const bad = await fetch(`${server.url}/api/42/store/?sentry_key=${key}`, { method: "POST", body: "[1, 2, 3]" });
    expect(bad.status).toBe(400);
    expect(await events()).toBe(2);
  });

  it("stores an event with a badly typed field without it, and the issue page's notes say so", async () => {
    const event = {
      ...pythonEvent,
      event_id: "1123456789abcdef0123456789abcdef",
      exception: {
        values: [{ type: "KeyError", value: "'k'", stacktrace: { frames: [{ function: "f", lineno: "x" }] } }],
      },
    };
    const response = await fetch(`${server.url}/api/42/store/?sentry_key=${key}`, {
      method: "POST",
      body: JSON.stringify(event),
    });
    expect(await response.json()).toEqual({ id: event.event_id });
    const stored = await database.prisma.event.findFirstOrThrow({ where: { eventId: event.event_id } });
    expect(describeBoundNotes((stored.payload as { errors?: unknown }).errors)).toEqual([
      'exception.values.0.stacktrace.frames.0.lineno: removed ("x"), expected a number, got a string',
    ]);
  });

  it("routes repeated slashes, the legacy GET with sentry_data and /api/store/ to the SDK endpoints", async () => {
    const before = await events();
    const auth = { "x-sentry-auth": `Sentry sentry_key=${key}, sentry_version=7` };
    const eventWith = (id: string) => JSON.stringify({ ...pythonEvent, event_id: id });
    const doubled = await fetch(`${server.url}//api/42//store/`, {
      method: "POST",
      headers: auth,
      body: eventWith("2123456789abcdef0123456789abcdef"),
    });
    expect(await doubled.json()).toEqual({ id: "2123456789abcdef0123456789abcdef" });
    const envelope = await fetch(`${server.url}/api/42/envelope//`, {
      method: "POST",
      headers: auth,
      body: new Uint8Array(browserEnvelope(undefined, `http://${key}@127.0.0.1/42`)),
    });
    expect(envelope.status).toBe(200);
    const data = encodeURIComponent(eventWith("3123456789abcdef0123456789abcdef"));
    const pixel = await fetch(`${server.url}/api/42/store/?sentry_data=${data}&sentry_key=${key}&sentry_version=7`);
    expect(pixel.status).toBe(200);
    expect(pixel.headers.get("content-type")).toBe("image/gif");
    expect(Buffer.from(await pixel.arrayBuffer())).toEqual(TRANSPARENT_PIXEL);
    const byKey = await fetch(`${server.url}/api/store/`, {
      method: "POST",
      headers: auth,
      body: eventWith("4123456789abcdef0123456789abcdef"),
    });
    expect(await byKey.json()).toEqual({ id: "4123456789abcdef0123456789abcdef" });
    expect(await events()).toBe(before + 4);
    const stored = await database.prisma.event.findMany({
      where: { eventId: { endsWith: "23456789abcdef0123456789abcdef" } },
    });
    expect(new Set(stored.map((e) => e.projectId))).toEqual(new Set([42]));
  });
});
