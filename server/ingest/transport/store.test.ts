import zlib from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { PUBLIC_KEY, PYTHON_EVENT_ID, pythonEnvelope, pythonEvent } from "./envelope-fixtures";
import { fakeIngest, send, sentryAuth } from "./fake-pipeline";

const json = JSON.stringify(pythonEvent);

describe("POST /api/<project_id>/store/", () => {
  it("ingests the event and answers with its id, as Sentry does", async () => {
    const { storeHandler, ingested } = fakeIngest();
    const response = await send(storeHandler, {
      path: "store",
      body: json,
      headers: { "x-sentry-auth": sentryAuth(), "content-type": "application/json" },
    });
    expect(response).toMatchObject({ status: 200, json: { id: PYTHON_EVENT_ID } });
    expect(ingested).toHaveLength(1);
    expect(ingested[0]?.exception?.values?.[0]?.type).toBe("KeyError");
  });

  it("accepts the key as a query parameter, and gzip, deflate and legacy base64+zlib bodies", async () => {
    const { storeHandler, ingested } = fakeIngest();
    const bodies: [Buffer | string, Record<string, string>][] = [
      [zlib.gzipSync(json), { "content-encoding": "gzip" }],
      [zlib.deflateSync(json), { "content-encoding": "deflate" }],
      [zlib.deflateSync(json).toString("base64"), {}],
    ];
    for (const [body, headers] of bodies) {
      const response = await send(storeHandler, {
        path: `store/?sentry_key=${PUBLIC_KEY}&sentry_version=7`,
        body,
        headers,
      });
      expect(response.status, JSON.stringify(response.json)).toBe(200);
    }
    expect(ingested).toHaveLength(3);
  });

  it("takes an envelope posted to the store endpoint with the envelope content type", async () => {
    const { storeHandler, ingested } = fakeIngest();
    const headers = { "x-sentry-auth": sentryAuth(), "content-type": "application/x-sentry-envelope" };
    const response = await send(storeHandler, { path: "store", body: pythonEnvelope(), headers });
    expect(response).toMatchObject({ status: 200, json: { id: PYTHON_EVENT_ID } });
    expect(ingested).toHaveLength(1);
  });

  it("refuses a missing or wrong key with a 401 and an unknown project with a 404", async () => {
    const { storeHandler, ingested } = fakeIngest();
    expect(await send(storeHandler, { path: "store", body: json })).toMatchObject({
      status: 401,
      json: { error: { code: "unauthenticated", message: expect.stringMatching(/^Missing Sentry key/) } },
    });
    expect(
      await send(storeHandler, { path: "store", body: json, headers: { "x-sentry-auth": sentryAuth("0".repeat(32)) } }),
    ).toMatchObject({
      status: 401,
      json: { error: { message: expect.stringMatching(/X-Sentry-Auth header is not the public key of project 42/) } },
    });
    for (const projectId of ["7", "abc", "0", "99999999999"]) {
      const response = await send(storeHandler, {
        path: "store",
        projectId,
        body: json,
        headers: { "x-sentry-auth": sentryAuth() },
      });
      expect(response).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    }
    expect(ingested).toHaveLength(0);
  });

  it("refuses a body that is not JSON, or not an object, with a 400", async () => {
    const { storeHandler, ingested } = fakeIngest();
    const headers = { "x-sentry-auth": sentryAuth() };
    expect(await send(storeHandler, { path: "store", body: '{"level":', headers })).toMatchObject({
      status: 400,
      json: { error: { code: "validation_error", message: expect.stringMatching(/^The event is not valid JSON/) } },
    });
    expect(await send(storeHandler, { path: "store", body: "", headers })).toMatchObject({ status: 400 });
    expect(await send(storeHandler, { path: "store", body: "[1, 2]", headers })).toMatchObject({ status: 400 });
    expect(ingested).toHaveLength(0);
  });

  it("keeps an event with a badly typed field, without that field, noted as Sentry's invalid_data", async () => {
    const { storeHandler, ingested } = fakeIngest();
    const headers = { "x-sentry-auth": sentryAuth() };
    const frames = [{ function: "load", lineno: "88", colno: 3 }];
    const bad = { ...pythonEvent, exception: { values: [{ type: "E", stacktrace: { frames } }] } };
    const response = await send(storeHandler, { path: "store", body: JSON.stringify(bad), headers });
    expect(response).toMatchObject({ status: 200, json: { id: PYTHON_EVENT_ID } });
    expect(ingested[0]?.exception?.values?.[0]?.stacktrace?.frames).toEqual([{ function: "load", colno: 3 }]);
    expect((ingested[0] as { errors?: unknown }).errors).toEqual([
      {
        type: "invalid_data",
        name: "exception.values.0.stacktrace.frames.0.lineno",
        reason: "expected a number, got a string",
        value: "88",
      },
    ]);
  });

  it("keeps an event from a Python client that wrote NaN and Infinity as bare tokens", async () => {
    const { storeHandler, ingested } = fakeIngest();
    const body = JSON.stringify({ ...pythonEvent, extra: { ratio: "__NAN__" } })
      .replace('"__NAN__"', "NaN")
      .replace('"lineno":', '"lineno":Infinity,"colno":');
    expect(body).toContain("Infinity");
    const response = await send(storeHandler, { path: "store", body, headers: { "x-sentry-auth": sentryAuth() } });
    expect(response).toMatchObject({ status: 200, json: { id: PYTHON_EVENT_ID } });
    const event = ingested[0] as { extra?: unknown; errors?: unknown };
    expect(event.extra).toEqual({ ratio: "NaN" });
    expect(event.errors).toEqual([expect.objectContaining({ type: "invalid_data", value: "Infinity" })]);
  });

  it("refuses an event of which no field is left, naming the fields", async () => {
    const { storeHandler, ingested } = fakeIngest();
    const body = JSON.stringify({ exception: 5, stacktrace: "at main()" });
    const response = await send(storeHandler, { path: "store", body, headers: { "x-sentry-auth": sentryAuth() } });
    expect(response).toMatchObject({
      status: 400,
      json: { error: { message: expect.stringMatching(/^The event has no valid field left: exception: expected/) } },
    });
    expect(JSON.stringify(response.json)).toContain("stacktrace: expected an object, got a string");
    expect(ingested).toHaveLength(0);
  });

  it("refuses an event over 1 MiB with a 413, compressed or not", async () => {
    const { storeHandler, ingested } = fakeIngest();
    const big = JSON.stringify({ ...pythonEvent, extra: { blob: "x".repeat(1024 * 1024) } });
    const headers = { "x-sentry-auth": sentryAuth() };
    expect(await send(storeHandler, { path: "store", body: big, headers })).toMatchObject({
      status: 413,
      json: { error: { code: "payload_too_large" } },
    });
    const gzipped = zlib.gzipSync(big);
    expect(gzipped.length).toBeLessThan(64 * 1024);
    expect(
      await send(storeHandler, { path: "store", body: gzipped, headers: { ...headers, "content-encoding": "gzip" } }),
    ).toMatchObject({
      status: 413,
      json: { error: { message: "The event is larger than the limit of 1 MiB." } },
    });
    expect(ingested).toHaveLength(0);
  });

  it("answers an unexpected failure with a 500 that leaks nothing, CORS headers included", async () => {
    const { storeHandler } = fakeIngest({ failWith: new Error("connection refused to db at 10.0.0.5") });
    // The wrapper logs the error for the operator; keep it out of the test output.
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const response = await send(storeHandler, {
      path: "store",
      body: json,
      headers: { "x-sentry-auth": sentryAuth() },
    });
    expect(response).toMatchObject({ status: 500, json: { error: { code: "internal_error" } } });
    expect(JSON.stringify(response.json)).not.toContain("10.0.0.5");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining("unhandled error in ingest route"));
    stderr.mockRestore();
  });
});
