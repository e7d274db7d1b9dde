import zlib from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { lazyBody } from "../../testing/lazy-body";
import { DSN, PUBLIC_KEY, envelopeBytes } from "./envelope-fixtures";
import { fakeIngest, send, sentryAuth } from "./fake-pipeline";

const MiB = 1024 * 1024;

/**
 * A gzip bomb made lazily: `members` gzip members of 10 MiB of zeros each (about 10 KB apiece; gunzip reads
 * concatenated members as one stream), after an optional plain `prefix` member, sent 1 KiB at a time.
 */
function gzipBomb(members: number, prefix?: Buffer) {
  const member = zlib.gzipSync(Buffer.alloc(10 * MiB));
  const head = prefix ? zlib.gzipSync(prefix) : Buffer.alloc(0);
  const total = head.length + member.length * members;
  const byteAt = (offset: number) =>
    offset < head.length ? head[offset]! : member[(offset - head.length) % member.length]!;
  return lazyBody(total, 1024, (offset, size) => Uint8Array.from({ length: size }, (_, i) => byteAt(offset + i)));
}

const gzip = { "content-encoding": "gzip" };

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a gzip bomb", () => {
  it("sent to an unknown project gets 404 before a byte of it is read", async () => {
    const { envelopeHandler } = fakeIngest();
    for (const headers of [gzip, { ...gzip, "x-sentry-auth": sentryAuth() }]) {
      const bomb = gzipBomb(160);
      expect(await send(envelopeHandler, { projectId: "7", body: bomb.stream, headers })).toMatchObject({
        status: 404,
      });
      expect(bomb.pulled()).toBe(0);
    }
  });

  it("whose key can only be in its envelope header is stopped at the event limit (1 MiB decompressed)", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    const bomb = gzipBomb(160); // 1.6 GiB of zeros: no newline, so no envelope header
    expect(await send(envelopeHandler, { body: bomb.stream, headers: gzip })).toMatchObject({
      status: 413,
      json: {
        error: {
          message: "The envelope header (read before its key is checked) is larger than the limit of 1 MiB.",
        },
      },
    });
    // 1 MiB of zeros is about 1 KB of gzip: what was read is a few chunks, not the 1.6 MB sent.
    expect(bomb.pulled()).toBeLessThan(64 * 1024);
    expect(bomb.cancelled()).toBe(true);
    expect(ingested).toHaveLength(0);
  });

  it("after a header with a wrong dsn key gets 401 once that header is read", async () => {
    const { envelopeHandler } = fakeIngest();
    const wrongDsn = DSN.replace(PUBLIC_KEY, "0".repeat(32));
    const bomb = gzipBomb(160, Buffer.from(`${JSON.stringify({ dsn: wrongDsn })}\n`));
    expect(await send(envelopeHandler, { body: bomb.stream, headers: gzip })).toMatchObject({ status: 401 });
    expect(bomb.pulled()).toBeLessThan(64 * 1024);
    expect(bomb.cancelled()).toBe(true);
  });

  it("after a header with the right dsn key may grow to the envelope limit, and no further", async () => {
    const { envelopeHandler } = fakeIngest();
    const bomb = gzipBomb(160, Buffer.from(`${JSON.stringify({ dsn: DSN })}\n`));
    expect(await send(envelopeHandler, { body: bomb.stream, headers: gzip })).toMatchObject({
      status: 413,
      json: { error: { message: "The envelope is larger than the limit of 100 MiB." } },
    });
    expect(bomb.pulled()).toBeLessThan(200 * 1024);
    expect(bomb.cancelled()).toBe(true);
  });
});

describe("an envelope of 50,000 event items", () => {
  it("gets 400 naming the second event item, parsing no further and ingesting nothing", async () => {
    const { envelopeHandler, ingested } = fakeIngest();
    const item = `{"type":"event"}\n{"message":"flood"}\n`;
    const body = envelopeBytes(`${JSON.stringify({ dsn: DSN })}\n`, item.repeat(50_000));
    const parse = vi.spyOn(JSON, "parse");
    const response = await send(envelopeHandler, { body, headers: { "content-type": "text/plain" } });
    expect(response).toMatchObject({
      status: 400,
      json: {
        error: { message: "Malformed envelope: item 1 is a second event item; an envelope carries at most one event." },
      },
    });
    // The header line (twice: for its key, then with the items), two item headers, and the response here.
    expect(parse.mock.calls.length).toBeLessThanOrEqual(5);
    expect(ingested).toHaveLength(0);
  });
});
