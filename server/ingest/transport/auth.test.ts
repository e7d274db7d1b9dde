import { describe, expect, it } from "vitest";
import { authenticate, keyFromDsn, keysEqual, keysFromRequest, parseDsn, parseSentryAuthHeader } from "./auth";
import { PUBLIC_KEY } from "./envelope-fixtures";

const project = { id: 42, publicKey: PUBLIC_KEY };

function request(url: string, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: "POST", headers, body: "{}" });
}

function thrown(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (error) {
    return error as { status: number; message: string };
  }
  throw new Error("nothing was thrown");
}

describe("parseSentryAuthHeader", () => {
  it("reads the headers real SDKs send", () => {
    expect(
      parseSentryAuthHeader(`Sentry sentry_key=${PUBLIC_KEY}, sentry_version=7, sentry_client=sentry.python/2.1.1`),
    ).toEqual({
      sentry_key: PUBLIC_KEY,
      sentry_version: "7",
      sentry_client: "sentry.python/2.1.1",
    });
    // raven-js: a timestamp and the legacy secret; spacing varies between SDKs.
    expect(
      parseSentryAuthHeader(
        `Sentry sentry_version=7,sentry_client=raven-js/3.27.0,sentry_key=${PUBLIC_KEY},sentry_secret=s3cr3t`,
      ),
    ).toMatchObject({
      sentry_key: PUBLIC_KEY,
      sentry_secret: "s3cr3t",
    });
    expect(parseSentryAuthHeader(`sentry sentry_key="${PUBLIC_KEY}"`).sentry_key).toBe(PUBLIC_KEY);
  });
});

describe("keysFromRequest", () => {
  it("finds the key in X-Sentry-Auth, in Authorization: Sentry and in the sentry_key query parameter", () => {
    expect(
      keysFromRequest(
        request("http://x/api/42/store/", { "x-sentry-auth": `Sentry sentry_key=${PUBLIC_KEY}, sentry_version=7` }),
      ),
    ).toEqual([{ source: "the X-Sentry-Auth header", key: PUBLIC_KEY }]);
    expect(
      keysFromRequest(request("http://x/api/42/store/", { authorization: `Sentry sentry_key=${PUBLIC_KEY}` })),
    ).toEqual([{ source: "the Authorization header", key: PUBLIC_KEY }]);
    expect(
      keysFromRequest(
        request(
          `http://x/api/42/envelope/?sentry_key=${PUBLIC_KEY}&sentry_version=7&sentry_client=sentry.javascript.browser%2F8.7.0`,
        ),
      ),
    ).toEqual([{ source: "the sentry_key query parameter", key: PUBLIC_KEY }]);
  });

  it("ignores a bearer token and headers without a key", () => {
    expect(
      keysFromRequest(
        request("http://x/api/42/store/", { authorization: "Bearer abc", "x-sentry-auth": "Sentry sentry_version=7" }),
      ),
    ).toEqual([]);
  });
});

describe("dsn", () => {
  it("reads the key and project of a DSN, with a legacy secret or a path prefix", () => {
    expect(parseDsn(`https://${PUBLIC_KEY}:@sentry.io/42`)).toEqual({ key: PUBLIC_KEY, projectId: "42" });
    expect(parseDsn(`http://${PUBLIC_KEY}:secret@localhost:3000/prefix/42`)).toEqual({
      key: PUBLIC_KEY,
      projectId: "42",
    });
  });

  it("refuses a dsn that is not a URL or has no key (400), or names another project (401)", () => {
    expect(thrown(() => parseDsn("not a url"))).toMatchObject({ status: 400 });
    expect(thrown(() => parseDsn("https://sentry.io/42"))).toMatchObject({ status: 400 });
    expect(thrown(() => keyFromDsn(`https://${PUBLIC_KEY}@sentry.io/7`, 42))).toMatchObject({
      status: 401,
      message: "The dsn in the envelope header is for project 7, but the request was sent to project 42.",
    });
  });
});

describe("authenticate", () => {
  it("accepts the project's key", () => {
    expect(() => authenticate(project, [{ source: "the X-Sentry-Auth header", key: PUBLIC_KEY }])).not.toThrow();
  });

  it("refuses a request without a key, saying how to send one", () => {
    expect(thrown(() => authenticate(project, []))).toMatchObject({
      status: 401,
      message: expect.stringMatching(/^Missing Sentry key/),
    });
  });

  it("refuses a wrong key, naming where it came from, and a request whose keys disagree", () => {
    expect(
      thrown(() => authenticate(project, [{ source: "the sentry_key query parameter", key: "0".repeat(32) }])),
    ).toMatchObject({
      status: 401,
      message:
        "The Sentry key in the sentry_key query parameter is not the public key of project 42; check the DSN the SDK uses.",
    });
    const offers = [
      { source: "the X-Sentry-Auth header", key: PUBLIC_KEY },
      { source: "the envelope header's dsn", key: "f".repeat(32) },
    ];
    expect(thrown(() => authenticate(project, offers)).message).toMatch(/envelope header's dsn/);
  });

  it("compares keys of any length without throwing", () => {
    expect(keysEqual("short", PUBLIC_KEY)).toBe(false);
    expect(keysEqual(PUBLIC_KEY, PUBLIC_KEY)).toBe(true);
    expect(keysEqual("", PUBLIC_KEY)).toBe(false);
  });
});
