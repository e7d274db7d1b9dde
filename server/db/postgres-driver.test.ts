import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresDriver } from "./postgres-driver";

// The pg driver over the wire, against PGlite served on a loopback port (no native PostgreSQL here).
let pglite: PGlite;
let server: PGLiteSocketServer;
let url: string;
beforeAll(async () => {
  pglite = await PGlite.create();
  server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0 });
  await server.start();
  url = `postgres://postgres@127.0.0.1:${server.getServerConn().split(":").pop()}/postgres`;
});
afterAll(async () => {
  await server?.stop();
  await pglite?.close();
});

describe("PostgreSQL driver", () => {
  it("starts every session with the statement timeout", async () => {
    const driver = await openPostgresDriver(url, 30_000);
    try {
      const [row] = await driver.query<{ statement_timeout: string }>("SHOW statement_timeout");
      expect(row?.statement_timeout).toBe("30s");
    } finally {
      await driver.close();
    }
  });
});
