import { describe, expect, it } from "vitest";
import { lazyBody } from "../../testing/lazy-body";
import { browserEnvelope, pythonEnvelope } from "./envelope-fixtures";
import { OTHER_PROJECT_ID, OTHER_PUBLIC_KEY, fakeIngest, send, sentryAuth } from "./fake-pipeline";
import { createRateLimiter } from "./rate-limit";

/** A clock the test moves by hand. */
function manualClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function refusal(take: () => void): { status: number; headers?: Record<string, string> } | null {
  try {
    take();
    return null;
  } catch (error) {
    return error as { status: number; headers?: Record<string, string> };
  }
}

describe("the ingest rate limiter", () => {
  it("lets a key send its burst, then refuses with the seconds until the next token, and refills", () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perSecond: 0.5, burst: 3, now: clock.now });
    for (let i = 0; i < 3; i += 1) expect(refusal(() => limiter.take("a"))).toBeNull();
    expect(refusal(() => limiter.take("a"))).toMatchObject({
      status: 429,
      headers: { "retry-after": "2", "x-sentry-rate-limits": "2::key" },
    });
    expect(refusal(() => limiter.take("b"))).toBeNull();
    clock.advance(2000);
    expect(refusal(() => limiter.take("a"))).toBeNull();
    expect(refusal(() => limiter.take("a"))).toMatchObject({ status: 429 });
  });

  it("holds at most maxKeys buckets, dropping the least recently used", () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perSecond: 1, burst: 1, maxKeys: 2, now: clock.now });
    limiter.take("a");
    limiter.take("b");
    limiter.take("c"); // drops "a", the least recently used
    expect(refusal(() => limiter.take("a"))).toBeNull();
    expect(refusal(() => limiter.take("c"))).toMatchObject({ status: 429 });
  });

  it("limits nothing with perSecond 0", () => {
    const limiter = createRateLimiter({ perSecond: 0, burst: 1 });
    for (let i = 0; i < 100; i += 1) limiter.take("a");
  });
});

describe("the ingest endpoints over the limit", () => {
  it("answer 429 with Retry-After and X-Sentry-Rate-Limits before reading the body; other keys go on", async () => {
    const clock = manualClock();
    const rateLimiter = createRateLimiter({ perSecond: 1, burst: 2, now: clock.now });
    const { envelopeHandler, storeHandler, ingested } = fakeIngest({ rateLimiter });
    const auth = { "x-sentry-auth": sentryAuth() };
    expect(await send(envelopeHandler, { body: pythonEnvelope(), headers: auth })).toMatchObject({ status: 200 });
    expect(await send(envelopeHandler, { body: pythonEnvelope(), headers: auth })).toMatchObject({ status: 200 });

    const body = lazyBody(600 * 1024 * 1024);
    const refused = await send(envelopeHandler, { body: body.stream, headers: auth });
    expect(refused).toMatchObject({ status: 429, json: { error: { code: "rate_limited" } } });
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.headers.get("x-sentry-rate-limits")).toBe("1::key");
    expect(refused.headers.get("access-control-expose-headers")).toContain("retry-after");
    expect(body.pulled()).toBe(0);
    const viaStore = await send(storeHandler, { path: "store", body: "{}", headers: auth });
    expect(viaStore.status).toBe(429);

    const other = { "x-sentry-auth": sentryAuth(OTHER_PUBLIC_KEY) };
    const otherProject = String(OTHER_PROJECT_ID);
    expect(
      await send(envelopeHandler, { projectId: otherProject, body: pythonEnvelope(), headers: other }),
    ).toMatchObject({ status: 200 });

    clock.advance(1000);
    expect(await send(envelopeHandler, { body: pythonEnvelope(), headers: auth })).toMatchObject({ status: 200 });
    expect(ingested).toHaveLength(4);
  });

  it("counts a request whose key is only in its envelope header once that key is verified", async () => {
    const clock = manualClock();
    const rateLimiter = createRateLimiter({ perSecond: 1, burst: 1, now: clock.now });
    const { envelopeHandler } = fakeIngest({ rateLimiter });
    expect(await send(envelopeHandler, { body: browserEnvelope() })).toMatchObject({ status: 200 });
    expect(await send(envelopeHandler, { body: browserEnvelope() })).toMatchObject({ status: 429 });
    const wrongKey = { "x-sentry-auth": sentryAuth("1".repeat(32)) };
    expect(await send(envelopeHandler, { body: pythonEnvelope(), headers: wrongKey })).toMatchObject({ status: 401 });
  });
});
