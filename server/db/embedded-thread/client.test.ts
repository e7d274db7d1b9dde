import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { messages } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThreadedPGlite } from "./client";

let db: ThreadedPGlite;

beforeAll(async () => {
  db = await ThreadedPGlite.open(undefined);
  await db.exec("CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL, v vector(3))");
}, 60_000);

afterAll(async () => {
  await db.close();
});

describe("the embedded database on its own thread", () => {
  it("returns rows, fields and counts as PGlite does, with vectors sent in binary", async () => {
    const inserted = await db.query("INSERT INTO item VALUES ($1, $2, $3), (2, 'b', NULL)", [1, "a", "[1,2,3]"]);
    expect(inserted.affectedRows).toBe(2);
    const result = await db.query<{ id: number; name: string; v: string | null }>(
      "SELECT id, name, v::text AS v FROM item ORDER BY id",
    );
    expect(result.rows).toEqual([
      { id: 1, name: "a", v: "[1,2,3]" },
      { id: 2, name: "b", v: null },
    ]);
    expect(result.fields.map((field) => field.name)).toEqual(["id", "name", "v"]);
    const arrays = await db.query("SELECT id FROM item ORDER BY id", [], { rowMode: "array" });
    expect(arrays.rows).toEqual([[1], [2]]);
  });

  it("runs the caller's parsers in the caller's thread, on the text PostgreSQL sent", async () => {
    const seen: [string, number | undefined][] = [];
    const parse = (value: string, type?: number) => (seen.push([value, type]), `#${value}`);
    const result = await db.query<{ id: string; name: string }>("SELECT id, name FROM item ORDER BY id", [], {
      parsers: { 23: parse as (value: string) => unknown },
    });
    expect(result.rows).toEqual([
      { id: "#1", name: "a" },
      { id: "#2", name: "b" },
    ]);
    expect(seen).toEqual([
      ["1", 23],
      ["2", 23],
    ]);
  });

  it("gives PostgreSQL's errors as PGlite's DatabaseError, with their fields", async () => {
    const error = await db.query("INSERT INTO item VALUES (1, 'again', NULL)").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error).toMatchObject({ code: "23505", constraint: "item_pkey", severity: "ERROR" });
    expect((error as Error).message).toContain("duplicate key value violates unique constraint");
  });

  it("keeps a transaction to itself: others wait for it, and a failure inside rolls it all back", async () => {
    const order: string[] = [];
    let outside: Promise<unknown> | undefined;
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO item VALUES (10, 'in tx', NULL)");
      outside = db
        .query<{ n: number }>("SELECT count(*)::int AS n FROM item WHERE id = 10")
        .then((result) => order.push(`outside saw ${result.rows[0]!.n}`));
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push("commit");
    });
    await outside;
    expect(order).toEqual(["commit", "outside saw 1"]);

    const failed = db.transaction(async (tx) => {
      await tx.query("INSERT INTO item VALUES (11, 'rolled back', NULL)");
      await tx.query("INSERT INTO item VALUES (1, 'duplicate', NULL)");
    });
    await expect(failed).rejects.toMatchObject({ code: "23505" });
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO item VALUES (12, 'rolled back too', NULL)");
      await tx.rollback();
    });
    const left = await db.query<{ id: number }>("SELECT id FROM item WHERE id >= 10 ORDER BY id");
    expect(left.rows).toEqual([{ id: 10 }]);
  });

  it("opens a transaction with its first statement, even when the next ones are sent before it is answered", async () => {
    let release!: () => void;
    const holding = db.transaction(async (tx) => {
      await tx.query("SELECT 1");
      await new Promise<void>((resolve) => (release = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The first statement waits for the session that the transaction above holds; the second arrives meanwhile.
    const waiting = db.transaction(async (tx) => {
      await Promise.all([
        tx.query("INSERT INTO item VALUES (20, 'first', NULL)"),
        tx.query("INSERT INTO item VALUES (21, 'second', NULL)"),
      ]);
      await tx.rollback();
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await Promise.all([holding, waiting]);
    // Both were in the transaction: the rollback took both back.
    expect((await db.query("SELECT id FROM item WHERE id IN (20, 21)")).rows).toEqual([]);
    // A transaction that sends no statement holds nothing: the next statement runs at once.
    await db.transaction(async () => undefined);
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM item WHERE id = 10")).rows).toEqual([
      { n: 1 },
    ]);
  });

  it("runs an urgent statement before the ordinary ones waiting for the session, after the transaction holding it", async () => {
    await db.exec("CREATE TABLE arrival (seq serial PRIMARY KEY, name text NOT NULL)");
    let release!: () => void;
    const holding = db.transaction(async (tx) => {
      await tx.query("INSERT INTO arrival (name) VALUES ('transaction')");
      await new Promise<void>((resolve) => (release = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const ordinary = db.query("INSERT INTO arrival (name) VALUES ('ordinary')");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const urgent = db.urgentQuery("INSERT INTO arrival (name) VALUES ('urgent')");
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await Promise.all([holding, ordinary, urgent]);
    const rows = await db.query<{ name: string }>("SELECT name FROM arrival ORDER BY seq");
    expect(rows.rows.map((row) => row.name)).toEqual(["transaction", "urgent", "ordinary"]);
  });

  it("keeps what it wrote in a directory after it is closed and opened again", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "regroup-thread-"));
    try {
      const first = await ThreadedPGlite.open(dir);
      await first.exec("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
      await first.close();
      await expect(first.query("SELECT 1")).rejects.toThrow("closed");
      const second = await ThreadedPGlite.open(dir);
      expect((await second.query("SELECT id FROM kept")).rows).toEqual([{ id: 7 }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("does not keep a process alive once it has nothing to do, even left open", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "regroup-thread-"));
    const script = path.join(dir, "left-open.mts");
    writeFileSync(
      script,
      [
        `import { ThreadedPGlite } from ${JSON.stringify(path.resolve(import.meta.dirname, "client.ts"))};`,
        `const db = await ThreadedPGlite.open(undefined);`,
        `console.log(JSON.stringify((await db.query("SELECT 41 + 1 AS answer")).rows));`,
      ].join("\n"),
    );
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "--import", "./scripts/runtime/register.mjs", script],
        { cwd: path.resolve(import.meta.dirname, "../../.."), timeout: 60_000 },
      );
      expect(stdout.trim()).toBe('[{"answer":42}]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
