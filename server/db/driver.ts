import "server-only";

/**
 * The raw SQL connection under Prisma, for what Prisma cannot do: multi-statement migration scripts and
 * the health probe. Embedded (PGlite) and PostgreSQL (pg) both implement it, so the same SQL runs on both.
 */
export interface SqlSession {
  /** Runs one or more statements without parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlDriver extends SqlSession {
  readonly kind: "embedded" | "postgres";
  /** Where the data lives, safe to print (no password). */
  readonly location: string;
  /**
   * Runs one statement that a caller is waiting on (the inbox insert an SDK's answer waits for). Where statements
   * share one session (the embedded database on its own thread), it goes before the ordinary ones waiting; elsewhere
   * it is `query`.
   */
  urgentQuery<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction on one session; rolls back when it throws. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
