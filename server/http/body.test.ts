import { describe, expect, it } from "vitest";
import { lazyBody } from "../testing/lazy-body";
import { bodyChunks, readBodyBytes, utf8Text } from "./body";
import { rejection } from "../testing/rejection";

const KiB = 1024;

function post(body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  const init: RequestInit & { duplex: "half" } = { method: "POST", body, headers, duplex: "half" };
  return new Request("http://localhost/api/x", init);
}

describe("readBodyBytes", () => {
  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const body = lazyBody(64 * KiB);
    const error = await rejection(readBodyBytes(post(body.stream, { "content-length": String(64 * KiB) }), KiB));
    expect(error).toMatchObject({ status: 413, code: "payload_too_large" });
    expect(body.pulled()).toBe(0);
    expect(body.cancelled()).toBe(true);
  });

  it("reads a chunked body up to exactly the limit", async () => {
    const bytes = await readBodyBytes(post(lazyBody(256 * KiB, 64 * KiB).stream), 256 * KiB);
    expect(bytes.length).toBe(256 * KiB);
  });

  it("stops a chunked body at the first chunk past the limit and cancels the stream", async () => {
    const body = lazyBody(600 * 1024 * KiB, 64 * KiB);
    const error = await rejection(readBodyBytes(post(body.stream), 256 * KiB));
    expect(error).toMatchObject({
      status: 413,
      message: `The request body is larger than the limit of ${256 * KiB} bytes.`,
    });
    expect(body.pulled()).toBe(256 * KiB + 64 * KiB);
    expect(body.cancelled()).toBe(true);
  });
});

describe("bodyChunks", () => {
  it("cancels the stream when its reader stops early", async () => {
    const body = lazyBody(10 * 1024 * KiB, KiB);
    for await (const chunk of bodyChunks(post(body.stream), 20 * 1024 * KiB)) {
      expect(chunk.byteLength).toBe(KiB);
      break;
    }
    expect(body.cancelled()).toBe(true);
    expect(body.pulled()).toBe(KiB);
  });
});

describe("utf8Text", () => {
  it("decodes as Request.text() does, dropping a byte-order mark", () => {
    expect(utf8Text(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe("{}");
  });
});
