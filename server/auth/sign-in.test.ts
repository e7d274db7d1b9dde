import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../db/client";
import { createTestDatabase } from "../testing/database";
import { createUser } from "../users/service";
import { signInHandler } from "./http";
import { userOfSession } from "./session";

// A short window so the test can wait it out; the limit is the production default (20).
process.env.SIGNIN_WINDOW_SECONDS = "3";

let database: Database;
const output: string[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
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
  await database?.close();
});

function signIn(email: string, password: string, ip = "203.0.113.7") {
  return signInHandler(
    new Request("http://localhost:3000/api/auth/signin", {
      method: "POST",
      headers: { "content-type": "application/json", host: "localhost:3000", "x-regroup-remote-address": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

  it("answers 429 with Retry-After after 20 wrong passwords in a row, and lets the right one in after the window", async () => {
    await createUser("system", { email: "grace@example.com", role: "viewer", password: "the right password" });
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      expect((await signIn("grace@example.com", `guess ${attempt}`, `198.51.100.${attempt}`)).status).toBe(401);
    }
    const limited = await signIn("grace@example.com", "the right password", "198.51.100.99");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(3);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("too_many_attempts");

    await sleep(3_200);
    expect((await signIn("grace@example.com", "the right password", "198.51.100.99")).status).toBe(200);
  });

  it("limits an IP address that tries many emails", async () => {
    await createUser("system", { email: "linus@example.com", role: "viewer", password: "linus password!" });
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      await signIn(`spray-${attempt}@example.com`, "password123", "192.0.2.50");
    }
    expect((await signIn("linus@example.com", "linus password!", "192.0.2.50")).status).toBe(429);
    expect((await signIn("linus@example.com", "linus password!", "192.0.2.51")).status).toBe(200);
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
