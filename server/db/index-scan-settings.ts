import "server-only";

/**
 * The HNSW settings every kNN search runs under, set once per database session when it opens (embedded: the one
 * session; PostgreSQL: each pooled connection) instead of in a transaction around each search: a wider search
 * (ef_search = 100, pgvector's default is 40), and iterative scans that keep going until enough rows pass the
 * filters (project, own hash), in order. A search is then one statement, with no transaction to open and close.
 * Custom settings can be set before pgvector is loaded in the session; it checks them when it loads.
 */
export const INDEX_SCAN_SETTINGS =
  "SELECT set_config('hnsw.ef_search', '100', false), set_config('hnsw.iterative_scan', 'strict_order', false)";
