import { expect, test } from "@playwright/test";

// `npm start` answers the SDK endpoints and the grouping API with their route handlers directly, not through
// Next.js (server/http/machine-routes.ts): their answers must carry the same security headers as every page.

const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"];

test("the SDK endpoints and the grouping API answer with the security headers of every page", async ({ request }) => {
  const page = await request.get("/signin");
  expect(page.status()).toBe(200);
  const expected = Object.fromEntries(SECURITY_HEADERS.map((name) => [name, page.headers()[name]]));
  expect(Object.values(expected).every(Boolean)).toBe(true);

  const answers = {
    health: await request.get("/api/health"),
    store: await request.post("/api/1/store/", { data: { message: "hello" } }),
    envelope: await request.post("/api/1/envelope/", { data: "{}\n" }),
    similarIssues: await request.post("/v0/issues/similar-issues", { data: { project_id: 1, stacktrace: "x" } }),
    similarIssuesUnderApi: await request.post("/api/v0/issues/similar-issues", { data: {} }),
  };
  expect(answers.health.status()).toBe(200);
  // Refused (no DSN key, no signature), with a JSON answer that says why.
  for (const answer of [answers.store, answers.envelope, answers.similarIssues, answers.similarIssuesUnderApi]) {
    expect(answer.status()).toBeGreaterThanOrEqual(400);
    expect(answer.status()).toBeLessThan(500);
    expect(((await answer.json()) as { error?: { message?: string } }).error?.message).toBeTruthy();
  }
  for (const [name, answer] of Object.entries(answers)) {
    const headers = answer.headers();
    expect(
      Object.fromEntries(SECURITY_HEADERS.map((header) => [header, headers[header]])),
      `${name} answers with the security headers`,
    ).toEqual(expected);
    expect(headers["x-powered-by"], name).toBeUndefined();
  }
  // A browser SDK on another site may send events: the ingest answers allow any origin.
  expect(answers.store.headers()["access-control-allow-origin"]).toBe("*");
});
