import "server-only";
import { Prisma, type Transaction } from "../db/client";
import { jsonRecordset } from "../db/bulk-insert";
import { DECISION_COLUMNS, decisionData, type DecisionInput } from "../grouping/decisions";
import type { GroupBumps } from "./group-placement";
import { EVENT_COLUMNS, eventRow, type EventInsert } from "./insert-events";

/**
 * What a run of new hashes writes once its events are placed (batch-new-hashes.ts), as one statement of
 * data-modifying CTEs instead of one statement each: the new issues (ids drawn from their sequence in the statement),
 * the bumps of existing issues, the new hashes, the events, the training marks and the decisions. The embedded
 * database has one session, and the run's transaction holds it from its hash locks to its commit: every statement
 * less is a round trip less that the SDKs' accepts wait behind.
 *
 * An issue the run creates is referred to as `−n` (the n-th of `newGroups`, from 1) wherever an issue id goes.
 */
export interface RunWrites {
  newGroups: {
    projectId: number;
    title: string;
    culprit: string | null;
    seenFirst: Date;
    seenLast: Date;
    seen: number;
  }[];
  bumps: GroupBumps;
  newHashes: { projectId: number; hash: string; group: number; audit?: HashAudit }[];
  events: (EventInsert & { group: number })[];
  /** Known hashes that a training call indexed with `model`. */
  trained: { projectId: number; hash: string; model: string }[];
  /** Decisions, each with the event it was made for (by its event id; none for a training call). */
  decisions: { decision: DecisionInput; eventId: string | null }[];
}

/** The audit of the AI call stored on a new primary hash (ai-step.ts primaryHashAudit). */
export interface HashAudit {
  seerDateSent: Date;
  seerModelRequested: string;
  seerModelUsed: string;
  seerMatchedHash: string | null;
  seerMatchDistance: number | null;
  latestTrainingModel: string | null;
}

export interface RunWritten {
  /** The ids of the new issues, in the order of `newGroups`. */
  groupIds: number[];
  /** How many of the events were inserted: fewer when an event id was stored meanwhile (the run must roll back). */
  eventsInserted: number;
}

const GROUP_COLUMNS = {
  project_id: "int",
  title: "text",
  culprit: "text",
  first_seen: "timestamptz",
  last_seen: "timestamptz",
  times_seen: "int",
};
const BUMP_COLUMNS = { id: "int", seen_count: "int", seen_last: "timestamptz" };
const HASH_COLUMNS = {
  project_id: "int",
  hash: "text",
  group_id: "int",
  new_group: "int",
  seer_date_sent: "timestamptz",
  seer_model_requested: "text",
  seer_model_used: "text",
  seer_matched_hash: "text",
  seer_match_distance: "double precision",
  latest_training_model: "text",
};
const TRAINED_COLUMNS = { project_id: "int", hash: "text", model: "text" };

/** An issue reference as the columns `group_id` (an existing issue) and `new_group` (n of a new one). */
const groupRef = (group: number) =>
  group < 0 ? { group_id: null, new_group: -group } : { group_id: group, new_group: null };

/** The SQL list of a recordset's columns, prefixed `r.`, with some of them replaced by expressions. */
function selectList(names: string[], replaced: Record<string, string> = {}): Prisma.Sql {
  return Prisma.raw(names.map((name) => replaced[name] ?? `r.${name}`).join(", "));
}

/** An issue id from a row's `group_id`, or the id the statement drew for its `new_group`. */
const GROUP_ID = "COALESCE(r.group_id, (SELECT g.id FROM new_groups g WHERE g.ordinality = r.new_group))";

