import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "./logger";

let stdout: string[];
let stderr: string[];

function capture(stream: NodeJS.WriteStream, into: () => string[]) {
  vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
    into().push(String(chunk));
    return true;
  });
}

function lines(output: string[]): Record<string, unknown>[] {
  return output.map((line) => JSON.parse(line) as Record<string, unknown>);
}

beforeEach(() => {
  stdout = [];
  stderr = [];
  capture(process.stdout, () => stdout);
  capture(process.stderr, () => stderr);
  vi.stubEnv("LOG_LEVEL", "debug");
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("the server logger", () => {
  it("writes one JSON line per entry: debug and info on stdout, warn and error on stderr", () => {
    logger.info("models ready", { versions: ["v1", "v2"] });
    logger.debug("detail");
    logger.warn("guardrail moved a project back", { projectId: 3 });
    logger.error("route failed", { path: "/api/x" });
    expect(lines(stdout)).toMatchObject([
      { level: "info", msg: "models ready", versions: ["v1", "v2"] },
      { level: "debug", msg: "detail" },
    ]);
    expect(lines(stderr)).toMatchObject([
      { level: "warn", msg: "guardrail moved a project back", projectId: 3 },
      { level: "error", msg: "route failed", path: "/api/x" },
    ]);
    expect(lines(stdout)[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("drops entries below LOG_LEVEL, read when each entry is logged", () => {
    vi.stubEnv("LOG_LEVEL", "warn");
    logger.info("not shown");
    logger.warn("shown");
    vi.stubEnv("LOG_LEVEL", "error");
    logger.warn("not shown either");
    expect(stdout).toEqual([]);
    expect(lines(stderr).map((line) => line.msg)).toEqual(["shown"]);
  });

  it("writes an error's name, message and stack", () => {
    class ConnectionError extends Error {
      override name = "ConnectionError";
    }
    logger.error("backfill job failed", { jobId: 7, error: new ConnectionError("connection refused") });
    const [line] = lines(stderr);
    expect(line).toMatchObject({
      jobId: 7,
      error: { name: "ConnectionError", message: "connection refused" },
    });
    expect((line!.error as { stack: string }).stack).toContain("logger.test.ts");
  });

  it("redacts secret-bearing fields, at the top level and one object down", () => {
    logger.warn("sign-in attempt", {
      email: "ada@example.com",
      password: "hunter2",
      token: "session-token-value",
      dsn: "http://abc123@localhost:3000/1",
      headers: { authorization: "Bearer sk-live-1", cookie: "regroup_session=s3cr3t", "x-sentry-auth": "key=abc" },
      project: { id: 1, publicKey: "0123456789abcdef", name: "checkout" },
    });
    const output = stderr.join("");
    for (const secret of ["hunter2", "session-token-value", "abc123", "sk-live-1", "s3cr3t", "key=abc", "0123456789"]) {
      expect(output).not.toContain(secret);
    }
    expect(lines(stderr)[0]).toMatchObject({
      email: "ada@example.com",
      password: "[redacted]",
      token: "[redacted]",
      dsn: "[redacted]",
      headers: { authorization: "[redacted]", cookie: "[redacted]", "x-sentry-auth": "[redacted]" },
      project: { id: 1, publicKey: "[redacted]", name: "checkout" },
    });
  });
});
