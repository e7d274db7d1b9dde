import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  BROWSER_EVENT_ID,
  PUBLIC_KEY,
  PYTHON_EVENT_ID,
  attachmentItem,
  browserEnvelope,
  browserEvent,
  clientReportItem,
  envelopeBytes,
  mixedEnvelope,
  pythonEnvelope,
  pythonEvent,
  sessionItem,
} from "./envelope-fixtures";
import { fakeIngest, send, sentryAuth } from "./fake-pipeline";

const auth = { "x-sentry-auth": sentryAuth() };

describe("POST /api/<project_id>/envelope/", () => {
  it("ingests the event item and answers with its id (sentry-python, key in X-Sentry-Auth)", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    const response = await send(envelopeHandler, { body: pythonEnvelope(), headers: auth });
    expect(response).toMatchObject({ status: 200, json: { id: PYTHON_EVENT_ID } });
    expect(ingested.map((event) => event.platform)).toEqual(["python"]);
  });

  it("authenticates a browser SDK by the envelope's dsn or by ?sentry_key, sent as text/plain", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    const headers = { "content-type": "text/plain;charset=UTF-8", origin: "https://app.example.com" };
    expect(await send(envelopeHandler, { body: browserEnvelope(), headers })).toMatchObject({
      status: 200,
      json: { id: BROWSER_EVENT_ID },
    });
    const withQuery = { path: `envelope/?sentry_key=${PUBLIC_KEY}&sentry_version=7`, headers };
    const noDsn = envelopeBytes(
      `{"event_id":"${BROWSER_EVENT_ID}"}\n{"type":"event"}\n${JSON.stringify(browserEvent)}`,
    );
    expect(await send(envelopeHandler, { ...withQuery, body: noDsn })).toMatchObject({ status: 200 });
    expect(ingested).toHaveLength(2);
  });

  it("ingests only the event items: sessions, attachments and client reports are accepted and dropped", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    expect(await send(envelopeHandler, { body: mixedEnvelope() })).toMatchObject({
      status: 200,
      json: { id: BROWSER_EVENT_ID },
    });
    expect(ingested).toHaveLength(1);
    const noEvent = envelopeBytes(
      `{"sent_at":"2024-05-01T10:00:00Z"}\n`,
      sessionItem,
      attachmentItem(),
      clientReportItem,
    );
    expect(await send(envelopeHandler, { body: noEvent, headers: auth })).toMatchObject({ status: 200, json: {} });
    expect(ingested).toHaveLength(1);
  });

  it("gives a lone event without an event_id the envelope header's", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    const { event_id: _omitted, ...event } = browserEvent;
    expect(await send(envelopeHandler, { body: browserEnvelope(event) })).toMatchObject({
      status: 200,
      json: { id: BROWSER_EVENT_ID },
    });
    expect(ingested[0]?.event_id).toBe(BROWSER_EVENT_ID);
  });

  it("answers with the envelope header's event_id, which the event is stored under, as Relay does", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    const headerId = "0f7b2c1e-5a4d-4c3b-9e8f-7a6b5c4d3e2f";
    const body = envelopeBytes(`{"event_id":"${headerId}"}\n{"type":"event"}\n${JSON.stringify(pythonEvent)}`);
    expect(pythonEvent.event_id).not.toBe(headerId.replaceAll("-", ""));
    expect(await send(envelopeHandler, { body, headers: auth })).toMatchObject({
      status: 200,
      json: { id: "0f7b2c1e5a4d4c3b9e8f7a6b5c4d3e2f" },
    });
    expect(ingested[0]?.event_id).toBe("0f7b2c1e5a4d4c3b9e8f7a6b5c4d3e2f");
    // Without an event item, the header's event_id is still the answer; without either, there is none.
    const noEvent = envelopeBytes(`{"event_id":"${BROWSER_EVENT_ID}"}\n`, sessionItem);
    expect(await send(envelopeHandler, { body: noEvent, headers: auth })).toMatchObject({
      status: 200,
      json: { id: BROWSER_EVENT_ID },
    });
    expect(ingested).toHaveLength(1);
  });

  it("keeps an event item with a badly typed field, without that field", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    const bad = {
      ...pythonEvent,
      exception: { values: [{ type: "KeyError", stacktrace: { frames: [{ lineno: "88" }, "frame"] } }] },
    };
    const body = envelopeBytes("{}\n", sessionItem, `{"type":"event"}\n${JSON.stringify(bad)}\n`);
    expect(await send(envelopeHandler, { body, headers: auth })).toMatchObject({
      status: 200,
      json: { id: PYTHON_EVENT_ID },
    });
    expect(ingested[0]?.exception?.values?.[0]?.stacktrace?.frames).toEqual([{}, null]);
    expect((ingested[0] as { errors?: unknown[] }).errors?.map((note) => (note as { name: string }).name)).toEqual([
      "exception.values.0.stacktrace.frames.0.lineno",
      "exception.values.0.stacktrace.frames.1",
    ]);
  });

  it("accepts gzip and deflate envelopes", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    for (const [encoding, body] of [
      ["gzip", zlib.gzipSync(pythonEnvelope())],
      ["deflate", zlib.deflateSync(pythonEnvelope())],
    ] as const) {
      expect(await send(envelopeHandler, { body, headers: { ...auth, "content-encoding": encoding } })).toMatchObject({
        status: 200,
      });
    }
    expect(ingested).toHaveLength(2);
  });

  it("refuses a missing key, a wrong key and a dsn that disagrees with the header, ingesting nothing", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    const noDsn = envelopeBytes(`{}\n{"type":"event"}\n${JSON.stringify(browserEvent)}`);
    expect(await send(envelopeHandler, { body: noDsn })).toMatchObject({
      status: 401,
      json: { error: { code: "unauthenticated" } },
    });
    const wrong = { "x-sentry-auth": sentryAuth("1".repeat(32)) };
    expect(await send(envelopeHandler, { body: pythonEnvelope(), headers: wrong })).toMatchObject({ status: 401 });
    const wrongDsn = browserEnvelope(browserEvent, `https://${"2".repeat(32)}@o1.ingest.example/42`);
    const response = await send(envelopeHandler, { body: wrongDsn, headers: auth });
    expect(response).toMatchObject({
      status: 401,
      json: { error: { message: expect.stringMatching(/envelope header's dsn/) } },
    });
    expect(await send(envelopeHandler, { projectId: "7", body: pythonEnvelope(), headers: auth })).toMatchObject({
      status: 404,
    });
    expect(ingested).toHaveLength(0);
  });

  it("refuses a malformed envelope with a 400 that says why", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    const truncated = envelopeBytes('{}\n{"type":"event","length":500}\n{"message":"cut"}');
    expect(await send(envelopeHandler, { body: truncated, headers: auth })).toMatchObject({
      status: 400,
      json: {
        error: {
          code: "validation_error",
          message: "Malformed envelope: item 0 (event) declares a length of 500 bytes but only 17 follow.",
        },
      },
    });
    expect(await send(envelopeHandler, { body: "", headers: auth })).toMatchObject({ status: 400 });
    expect(ingested).toHaveLength(0);
  });

  it("refuses a second event item with a 400 that names it, and an event with nothing valid, ingesting nothing", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    const twoEvents = envelopeBytes(
      "{}\n",
      `{"type":"event"}\n${JSON.stringify(browserEvent)}\n`,
      sessionItem,
      `{"type":"event"}\n${JSON.stringify(pythonEvent)}\n`,
    );
    expect(await send(envelopeHandler, { body: twoEvents, headers: auth })).toMatchObject({
      status: 400,
      json: {
        error: {
          code: "validation_error",
          message: "Malformed envelope: item 2 is a second event item; an envelope carries at most one event.",
        },
      },
    });
    const nothingLeft = { exception: "KeyError", threads: 3 };
    const body = envelopeBytes("{}\n", sessionItem, `{"type":"event"}\n${JSON.stringify(nothingLeft)}\n`);
    expect(await send(envelopeHandler, { body, headers: auth })).toMatchObject({
      status: 400,
      json: {
        error: {
          message: expect.stringMatching(/^Envelope item 1 \(event\) has no valid field left: exception: expected/),
          details: { item: 1 },
        },
      },
    });
    const notJson = envelopeBytes("{}\n", '{"type":"event"}\n{"message":\n');
    expect(await send(envelopeHandler, { body: notJson, headers: auth })).toMatchObject({
      status: 400,
      json: { error: { message: expect.stringMatching(/^Envelope item 0 \(event\) is not valid JSON/) } },
    });
    expect(ingested).toHaveLength(0);
  });
});
