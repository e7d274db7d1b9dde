import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeLegacyStoreBody, readDecodedBody } from "./body";
import { pythonEnvelope, pythonEvent } from "./envelope-fixtures";
import { rejection } from "../../testing/rejection";

const MiB = 1024 * 1024;
const limits = { wireBytes: 20 * MiB, decodedBytes: 100 * MiB };

function post(body: string | Uint8Array | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  // A Buffer may sit on a shared ArrayBuffer, which the DOM's BodyInit type does not take; a copy does.
  const init = body instanceof Uint8Array ? new Uint8Array(body) : body;
  return new Request("http://localhost/api/42/envelope/", {
    method: "POST",
    body: init,
    headers,
    duplex: "half",
  } as RequestInit);
}

/** A request body that arrives in chunks, with no Content-Length (a chunked upload). */
function chunked(chunk: Uint8Array, times: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ < times) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

describe("readDecodedBody", () => {
  const envelope = pythonEnvelope();

  it("accepts plain, gzip, zlib deflate, raw deflate and brotli bodies", async () => {
    const bodies: [string, Buffer][] = [
      ["identity", envelope],
      ["gzip", zlib.gzipSync(envelope)],
      ["x-gzip", zlib.gzipSync(envelope)],
      ["deflate", zlib.deflateSync(envelope)],
      ["deflate", zlib.deflateRawSync(envelope)],
      ["br", zlib.brotliCompressSync(envelope)],
    ];
    for (const [encoding, body] of bodies) {
      const decoded = await readDecodedBody(post(body, { "content-encoding": encoding }), limits, "The envelope");
      expect(decoded.equals(envelope), encoding).toBe(true);
    }
  });

  it("undoes stacked encodings from the last one applied", async () => {
    const body = zlib.gzipSync(zlib.deflateSync(envelope));
    const decoded = await readDecodedBody(post(body, { "content-encoding": "deflate, gzip" }), limits, "The envelope");
    expect(decoded.equals(envelope)).toBe(true);
  });

  it("stops a gzip or deflate bomb at the decompressed limit with a 413", async () => {
    const zeros = Buffer.alloc(101 * MiB);
    for (const [encoding, bomb] of [
      ["gzip", zlib.gzipSync(zeros)],
      ["deflate", zlib.deflateSync(zeros)],
    ] as const) {
      expect(bomb.length).toBeLessThan(200 * 1024);
      const error = await rejection(
        readDecodedBody(post(bomb, { "content-encoding": encoding }), limits, "The envelope"),
      );
      expect(error).toMatchObject({ status: 413, code: "payload_too_large" });
      expect(error.message).toBe("The envelope is larger than the limit of 100 MiB.");
    }
  });

  it("accepts a body that decompresses to exactly the limit", async () => {
    const body = zlib.gzipSync(Buffer.alloc(4096, "a"));
    const decoded = await readDecodedBody(
      post(body, { "content-encoding": "gzip" }),
      { wireBytes: MiB, decodedBytes: 4096 },
      "x",
    );
    expect(decoded.length).toBe(4096);
  });

  it("applies the decompressed limit to an uncompressed body too", async () => {
    const error = await rejection(
      readDecodedBody(post(Buffer.alloc(5000)), { wireBytes: MiB, decodedBytes: 4096 }, "The event"),
    );
    expect(error).toMatchObject({ status: 413, message: "The event is larger than the limit of 4 KiB." });
  });

  it("refuses corrupt compressed data with a 400 and an unknown encoding with a 415", async () => {
    const truncated = zlib.gzipSync(envelope).subarray(0, 40);
    expect(
      await rejection(readDecodedBody(post(truncated, { "content-encoding": "gzip" }), limits, "x")),
    ).toMatchObject({
      status: 400,
      message: expect.stringMatching(/not valid gzip data: unexpected end of file/),
    });
    expect(await rejection(readDecodedBody(post(envelope, { "content-encoding": "gzip" }), limits, "x"))).toMatchObject(
      { status: 400 },
    );
    expect(await rejection(readDecodedBody(post(envelope, { "content-encoding": "zstd" }), limits, "x"))).toMatchObject(
      {
        status: 415,
        code: "unsupported_encoding",
      },
    );
  });
});

describe("the wire limit of readDecodedBody", () => {
  it("counts the bytes of a chunked upload (the shared reader of server/http/body.ts) and names the limit", async () => {
    const chunk = new Uint8Array(64 * 1024);
    const within = { wireBytes: 256 * 1024, decodedBytes: MiB };
    expect((await readDecodedBody(post(chunked(chunk, 4)), within, "x")).length).toBe(256 * 1024);
    const error = await rejection(readDecodedBody(post(chunked(chunk, 1000)), within, "x"));
    expect(error).toMatchObject({ status: 413, message: "The request body is larger than the limit of 256 KiB." });
  });
});

describe("decodeLegacyStoreBody", () => {
  const json = Buffer.from(JSON.stringify(pythonEvent));

  it("decodes base64 of zlib-compressed JSON (raven-python) and plain base64", async () => {
    const legacy = Buffer.from(zlib.deflateSync(json).toString("base64"));
    expect((await decodeLegacyStoreBody(legacy, MiB)).equals(json)).toBe(true);
    expect((await decodeLegacyStoreBody(Buffer.from(json.toString("base64")), MiB)).equals(json)).toBe(true);
  });

  it("leaves a JSON body as it is and caps the legacy decompression", async () => {
    expect(await decodeLegacyStoreBody(json, MiB)).toBe(json);
    const bomb = Buffer.from(zlib.deflateSync(Buffer.alloc(2 * MiB)).toString("base64"));
    expect(await rejection(decodeLegacyStoreBody(bomb, MiB))).toMatchObject({ status: 413 });
  });
});
