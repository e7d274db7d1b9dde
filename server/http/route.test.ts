import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { endpoint } from "@/lib/contracts/endpoint";
import { NotFoundError } from "./errors";
import { lazyBody } from "../testing/lazy-body";
import { reply } from "./reply";
import { defineRoute } from "./route";

// Endpoints of these tests only: the table's are exercised by the route files' own tests.
const renameProject = endpoint({
  method: "POST",
  path: "/x/[projectId]",
  summary: "test",
  tag: "test",
  access: "public",
  params: z.object({ projectId: z.coerce.number().int().positive() }),
  body: z.object({ name: z.string().min(1), tags: z.array(z.string()).max(3).optional() }),
  response: z.object({ projectId: z.number(), name: z.string() }),
  maxBodyBytes: 200,
});

const handler = defineRoute(renameProject, async ({ params, body }) => {
  if (params.projectId === 404) throw new NotFoundError(`Project ${params.projectId} does not exist.`);
  if (body.name === "boom") throw new Error("database password=hunter2 leaked");
  if (body.name === "created") return reply({ projectId: params.projectId, name: body.name }, { status: 201 });
  return { projectId: params.projectId, name: body.name };
});

function call(body: string, projectId = "1", headers: Record<string, string> = {}) {
  return handler(new Request("http://localhost/x", { method: "POST", body, headers }), {
    params: Promise.resolve({ projectId }),
  });
}

async function error(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("the route wrapper", () => {
  it("passes validated input to the handler", async () => {
    const response = await call(JSON.stringify({ name: "checkout" }), "12");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ projectId: 12, name: "checkout" });
  });

  it("rejects malformed JSON with 400 saying so", async () => {
    const response = await call("{name:");
    expect(response.status).toBe(400);
    expect((await error(response)).message).toMatch(/^The request body is not valid JSON/);
  });

  it("names the offending path of a body that has the wrong types", async () => {
    const response = await call(JSON.stringify({ name: 5, tags: ["a", "b", "c", "d"] }));
    expect(response.status).toBe(400);
    const { code, message } = await error(response);
    expect(code).toBe("validation_error");
    expect(message).toContain("name: Invalid input: expected string, received number");
    expect(message).toContain("tags: Too big");
  });

  it("rejects a bad path parameter", async () => {
    const response = await call(JSON.stringify({ name: "x" }), "-3");
    expect(response.status).toBe(400);
    expect((await error(response)).message).toMatch(/^Invalid path parameters: projectId/);
  });

  it("rejects a body over the limit with 413", async () => {
    const response = await call(JSON.stringify({ name: "x".repeat(500) }));
    expect(response.status).toBe(413);
    expect((await error(response)).code).toBe("payload_too_large");
  });

  it("maps a service's typed error to its status", async () => {
    const response = await call(JSON.stringify({ name: "x" }), "404");
    expect(response.status).toBe(404);
    expect(await error(response)).toEqual({ code: "not_found", message: "Project 404 does not exist." });
  });

  it("answers 500 without the details of an unexpected error", async () => {
    const response = await call(JSON.stringify({ name: "boom" }));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("hunter2");
  });
  it("answers with the status of a Reply, and the endpoint's JSON otherwise", async () => {
    const created = await call(JSON.stringify({ name: "created" }), "5");
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe("application/json");
    expect(await created.json()).toEqual({ projectId: 5, name: "created" });
  });
});

describe("the route wrapper's check of answers against their schema", () => {
  const countEvents = endpoint({
    method: "GET",
    path: "/api/count",
    summary: "test",
    tag: "test",
    access: "public",
    response: z.object({ count: z.number().int(), last: z.string() }),
  });
  // What a handler can still get wrong past the types: a value that is not what the schema allows.
  const broken = defineRoute(countEvents, async () => ({ count: 1.5, last: "yesterday" }));
  const get = () => broken(new Request("http://localhost/api/count"));

  it("fails loudly in development and tests, naming what does not match", async () => {
    const response = await get();
    expect(response.status).toBe(500);
    expect(await error(response)).toEqual({
      code: "response_contract_violation",
      message:
        "The answer of GET /api/count does not match its response schema: count: Invalid input: expected int, received number",
    });
  });

  it("does not check again in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      const response = await get();
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ count: 1.5, last: "yesterday" });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("the route wrapper's body limit, while the body streams", () => {
  const MB600 = 600 * 1024 * 1024;
  const spec = {
    method: "POST",
    path: "/api/x",
    summary: "test",
    tag: "test",
    response: z.object({ ok: z.boolean() }),
  } as const;
  const publicRoute = defineRoute(
    endpoint({ ...spec, access: "public", body: z.object({ email: z.string() }), maxBodyBytes: 4096 }),
    async () => ({ ok: true }),
  );
  const signedRoute = defineRoute(
    endpoint({ ...spec, access: "signed", body: z.object({ hash: z.string() }) }),
    async () => ({ ok: true }),
  );

  function chunkedPost(stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
    const init: RequestInit & { duplex: "half" } = { method: "POST", body: stream, headers, duplex: "half" };
    return new Request("http://localhost/api/x", init);
  }

  it("answers 413 to a 600 MB chunked body of a public route and stops reading just past the limit", async () => {
    const body = lazyBody(MB600);
    const response = await publicRoute(chunkedPost(body.stream, { origin: "http://localhost" }));
    expect(response.status).toBe(413);
    expect((await error(response)).code).toBe("payload_too_large");
    expect(body.cancelled()).toBe(true);
    expect(body.pulled()).toBeLessThanOrEqual(4096 + 64 * 1024);
  });

  it("answers 413 to a 600 MB chunked body of a signed route before checking its signature", async () => {
    const body = lazyBody(MB600);
    const response = await signedRoute(chunkedPost(body.stream, { authorization: "Rpcsignature rpc0:00" }));
    expect(response.status).toBe(413);
    expect(body.cancelled()).toBe(true);
    expect(body.pulled()).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
  });

  it("still reads a body within the limit that arrives in chunks", async () => {
    const json = new TextEncoder().encode(JSON.stringify({ email: "a@b.c" }));
    const body = lazyBody(json.length, 4, (offset, size) => json.slice(offset, offset + size));
    const response = await publicRoute(chunkedPost(body.stream));
    expect(response.status).toBe(200);
  });
});
