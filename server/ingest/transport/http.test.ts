import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { useGroupingModels } from "../../grouping/default-models";
import { startApiServer } from "../../testing/api-server";
import { createTestDatabase } from "../../testing/database";
import { fixtureModels } from "../../testing/fixture-models";
import { PYTHON_EVENT_ID, browserEnvelope, pythonEnvelope, pythonEvent } from "./envelope-fixtures";

// The real route files over real HTTP and the real pipeline on the embedded database: what an SDK sees.
let database: Database;
let server: { url: string; close(): Promise<void> };
let key: string;
beforeAll(async () => {
  database = await createTestDatabase();
  useGroupingModels(fixtureModels);
  server = await startApiServer();
  const project = await database.prisma.project.create({
    data: { id: 42, slug: "shop", name: "Shop", platform: "python" },
  });
  key = project.publicKey;
});
afterAll(async () => {
  await server?.close();
  useGroupingModels(undefined);
  await database?.close();
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

  it("writes nothing for a wrong key or an invalid event", async () => {
    const dsn = `http://${"0".repeat(32)}@127.0.0.1/42`;
    const wrong = await fetch(`${server.url}/api/42/envelope/`, {
      method: "POST",
      body: new Uint8Array(browserEnvelope(undefined, dsn)),
    });
    expect(wrong.status).toBe(401);
    const bad = await fetch(`${server.url}/api/42/store/?sentry_key=${key}`, {
      method: "POST",
      body: JSON.stringify({ exception: { values: [{ stacktrace: { frames: [{ lineno: "x" }] } }] } }),
    });
    expect(bad.status).toBe(400);
    expect(await events()).toBe(2);
  });
});
