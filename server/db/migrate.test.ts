import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDeclaredTables } from "../testing/prisma-schema";
import { openDatabase, type Database } from "./client";
import { migrate, MigrationError, readMigrations } from "./migrate";

let database: Database;

beforeAll(async () => {
  database = await openDatabase({ dataDir: "memory://", role: "test" });
});
afterAll(async () => database?.close());

interface ColumnRow {
  table_name: string;
  column_name: string;
  type: string;
  not_null: boolean;
}

describe("migrations on a fresh database", () => {
  it("applies every migration once, in order, recorded in _prisma_migrations", async () => {
    const files = readMigrations();
    const first = await migrate(database.driver);
    expect(first.applied).toEqual(files.map((f) => f.name));

    const again = await migrate(database.driver);
    expect(again).toEqual({ applied: [], alreadyApplied: files.length });

    const rows = await database.driver.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("creates every table and column of schema.prisma with the declared type and nullability", async () => {
    const actual = await database.driver.query<ColumnRow>(`
      SELECT c.relname AS table_name, a.attname AS column_name,
             format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`);
    const byTable = new Map<string, Map<string, ColumnRow>>();
    for (const row of actual) {
      if (!byTable.has(row.table_name)) byTable.set(row.table_name, new Map());
      byTable.get(row.table_name)!.set(row.column_name, row);
    }

    const declared = readDeclaredTables();
    expect(declared.map((t) => t.table)).toEqual(
      expect.arrayContaining(["projects", "groups", "group_hashes", "events", "grouping_records"]),
    );
    for (const table of declared) {
      const columns = byTable.get(table.table);
      expect(columns, `table ${table.table} (model ${table.model})`).toBeDefined();
      for (const column of table.columns) {
        const found = columns!.get(column.name);
        expect(found, `column ${table.table}.${column.name}`).toBeDefined();
        expect(found!.type, `type of ${table.table}.${column.name}`).toBe(column.type);
        if (column.nullable !== "array") {
          expect(found!.not_null, `NOT NULL of ${table.table}.${column.name}`).toBe(!column.nullable);
        }
      }
      // The database has no column that the schema does not know about.
      expect([...columns!.keys()].sort()).toEqual(table.columns.map((c) => c.name).sort());
    }
  });

  it("backs every @id, @unique, @@unique and @@index of schema.prisma with an index", async () => {
    const indexes = await database.driver.query<{ table_name: string; columns: string[]; is_unique: boolean }>(`
      SELECT t.relname AS table_name, i.indisunique AS is_unique,
             array_agg(a.attname ORDER BY k.ord)::text[] AS columns
        FROM pg_index i
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public'
       GROUP BY i.indexrelid, t.relname, i.indisunique`);
    const has = (table: string, columns: string[], unique: boolean) =>
      indexes.some(
        (index) =>
          index.table_name === table && (!unique || index.is_unique) && index.columns.join(",") === columns.join(","),
      );
    for (const table of readDeclaredTables()) {
      for (const columns of table.unique)
        expect(has(table.table, columns, true), `unique ${table.table}(${columns})`).toBe(true);
      for (const columns of table.indexed)
        expect(has(table.table, columns, false), `index ${table.table}(${columns})`).toBe(true);
    }
  });

  it("partitions grouping_records by hash of project_id into 100 partitions, each with an HNSW cosine index per model column", async () => {
    const [partitioning] = await database.driver.query<{ strategy: string; key: string }>(`
      SELECT p.partstrat AS strategy, pg_get_partkeydef(p.partrelid) AS key
        FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid WHERE c.relname = 'grouping_records'`);
    expect(partitioning).toEqual({ strategy: "h", key: "HASH (project_id)" });

    const [{ partitions }] = (await database.driver.query<{ partitions: number }>(
      `SELECT count(*)::int AS partitions FROM pg_inherits WHERE inhparent = 'grouping_records'::regclass`,
    )) as [{ partitions: number }];
    expect(partitions).toBe(100);

    const parentIndexes = await database.driver.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'grouping_records' AND indexdef LIKE '%hnsw%' ORDER BY indexname`,
    );
    expect(parentIndexes.map((i) => i.indexdef.replace(/^.* USING /, ""))).toEqual([
      "hnsw (v1 vector_cosine_ops) WITH (m='8', ef_construction='64')",
      "hnsw (v2 vector_cosine_ops) WITH (m='8', ef_construction='64')",
    ]);
    const [{ partitionIndexes }] = (await database.driver.query<{ partitionIndexes: number }>(
      `SELECT count(*)::int AS "partitionIndexes" FROM pg_indexes
        WHERE tablename LIKE 'grouping_records_p%' AND indexdef LIKE '%USING hnsw%'`,
    )) as [{ partitionIndexes: number }];
    expect(partitionIndexes).toBe(200);
    // Each partition's graph links a record to 8 neighbours and takes new ones with ef_construction 64 (the migrations
    // that set them say why).
    const settings = await database.driver.query<{ setting: string; indexes: number }>(
      `SELECT array_to_string(c.reloptions, ',') AS setting, count(*)::int AS indexes
         FROM pg_class c JOIN pg_am am ON am.oid = c.relam
        WHERE am.amname = 'hnsw' AND c.relname LIKE 'grouping_records_p%'
        GROUP BY 1`,
    );
    expect(settings).toEqual([{ setting: "m=8,ef_construction=64", indexes: 200 }]);
  });

  it("finds the nearest vector of a project with the HNSW index, and keeps (project_id, hash) unique", async () => {
    const vec = (x: number) => `[${Array.from({ length: 64 }, (_, i) => (i === 0 ? 1 : i === 1 ? x : 0)).join(",")}]`;
    await database.driver.query(
      `INSERT INTO grouping_records (project_id, hash, v2) VALUES (7, 'a', $1), (7, 'b', $2), (8, 'c', $3)`,
      [vec(0), vec(1), vec(0.01)],
    );
    const nearest = await database.driver.transaction(async (tx) => {
      await tx.exec("SET LOCAL hnsw.ef_search = 100");
      return tx.query<{ hash: string; distance: number }>(
        `SELECT hash, v2 <=> $1::vector AS distance FROM grouping_records
          WHERE project_id = 7 AND v2 IS NOT NULL ORDER BY v2 <=> $1::vector LIMIT 1`,
        [vec(0.02)],
      );
    });
    expect(nearest[0]?.hash).toBe("a");
    expect(nearest[0]?.distance).toBeLessThan(0.001);
    await expect(
      database.driver.query(`INSERT INTO grouping_records (project_id, hash) VALUES (7, 'a')`),
    ).rejects.toThrow(/duplicate key/);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const edited = readMigrations().map((file, index) => (index === 0 ? { ...file, checksum: "0".repeat(64) } : file));
    await expect(migrate(database.driver, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(database.driver, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const broken = [
      ...readMigrations(),
      {
        name: "29991231000000_broken",
        sql: "CREATE TABLE half_written (id int); SELECT no_such_function();",
        checksum: "x",
      },
    ];
    await expect(migrate(database.driver, broken)).rejects.toThrow(/29991231000000_broken failed/);
    const [table] = await database.driver.query(`SELECT to_regclass('half_written') AS t`);
    expect(table).toEqual({ t: null });
    const recorded = await database.driver.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`,
    );
    expect(recorded).toHaveLength(0);
  });
});
