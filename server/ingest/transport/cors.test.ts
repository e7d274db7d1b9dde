import { describe, expect, it } from "vitest";
import { pythonEnvelope } from "./envelope-fixtures";
import { fakeIngest, send } from "./fake-pipeline";

describe("CORS and access", () => {
  it("answers the preflight of a browser SDK and puts CORS headers on answers, errors included", async () => {
    const { envelopePreflightHandler, envelopeHandler } = fakeIngest();
    const preflight = await send(envelopePreflightHandler, {
      method: "OPTIONS",
      headers: {
        origin: "https://app.example.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-sentry-auth",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(
      /x-sentry-auth.*content-type.*content-encoding/,
    );
    const refused = await send(envelopeHandler, {
      body: pythonEnvelope(),
      headers: { origin: "https://app.example.com" },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("serves every handler with the ingest access of its endpoint", () => {
    const handlers = Object.values(fakeIngest()).filter((value) => typeof value === "function");
    expect(handlers).toHaveLength(8);
    expect(new Set(handlers.map((handler) => handler.endpoint.access))).toEqual(new Set(["ingest"]));
  });
});
