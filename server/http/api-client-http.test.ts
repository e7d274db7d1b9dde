import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/contracts/endpoints";
import { api, ApiError } from "@/lib/queries/api";
import { setUpTestApi } from "../testing/test-environment";
import { signedInAs } from "../testing/users";

// The browser's client (lib/queries/api.ts) against the real route files over real HTTP, on the embedded database.
const server = setUpTestApi();

describe("api(endpoint, …) over HTTP", () => {
  it("builds the URL from the table, sends the body, and parses the answer with the response schema", async () => {
    const admin = await signedInAs("admin");
    const call = { baseUrl: server.url, headers: { cookie: admin.cookie, origin: server.url } };
    const { user } = await api(endpoints.createUser, {
      ...call,
      body: { email: "new-user@test.example", role: "viewer", password: "a-long-enough-password" },
    });
    expect(user).toMatchObject({ email: "new-user@test.example", role: "viewer", disabled: false });
    const updated = await api(endpoints.updateUser, { ...call, params: { id: user.id }, body: { role: "labeler" } });
    expect(updated.user.role).toBe("labeler");
    const audit = await api(endpoints.listAudit, { ...call, query: { target: `user:${user.id}`, limit: 1 } });
    expect(audit.entries).toHaveLength(1);
  });

  it("turns an error answer into an ApiError with the server's code and message", async () => {
    const viewer = await signedInAs("viewer");
    const refused = await api(endpoints.listUsers, { baseUrl: server.url, headers: { cookie: viewer.cookie } }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 403, code: "forbidden", message: expect.stringContaining("admin role") });
  });

  it("stops when its signal aborts", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(api(endpoints.health, { baseUrl: server.url, signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});
