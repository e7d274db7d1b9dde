import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, Prisma } from "./client";
import { openPostgresDriver } from "./postgres-driver";
import { toVector, vectorParam } from "./vectors";

// The pg driver over the wire, against PGlite served on a loopback port (no native PostgreSQL here).
let pglite: PGlite;
let server: PGLiteSocketServer;
let url: string;
beforeAll(async () => {
  pglite = await PGlite.create({ extensions: { vector } });
  await pglite.exec("CREATE EXTENSION vector");
  server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 20 });
  await server.start();
  url = `postgres://postgres@127.0.0.1:${server.getServerConn().split(":").pop()}/postgres`;
});
afterAll(async () => {
  await server?.stop();
  await pglite?.close();
});

describe("PostgreSQL driver", () => {
  it("starts every session with the statement timeout and the kNN settings", async () => {
    const driver = await openPostgresDriver(url, 30_000);
    try {
      const [row] = await driver.query<{ statement_timeout: string }>("SHOW statement_timeout");
      expect(row?.statement_timeout).toBe("30s");
      // And with the HNSW settings every kNN search relies on (index-scan-settings.ts), kept after a transaction.
      await driver.transaction((tx) => tx.exec("SET LOCAL hnsw.ef_search = 7"));
      const [scan] = await driver.query<{ ef: string; iterative: string }>(
        "SELECT current_setting('hnsw.ef_search') AS ef, current_setting('hnsw.iterative_scan') AS iterative",
      );
      expect(scan).toEqual({ ef: "100", iterative: "strict_order" });
    } finally {
      await driver.close();
    }
  });

  it("runs an urgent statement (the inbox insert) with its arrays of ints, texts and timestamps", async () => {
    const driver = await openPostgresDriver(url, 30_000);
    try {
      await driver.exec(
        "CREATE TABLE inbox_shape (project_id int, event_id text, payload text, accepted_at timestamptz)",
      );
      const at = new Date("2026-12-07T10:00:00.123Z");
      await driver.urgentQuery(
        `INSERT INTO inbox_shape SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[])`,
        [
          [7, 8],
          ["a".repeat(32), "b".repeat(32)],
          ['{"x":1}', '{"y":"it\'s"}'],
          [at.toISOString(), at.toISOString()],
        ],
      );
      const rows = await driver.query<{ project_id: number; payload: string; accepted_at: Date }>(
        "SELECT project_id, payload, accepted_at FROM inbox_shape ORDER BY project_id",
      );
      expect(rows).toEqual([
        { project_id: 7, payload: '{"x":1}', accepted_at: at },
        { project_id: 8, payload: '{"y":"it\'s"}', accepted_at: at },
      ]);
    } finally {
      await driver.exec("DROP TABLE IF EXISTS inbox_shape");
      await driver.close();
    }
  });

  it("sends embeddings through Prisma in pgvector's binary form, read as the floats their text form gives", async () => {
    const database = await openDatabase({ url, dataDir: "", role: "test" });
    try {
      const values = Array.from({ length: 768 }, (_, i) => Math.sin(i * 12.9898) * (i % 7 === 0 ? 1e-7 : 0.7));
      const [row] = await database.prisma.$queryRaw<{ binary: string; text: string }[]>(Prisma.sql`
        SELECT ${vectorParam(values, 768)}::vector::text AS binary, ${toVector(values, 768)}::vector::text AS text`);
      expect(row!.binary).toBe(row!.text);
      expect(row!.binary.split(",")).toHaveLength(768);
    } finally {
      await database.close();
    }
  });
});
