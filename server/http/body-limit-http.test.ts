import { describe, expect, it } from "vitest";
import { setUpTestApi } from "../testing/test-environment";
import { lazyBody } from "../testing/lazy-body";

// The real route files over real HTTP: a huge chunked upload is refused while it streams, not buffered first.
const api = setUpTestApi();

const MB600 = 600 * 1024 * 1024;

async function postChunked(path: string, headers: Record<string, string> = {}) {
  const body = lazyBody(MB600);
  const init: RequestInit & { duplex: "half" } = {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: body.stream,
    duplex: "half",
  };
  const response = await fetch(`${api.url}${path}`, init);
  const json = (await response.json()) as { error: { code: string } };
  return { status: response.status, code: json.error.code, pulled: body.pulled() };
}

describe("a 600 MB chunked body over HTTP", () => {
  it("gets 413 from the sign-in route (public, with a body) long before it is all sent", async () => {
    const result = await postChunked("/api/auth/signin", { origin: api.url });
    expect(result).toMatchObject({ status: 413, code: "payload_too_large" });
    // What the client sent before the answer: the limit plus what the sockets buffer, not 600 MB.
    expect(result.pulled).toBeLessThan(64 * 1024 * 1024);
  });

  it("gets 413 from a signed route (similar issues) without its signature being checked first", async () => {
    const result = await postChunked("/api/v0/issues/similar-issues", { authorization: "Rpcsignature rpc0:00" });
    expect(result).toMatchObject({ status: 413, code: "payload_too_large" });
    expect(result.pulled).toBeLessThan(64 * 1024 * 1024);
  });
});
