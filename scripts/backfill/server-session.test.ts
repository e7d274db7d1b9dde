import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApi } from "../../server/testing/test-environment";
import { createUser } from "../../server/users/service";
import { ServerSignInError, withServerSession } from "./server-session";

const server = setUpTestApi();
const database = server.database;
const admin = { email: "backfill-admin@example.com", password: "backfill admin password" };
beforeAll(async () => {
  await createUser("system", { ...admin, role: "admin" });
});

const sessions = () => database.prisma.session.count({ where: { user: { email: admin.email } } });

describe("the backfill CLI's session on a server", () => {
  it("is signed in while the work runs and signed out after it", async () => {
    const status = await withServerSession(server.url, admin, async (cookie) => {
      expect(await sessions()).toBe(1);
      return (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status;
    });
    expect(status).toBe(200);
    expect(await sessions()).toBe(0);
  });

  it("is signed out when the work fails", async () => {
    await expect(
      withServerSession(server.url, admin, () => Promise.reject(new Error("the server refused the backfill"))),
    ).rejects.toThrow("the server refused the backfill");
    expect(await sessions()).toBe(0);
  });

  it("says why when the sign-in is refused", async () => {
    await expect(
      withServerSession(server.url, { ...admin, password: "wrong" }, () => Promise.resolve()),
    ).rejects.toThrow(ServerSignInError);
  });
});
