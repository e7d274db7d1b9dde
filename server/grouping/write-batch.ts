import "server-only";
import { Prisma, type Transaction } from "../db/client";
import { jsonRecordset } from "../db/bulk-insert";
import { DECISION_COLUMNS, decisionData, type DecisionInput } from "./decisions";
import { projectKey } from "../projects/project-key";
import type { NewRecord } from "./records";
import { firstOfEachKey, recordRowsSql } from "./records-batch";

/**
 * What one grouping call writes: its new record (threshold-gated by the caller) and its decision, whose `inserted`
 * the write sets (whether this call's record is the one stored).
 */
export interface WriteItem {
  record: NewRecord | null;
  decision: Omit<DecisionInput, "inserted"> | null;
}

export interface WriteResult {
  inserted: boolean;
  decisionId: number | null;
}

/**
 * Many calls' records and decisions in one statement (data-modifying CTEs): the records inserted with
 * `ON CONFLICT DO NOTHING`, the decisions with `inserted` read from what that insert returned. One statement is atomic
 * on its own, so it needs no transaction around it, and the session is held for one statement, not for a
 * transaction's round trips. A (project, hash) that exists, or that an earlier item of the list stores, is not
 * inserted again (the first one wins, as when the calls arrive one by one).
 */
export async function writeRecordsAndDecisions(tx: Transaction, items: WriteItem[]): Promise<WriteResult[]> {
  if (items.length === 0) return [];
  const records = items.flatMap((item) => (item.record ? [item.record] : []));
  const firsts = firstOfEachKey(records);
  const recordItems = items.flatMap((item, index) => (item.record ? [index] : []));
  /** Per item, whether its record is the first of its key in the list (the one that may be inserted). */
  const claims = items.map(() => false);
  firsts.forEach((recordIndex) => (claims[recordItems[recordIndex]!] = true));

  const inserted = records.length
    ? Prisma.sql`INSERT INTO grouping_records ${recordRowsSql(firsts.map((index) => records[index]!))}
        ON CONFLICT (project_id, hash) DO NOTHING RETURNING project_id, hash`
    : Prisma.sql`SELECT NULL::int AS project_id, NULL::text AS hash WHERE false`;
  const decisions = items.flatMap((item, index) =>
    item.decision ? [{ ...decisionData({ ...item.decision, inserted: false }), claims_record: claims[index] }] : [],
  );
  const names = Object.keys(DECISION_COLUMNS);
  const values = names.map((name) =>
    name === "inserted"
      ? "r.claims_record AND EXISTS (SELECT 1 FROM inserted i WHERE i.project_id = r.project_id AND i.hash = r.hash)"
      : `r.${name}`,
  );
  const decided = decisions.length
    ? Prisma.sql`INSERT INTO grouping_decisions (${Prisma.raw(names.join(", "))})
        SELECT ${Prisma.raw(values.join(", "))}
          FROM ${jsonRecordset({ ...DECISION_COLUMNS, claims_record: "boolean" }, decisions)}
         ORDER BY r.ordinality
        RETURNING id`
    : Prisma.sql`SELECT NULL::int AS id WHERE false`;
  const rows = await tx.$queryRaw<{ project_id: number | null; hash: string | null; id: number | null }[]>`
    WITH inserted AS (${inserted}), decided AS (${decided})
    SELECT project_id, hash, NULL::int AS id FROM inserted
    UNION ALL SELECT NULL, NULL, id FROM decided`;

  const insertedKeys = new Set(
    rows.flatMap((row) => (row.hash !== null ? [projectKey(row.project_id!, row.hash)] : [])),
  );
  // Serial ids are given in the order the rows were inserted, which is the decisions' order (ORDER BY ordinality).
  const ids = rows.flatMap((row) => (row.id !== null ? [row.id] : [])).sort((a, b) => a - b);
  let nextId = 0;
  return items.map((item, index) => ({
    inserted: claims[index]! && insertedKeys.has(projectKey(item.record!.projectId, item.record!.hash)),
    decisionId: item.decision ? ids[nextId++]! : null,
  }));
}