export async function writeRun(tx: Transaction, writes: RunWrites): Promise<RunWritten> {
  const groups = writes.newGroups.map((group) => ({
    project_id: group.projectId,
    title: group.title,
    culprit: group.culprit,
    first_seen: group.seenFirst,
    last_seen: group.seenLast,
    times_seen: group.seen,
  }));
  const bumps = [...writes.bumps].map(([id, bump]) => ({ id, seen_count: bump.count, seen_last: bump.lastSeen }));
  const hashes = writes.newHashes.map(({ projectId, hash, group, audit }) => ({
    project_id: projectId,
    hash,
    ...groupRef(group),
    seer_date_sent: audit?.seerDateSent ?? null,
    seer_model_requested: audit?.seerModelRequested ?? null,
    seer_model_used: audit?.seerModelUsed ?? null,
    seer_matched_hash: audit?.seerMatchedHash ?? null,
    seer_match_distance: audit?.seerMatchDistance ?? null,
    latest_training_model: audit?.latestTrainingModel ?? null,
  }));
  const events = writes.events.map(({ group, ...event }) => ({
    ...eventRow(event),
    ...groupRef(group),
  }));
  const trained = writes.trained.map(({ projectId, hash, model }) => ({ project_id: projectId, hash, model }));
  const decisions = writes.decisions.map(({ decision, eventId }) => ({
    ...decisionData(decision),
    event_key: eventId,
  }));

  const groupNames = Object.keys(GROUP_COLUMNS);
  const hashNames = Object.keys(HASH_COLUMNS).filter((name) => name !== "new_group");
  const eventNames = [...Object.keys(EVENT_COLUMNS), "group_id"];
  const decisionNames = Object.keys(DECISION_COLUMNS);
  const [row] = await tx.$queryRaw<{ group_ids: [number, number][]; events_inserted: number }[]>`
    WITH new_groups AS MATERIALIZED (
      SELECT r.ordinality, nextval(pg_get_serial_sequence('groups', 'id'))::int AS id, ${selectList(groupNames)}
        FROM ${jsonRecordset(GROUP_COLUMNS, groups)}
    ), inserted_groups AS (
      INSERT INTO groups (id, ${Prisma.raw(groupNames.join(", "))})
      SELECT r.id, ${selectList(groupNames)} FROM new_groups r ORDER BY r.ordinality
      RETURNING id
    ), bumped AS (
      UPDATE groups SET times_seen = groups.times_seen + r.seen_count, last_seen = GREATEST(groups.last_seen, r.seen_last)
        FROM ${jsonRecordset(BUMP_COLUMNS, bumps)}
       WHERE groups.id = r.id
      RETURNING groups.id
    ), inserted_hashes AS (
      INSERT INTO group_hashes (${Prisma.raw(hashNames.join(", "))})
      SELECT ${selectList(hashNames, { group_id: GROUP_ID })} FROM ${jsonRecordset(HASH_COLUMNS, hashes)}
       ORDER BY r.ordinality
      RETURNING id
    ), inserted_events AS (
      INSERT INTO events (${Prisma.raw(eventNames.join(", "))})
      SELECT ${selectList(eventNames, { group_id: GROUP_ID })}
        FROM ${jsonRecordset({ ...EVENT_COLUMNS, group_id: "int", new_group: "int" }, events)}
       ORDER BY r.ordinality
      ON CONFLICT (project_id, event_id) DO NOTHING
      RETURNING id, project_id, event_id
    ), marked AS (
      UPDATE group_hashes SET latest_training_model = r.model
        FROM ${jsonRecordset(TRAINED_COLUMNS, trained)}
       WHERE group_hashes.project_id = r.project_id AND group_hashes.hash = r.hash
      RETURNING group_hashes.id
    ), decided AS (
      INSERT INTO grouping_decisions (${Prisma.raw(decisionNames.join(", "))})
      SELECT ${selectList(decisionNames, {
        event_id: "(SELECT e.id FROM inserted_events e WHERE e.project_id = r.project_id AND e.event_id = r.event_key)",
      })}
        FROM ${jsonRecordset({ ...DECISION_COLUMNS, event_key: "text" }, decisions)}
       ORDER BY r.ordinality
      RETURNING id
    )
    SELECT (SELECT COALESCE(json_agg(json_build_array(ordinality, id)), '[]') FROM new_groups) AS group_ids,
           (SELECT count(*)::int FROM inserted_events) AS events_inserted`;
  const groupIds: number[] = [];
  for (const [ordinality, id] of row!.group_ids) groupIds[ordinality - 1] = id;
  return { groupIds, eventsInserted: row!.events_inserted };
}
