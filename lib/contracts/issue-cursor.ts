import { z } from "zod";

/**
 * The keyset cursor of the issue stream: where a page starts, as the sort key and id of the row it starts after (or
 * before, for the previous page), with the sort it belongs to. Opaque to callers: base64url of a small JSON object,
 * made by the server (server/issues/issue-stream.ts) and checked here when it comes back.
 */

export const issueSortSchema = z.enum(["last_seen", "events", "first_seen"]);
export const issueOrderSchema = z.enum(["desc", "asc"]);

export type IssueSort = z.infer<typeof issueSortSchema>;
export type IssueOrder = z.infer<typeof issueOrderSchema>;

/** A timestamp sort key as the database prints it: UTC, to the microsecond. */
const timestampKey = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const countKey = /^\d{1,10}$/;

export const issueCursorPayloadSchema = z
  .strictObject({
    /** The sort and order the cursor was made for. */
    sort: issueSortSchema,
    order: issueOrderSchema,
    /** The page starts after this row (the next page) or ends before it (the previous page). */
    direction: z.enum(["after", "before"]),
    /** The row's sort key: a timestamp for last_seen and first_seen, the event count for events. */
    key: z.string().max(40),
    id: z.number().int().positive().max(2_147_483_647),
  })
  .refine((cursor) => (cursor.sort === "events" ? countKey : timestampKey).test(cursor.key), {
    message: "the sort key does not fit the sort",
  });

export type IssueCursor = z.infer<typeof issueCursorPayloadSchema>;

function toBase64Url(text: string): string {
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  try {
    return atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return null;
  }
}

/** The opaque text of a cursor (ASCII only: sort names, digits and a timestamp). */
export function encodeIssueCursor(cursor: IssueCursor): string {
  return toBase64Url(JSON.stringify(cursor));
}

/** The cursor a text stands for, or null when it is not one that encodeIssueCursor made. */
export function decodeIssueCursor(text: string): IssueCursor | null {
  const json = fromBase64Url(text);
  if (json === null) return null;
  try {
    const parsed = issueCursorPayloadSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The `cursor` query field: the text of a cursor, decoded; anything else is a 400 that says to start over. */
export const issueCursorSchema = z
  .string()
  .max(300)
  .regex(/^[A-Za-z0-9_-]+$/, "not a cursor this endpoint gave: start from the first page")
  .transform((text, context) => {
    const cursor = decodeIssueCursor(text);
    if (cursor) return cursor;
    context.addIssue({ code: "custom", message: "not a cursor this endpoint gave: start from the first page" });
    return z.NEVER;
  });
