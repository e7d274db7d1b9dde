import "server-only";
import type { PGlite, QueryOptions, Results, Transaction } from "@electric-sql/pglite";
import type { PGliteSession } from "./embedded-thread/client";
import { openPGlite } from "./open-pglite";
import { applyCallerParsers, TextColumns } from "./text-columns";

type Queryable = Pick<PGlite, "query">;

/**
 * PGlite on the caller's thread (`EMBEDDED_DATABASE_THREAD=main`, and the unit tests), with a caller's own parsers
 * handled as the database's thread handles them (text-columns.ts): the column types the ORM's adapter parses itself
 * come back as text through PGlite's own parser map, adopted once, instead of being merged into a copy of that map
 * on every statement; then the caller's parsers run on them.
 */
export class LocalPGlite implements PGliteSession {
  private constructor(
    private readonly pglite: PGlite,
    private readonly columns: TextColumns,
  ) {}

  static async open(dataDir: string | undefined): Promise<LocalPGlite> {
    const pglite = await openPGlite(dataDir);
    try {
      return new LocalPGlite(pglite, await TextColumns.open(pglite));
    } catch (error) {
      await pglite.close();
      throw error;
    }
  }

  private async run<Row>(
    session: Queryable,
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<Results<Row>> {
    const { parsers: callerParsers, ...rest } = options ?? {};
    const { parsers, finish } = this.columns.plan(callerParsers && Object.keys(callerParsers).map(Number));
    const result = await session.query<Row>(sql, params, { ...rest, parsers });
    finish?.(result.fields, result.rows);
    if (callerParsers) applyCallerParsers(result, callerParsers, rest.rowMode ?? "object");
    return result;
  }

  query<Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<Row>> {
    return this.run<Row>(this.pglite, sql, params, options);
  }

  /** As `query`: on the caller's thread, statements wait in PGlite's own lock, with no queue to go ahead in. */
  urgentQuery<Row>(sql: string, params?: unknown[]): Promise<Results<Row>> {
    return this.query<Row>(sql, params);
  }

  exec(sql: string): Promise<Results[]> {
    return this.pglite.exec(sql);
  }

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx) =>
      work(
        Object.assign(Object.create(tx) as Transaction, {
          query: <Row>(sql: string, params?: unknown[], options?: QueryOptions) =>
            this.run<Row>(tx, sql, params, options),
        }),
      ),
    );
  }

  close(): Promise<void> {
    return this.pglite.close();
  }
}
