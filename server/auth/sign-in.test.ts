import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setUpTestDatabase } from "../testing/test-environment";
import { createUser } from "../users/service";
import { signInHandler } from "./http";
import { userOfSession } from "./session";

// A short window so the test can wait it out; the limit per email and address is the production default (20),
// the per-email and per-address ceilings are lowered so that the test reaches them quickly.
process.env.SIGNIN_WINDOW_SECONDS = "3";
process.env.SIGNIN_MAX_FAILURES_PER_EMAIL = "45";
process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS = "30";
// One trusted reverse proxy, which appends the client's address to X-Forwarded-For.
process.env.TRUST_PROXY = "1";

const database = setUpTestDatabase();
const output: string[] = [];
beforeAll(async () => {
  // Everything the server logs during the test, to check that no secret reaches the logs.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      output.push(String(chunk));
      return write(chunk, ...(rest as []));
    });
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
});

function signIn(email: string, password: string, ip = "203.0.113.7", headers: Record<string, string> = {}) {
  return signInHandler(
    new Request("http://localhost:3000/api/auth/signin", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        host: "localhost:3000",
        "x-regroup-remote-address": ip,
        ...headers,
      },
      body: JSON.stringify({ email, password }),
    }),
  );
}

async function statuses(responses: Promise<Response>[]): Promise<Record<number, number>> {
  const counts: Record<number, number> = {};
  for (const response of await Promise.all(responses)) counts[response.status] = (counts[response.status] ?? 0) + 1;
  return counts;
}

describe("sign-in", () => {
  it("sets an httpOnly SameSite session cookie for the right password, and a generic 401 otherwise", async () => {
    await createUser("system", { email: "ada@example.com", role: "labeler", password: "correct horse battery" });
    const ok = await signIn("Ada@Example.com", "correct horse battery");
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^regroup_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    const token = cookie.split(";")[0]!.split("=")[1]!;
    expect(await userOfSession(token)).toMatchObject({ email: "ada@example.com", role: "labeler" });

    const wrongPassword = await signIn("ada@example.com", "wrong");
    const unknownEmail = await signIn("nobody@example.com", "wrong");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await unknownEmail.json());
  });

  it("answers 429 with Retry-After after 20 wrong passwords in a row from one address, even to the right one, until the window ends", async () => {
    await createUser("system", { email: "grace@example.com", role: "viewer", password: "the right password" });
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      expect((await signIn("grace@example.com", `guess ${attempt}`, "198.51.100.20")).status).toBe(401);
    }
    const limited = await signIn("grace@example.com", "the right password", "198.51.100.20");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(3);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("too_many_attempts");

    await sleep(3_200);
    expect((await signIn("grace@example.com", "the right password", "198.51.100.20")).status).toBe(200);
  });

  it("does not let an attacker's 50 wrong passwords from one address lock the owner out from another", async () => {
    await createUser("system", { email: "admin@regroup.test", role: "admin", password: "the admin's password" });
    const attack = await statuses(
      Array.from({ length: 50 }, (_, i) => signIn("admin@regroup.test", `guess ${i}`, "192.0.2.66")),
    );
    expect(attack).toEqual({ 401: 20, 429: 30 });
    expect((await signIn("admin@regroup.test", "the admin's password", "198.51.100.1")).status).toBe(200);
    // The attacker's address stays shut, right password or not.
    expect((await signIn("admin@regroup.test", "the admin's password", "192.0.2.66")).status).toBe(429);
  });

  it("checks at most the limit of 30 parallel wrong passwords from one address (no burst past it)", async () => {
    await createUser("system", { email: "burst@example.com", role: "viewer", password: "burst password!!" });
    const burst = await statuses(
      Array.from({ length: 30 }, (_, i) => signIn("burst@example.com", `parallel guess ${i}`, "192.0.2.30")),
    );
    expect(burst).toEqual({ 401: 20, 429: 10 });
    expect((await signIn("burst@example.com", "burst password!!", "192.0.2.30")).status).toBe(429);
  });

  it("refuses an email everywhere once many addresses together reach its much higher ceiling", async () => {
    await createUser("system", { email: "target@example.com", role: "viewer", password: "target password!" });
    for (let attempt = 1; attempt <= 45; attempt += 1) {
      expect((await signIn("target@example.com", "wrong", `198.18.0.${attempt}`)).status).toBe(401);
    }
    expect((await signIn("target@example.com", "target password!", "198.18.1.1")).status).toBe(429);
  });

  it("limits an address that tries many emails", async () => {
    await createUser("system", { email: "linus@example.com", role: "viewer", password: "linus password!" });
    for (let attempt = 1; attempt <= 30; attempt += 1) {
      await signIn(`spray-${attempt}@example.com`, "password123", "192.0.2.50");
    }
    expect((await signIn("linus@example.com", "linus password!", "192.0.2.50")).status).toBe(429);
    expect((await signIn("linus@example.com", "linus password!", "192.0.2.51")).status).toBe(200);
  });

  it("counts the address the trusted proxy appended to X-Forwarded-For, not the left-most one a client sent", async () => {
    await createUser("system", { email: "proxied@example.com", role: "viewer", password: "proxied password" });
    const behindProxy = (spoofed: string) => ({ "x-forwarded-for": `${spoofed}, 203.0.113.99` });
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const response = await signIn("proxied@example.com", "wrong", "10.0.0.1", behindProxy(`198.51.100.${attempt}`));
      expect(response.status).toBe(401);
    }
    const spoofed = await signIn("proxied@example.com", "proxied password", "10.0.0.1", behindProxy("192.0.2.222"));
    expect(spoofed.status).toBe(429);
    const other = await signIn("proxied@example.com", "proxied password", "10.0.0.1", {
      "x-forwarded-for": "203.0.113.100",
    });
    expect(other.status).toBe(200);
  });

  it("marks the cookie Secure when the trusted proxy says the browser used https", async () => {
    await createUser("system", { email: "tls@example.com", role: "viewer", password: "tls password!!" });
    const response = await signIn("tls@example.com", "tls password!!", "10.0.0.2", { "x-forwarded-proto": "https" });
    expect(response.headers.get("set-cookie")).toMatch(/; Secure$/);
  });

  it("keeps no password or session token in clear, in the database or in the logs", async () => {
    const password = "plaintext-canary-password";
    await createUser("system", { email: "canary@example.com", role: "admin", password });
    const response = await signIn("canary@example.com", password);
    const token = response.headers.get("set-cookie")!.split(";")[0]!.split("=")[1]!;
    await signIn("canary@example.com", "another-wrong-canary");

    const tables = await database.driver.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    );
    let dump = "";
    for (const { tablename } of tables) {
      const rows = await database.driver.query(`SELECT row_to_json(t)::text AS row FROM "${tablename}" t`);
      dump += JSON.stringify(rows);
    }
    expect(dump).toContain("canary@example.com");
    expect(dump).toContain("$argon2id$");
    for (const secret of [password, token, "another-wrong-canary"]) {
      expect(dump).not.toContain(secret);
      expect(output.join("")).not.toContain(secret);
    }
  });
});
