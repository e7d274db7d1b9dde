import "server-only";
import type { SentryEvent } from "@/engine/event/schema";
import type { IngestResult } from "./types";

/** One row of `events` as the batch paths write it, but for its issue, which each writer gives its own way. */
export interface EventInsert {
  eventId: string;
  projectId: number;
  platform: string;
  title: string;
  payload: SentryEvent;
  hashes: string[];
  groupingMethod: IngestResult["method"];
  embeddingText?: string | null;
  aiIneligibleReason?: string | null;
  receivedAt: Date;
}

/** `events`' columns that the batch paths write, but for `group_id`, with their SQL types. */
export const EVENT_COLUMNS = {
  event_id: "text",
  project_id: "int",
  platform: "text",
  title: "text",
  payload: "jsonb",
  hashes: "text[]",
  grouping_method: "grouping_method",
  embedding_text: "text",
  ai_ineligible_reason: "text",
  received_at: "timestamptz",
};

/** The `events` row of an event, by column name, but for `group_id`. */
export function eventRow(row: EventInsert) {
  return {
    event_id: row.eventId,
    project_id: row.projectId,
    platform: row.platform,
    title: row.title,
    payload: row.payload,
    hashes: row.hashes,
    grouping_method: row.groupingMethod,
    embedding_text: row.embeddingText ?? null,
    ai_ineligible_reason: row.aiIneligibleReason ?? null,
    received_at: row.receivedAt,
  };
}
