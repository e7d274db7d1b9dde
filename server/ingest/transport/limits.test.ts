import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { INGEST_LIMITS } from "./limits";
import { attachmentItem, pythonEnvelope, pythonEvent } from "./envelope-fixtures";
import { fakeIngest, send, sentryAuth } from "./fake-pipeline";

const MiB = 1024 * 1024;
const auth = { "x-sentry-auth": sentryAuth() };

// Sentry's limits, through the envelope endpoint (the store endpoint's are in store.test.ts).
describe("ingest limits", () => {
  it("refuses bodies over the limits with a 413: on the wire, decompressed, and an event item over 1 MiB", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    const wire = Buffer.concat([pythonEnvelope(), attachmentItem(Buffer.alloc(INGEST_LIMITS.envelopeBodyBytes))]);
    expect(await send(envelopeHandler, { body: wire, headers: auth })).toMatchObject({
      status: 413,
      json: { error: { code: "payload_too_large" } },
    });
    const bomb = zlib.gzipSync(
      Buffer.concat([pythonEnvelope(), attachmentItem(Buffer.alloc(INGEST_LIMITS.envelopeBytes))]),
    );
    expect(bomb.length).toBeLessThan(MiB);
    expect(await send(envelopeHandler, { body: bomb, headers: { ...auth, "content-encoding": "gzip" } })).toMatchObject(
      {
        status: 413,
        json: { error: { message: "The envelope is larger than the limit of 100 MiB." } },
      },
    );
    const bigEvent = pythonEnvelope({ ...pythonEvent, extra: { blob: "x".repeat(MiB) } });
    expect(await send(envelopeHandler, { body: bigEvent, headers: auth })).toMatchObject({
      status: 413,
      json: { error: { message: "Envelope item 0 (event) is larger than the limit of 1 MiB." } },
    });
    expect(ingested).toHaveLength(0);
  });

  it("ingests the event of an envelope that also carries a large attachment", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    const body = zlib.gzipSync(Buffer.concat([pythonEnvelope(), attachmentItem(Buffer.alloc(30 * MiB, 7))]));
    expect(await send(envelopeHandler, { body, headers: { ...auth, "content-encoding": "gzip" } })).toMatchObject({
      status: 200,
    });
    expect(ingested).toHaveLength(1);
  });
});
