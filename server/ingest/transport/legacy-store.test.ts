import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { PUBLIC_KEY, PYTHON_EVENT_ID, pythonEnvelope, pythonEvent } from "./envelope-fixtures";
import { fakeIngest, OTHER_PROJECT_ID, OTHER_PUBLIC_KEY, send, sentryAuth } from "./fake-pipeline";
import { TRANSPARENT_PIXEL } from "./pixel";

// Sentry's legacy forms of the store endpoint: the event in the query of a GET (from an <img> tag), answered with a
// 1×1 GIF, and `/api/store/` without a project id, where the key names the project. (`send` ends the URL with a
// slash, so a query's last parameter is a throwaway sentry_version.)

const json = JSON.stringify(pythonEvent);
const sentryData = (data: string) => `sentry_data=${encodeURIComponent(data)}`;

describe("GET /api/<project_id>/store/?sentry_data=…", () => {
  it("ingests the event in the query and answers with a transparent 1×1 GIF", async () => {
    const { storePixelHandler, ingested } = fakeIngest();
    const response = await send(storePixelHandler, {
      method: "GET",
      path: `store/?${sentryData(json)}&sentry_key=${PUBLIC_KEY}&sentry_version=7`,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/gif");
    expect(response.bytes).toEqual(TRANSPARENT_PIXEL);
    expect(ingested.map((event) => event.event_id)).toEqual([PYTHON_EVENT_ID]);
    // GIF89a, 1 × 1 pixels (little-endian width and height), its one colour transparent.
    expect(TRANSPARENT_PIXEL.subarray(0, 10)).toEqual(Buffer.from("GIF89a\x01\x00\x01\x00", "latin1"));
    expect(TRANSPARENT_PIXEL[TRANSPARENT_PIXEL.indexOf(Buffer.from([0x21, 0xf9, 0x04])) + 3]! & 1).toBe(1);
  });

  it("takes base64 of zlib as old SDKs send it, and refuses a missing key, missing data or a too large event", async () => {
    const { storePixelHandler, ingested } = fakeIngest();
    const compressed = zlib.deflateSync(json).toString("base64");
    expect(
      await send(storePixelHandler, {
        method: "GET",
        path: `store/?${sentryData(compressed)}&sentry_key=${PUBLIC_KEY}&sentry_version=7`,
      }),
    ).toMatchObject({ status: 200 });
    expect(await send(storePixelHandler, { method: "GET", path: `store/?${sentryData(json)}` })).toMatchObject({
      status: 401,
    });
    expect(
      await send(storePixelHandler, { method: "GET", path: "store/", headers: { "x-sentry-auth": sentryAuth() } }),
    ).toMatchObject({ status: 400, json: { error: { message: expect.stringMatching(/^Missing sentry_data/) } } });
    const limits = { eventBytes: 4096, storeBodyBytes: 4096, envelopeBodyBytes: 8192, envelopeBytes: 8192 };
    const small = fakeIngest({ limits });
    const big = JSON.stringify({ ...pythonEvent, extra: { blob: "x".repeat(5000) } });
    expect(
      await send(small.storePixelHandler, {
        method: "GET",
        path: `store/?${sentryData(big)}&sentry_key=${PUBLIC_KEY}&sentry_version=7`,
      }),
    ).toMatchObject({ status: 413 });
    expect(ingested).toHaveLength(1);
    expect(small.ingested).toHaveLength(0);
  });
});

describe("/api/store/ (no project id: the project of the key)", () => {
  it("ingests into the project whose key the request offers, POST or GET, event or envelope", async () => {
    const { keyStoreHandler, keyStorePixelHandler, ingested } = fakeIngest();
    expect(
      await send(keyStoreHandler, { path: "store", body: json, headers: { "x-sentry-auth": sentryAuth() } }),
    ).toMatchObject({ status: 200, json: { id: PYTHON_EVENT_ID } });
    expect(
      await send(keyStoreHandler, {
        path: "store",
        body: pythonEnvelope(),
        headers: { "x-sentry-auth": sentryAuth(), "content-type": "application/x-sentry-envelope" },
      }),
    ).toMatchObject({ status: 200, json: { id: PYTHON_EVENT_ID } });
    const pixel = await send(keyStorePixelHandler, {
      method: "GET",
      path: `store/?${sentryData(json)}&sentry_key=${OTHER_PUBLIC_KEY}&sentry_version=7`,
    });
    expect(pixel.headers.get("content-type")).toBe("image/gif");
    expect(ingested).toHaveLength(3);
  });

  it("refuses a request without a key, or with a key of no project, with a 401", async () => {
    const { keyStoreHandler, ingested } = fakeIngest();
    expect(await send(keyStoreHandler, { path: "store", body: json })).toMatchObject({
      status: 401,
      json: { error: { message: expect.stringMatching(/^Missing Sentry key/) } },
    });
    expect(
      await send(keyStoreHandler, {
        path: "store",
        body: json,
        headers: { "x-sentry-auth": sentryAuth("0".repeat(32)) },
      }),
    ).toMatchObject({ status: 401, json: { error: { message: expect.stringMatching(/not the public key of any/) } } });
    // Two different keys: refused, even though each is some project's.
    expect(
      await send(keyStoreHandler, {
        path: `store/?sentry_key=${OTHER_PUBLIC_KEY}&sentry_version=7`,
        body: json,
        headers: { "x-sentry-auth": sentryAuth() },
      }),
    ).toMatchObject({ status: 401 });
    expect(ingested).toHaveLength(0);
    expect(OTHER_PROJECT_ID).not.toBe(42);
  });
});
