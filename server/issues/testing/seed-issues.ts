/**
 * A project with many issues for the issue stream's benchmark, bulk-inserted in SQL: what ingest would have written
 * for each issue (the group, the event that created it, its AI decision when it reached the AI step) and for the AI
 * merges into some of them (the merged event and its decision). Deterministic: the same arguments give the same rows.
 *
 * Of the issues, about 55% are new fingerprints that skipped the AI step, the rest were started when the AI step found
 * nothing (v1 for 70% of them, v2 for the others), and 1 in 13 has one or two AI merges. Titles are
 * "Type: verb noun for order N (hex)" over 20 exception types and 20 nouns, culprits "module in function" over 10 of
 * each; first seen over the last 90 days; event counts skewed (most issues have one, a few thousands).
 */
import type { SqlDriver } from "../../db/driver";

const types = [
  "TypeError",
  "ValueError",
  "KeyError",
  "TimeoutError",
  "ConnectionError",
  "PermissionError",
  "RuntimeError",
  "IndexError",
  "AttributeError",
  "ZeroDivisionError",
  "NullPointerException",
  "IllegalStateException",
  "RangeError",
  "SyntaxError",
  "OSError",
  "IOError",
  "ArgumentError",
  "NoMethodError",
  "RecordNotFound",
  "DeadlineExceeded",
];
const nouns = [
  "inventory",
  "cart",
  "payment",
  "invoice",
  "session",
  "token",
  "user",
  "shipment",
  "coupon",
  "price",
  "catalog",
  "search",
  "report",
  "export",
  "upload",
  "webhook",
  "account",
  "address",
  "refund",
  "order",
];
const verbs = [
  "could not load",
  "failed to save",
  "missing",
  "invalid",
  "timed out reading",
  "refused",
  "expired",
  "not found:",
  "unexpected",
  "duplicate",
];
const modules = [
  "billing.api",
  "checkout.views",
  "orders.models",
  "auth.middleware",
  "search.indexer",
  "payments.gateway",
  "inventory.sync",
  "mailer.tasks",
  "reports.export",
  "users.profile",
];
const functions = ["handle", "process", "save", "load", "charge", "render", "dispatch", "validate", "sync", "retry"];

/** Inserts the project and its issues; returns when every row is written. */
export async function seedIssues(driver: SqlDriver, options: { projectId: number; issues: number }): Promise<void> {
  const { projectId, issues } = options;
  await driver.query(
    `INSERT INTO projects (id, slug, name, platform) VALUES ($1::int, 'bench-' || $1::int, 'Bench ' || $1::int, 'python')`,
    [projectId],
  );
  await driver.query(
    `INSERT INTO groups (project_id, title, culprit, first_seen, last_seen, times_seen)
     SELECT $1::int,
            ($2::text[])[1 + ((i * 31) % 20)::int] || ': ' || ($4::text[])[1 + ((i * 13) % 10)::int] || ' ' ||
              ($3::text[])[1 + ((i * 17) % 20)::int] || ' for order ' || ((i * 7) % 100000) || ' (' || substr(md5(i::text), 1, 6) || ')',
            ($5::text[])[1 + ((i * 7) % 10)::int] || ' in ' || ($6::text[])[1 + ((i * 3) % 10)::int],
            seen.first_seen,
            seen.first_seen + ((i * 15485863) % 1000) / 1000.0 * (now() - seen.first_seen),
            1 + floor(power(((i * 7919) % 10007)::float8 / 10007, 8) * 5000)::int
       FROM generate_series(1, $7::bigint) AS i,
            LATERAL (SELECT now() - ((i * 104729) % (90 * 24 * 60)) * interval '1 minute' AS first_seen) AS seen`,
    [projectId, types, nouns, verbs, modules, functions, issues],
  );
  // The event that created each issue: skipped the AI step (no stack trace) for about 55% of them.
  await driver.query(
    `INSERT INTO events (event_id, project_id, group_id, platform, title, payload, hashes, grouping_method,
                         ai_ineligible_reason, received_at)
     SELECT md5('new-' || g.id), g.project_id, g.id, 'python', g.title, '{}'::jsonb, ARRAY[md5('hash-' || g.id)], 'new',
            CASE WHEN (g.id * 37) % 20 < 11 THEN 'the event has no stack trace' END, g.first_seen
       FROM groups g WHERE g.project_id = $1`,
    [projectId],
  );
  // AI merges into 1 in 13 issues: one event each, two for a third of them.
  await driver.query(
    `INSERT INTO events (event_id, project_id, group_id, platform, title, payload, hashes, grouping_method, received_at)
     SELECT md5('ai-' || g.id || '-' || n), g.project_id, g.id, 'python', g.title, '{}'::jsonb,
            ARRAY[md5('hash-' || g.id || '-' || n)], 'ai', g.first_seen + n * interval '1 minute'
       FROM groups g, generate_series(1, CASE WHEN g.id % 3 = 0 THEN 2 ELSE 1 END) AS n
      WHERE g.project_id = $1 AND (g.id * 53) % 13 = 0`,
    [projectId],
  );
  // The AI decisions of the events that reached the AI step: v1 answered 70% of the issues, v2 the others.
  await driver.query(
    `INSERT INTO grouping_decisions (project_id, hash, event_id, model_requested, model_used, parent_hash, distance,
                                     threshold, should_group, latency_ms, created_at)
     SELECT e.project_id, e.hashes[1], e.id, model.version, model.version,
            CASE WHEN e.grouping_method = 'ai' THEN md5('hash-' || e.group_id) END,
            CASE WHEN e.grouping_method = 'ai' THEN 0.004 END,
            CASE WHEN model.version = 'v1' THEN 0.01 ELSE 0.05 END, e.grouping_method = 'ai', 4.2, e.received_at
       FROM events e,
            LATERAL (SELECT CASE WHEN (e.group_id * 11) % 10 < 7 THEN 'v1' ELSE 'v2' END AS version) AS model
      WHERE e.project_id = $1 AND e.ai_ineligible_reason IS NULL`,
    [projectId],
  );
}
