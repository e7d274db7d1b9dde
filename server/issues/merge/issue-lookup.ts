import "server-only";
import type { Transaction } from "../../db/client";
import { HttpError, NotFoundError, ValidationError } from "../../http/errors";

/** Where a merged issue's id leads: the issue it was merged into (following later merges), or null. */
export async function mergedInto(tx: Pick<Transaction, "groupRedirect">, issueId: number): Promise<number | null> {
  const redirect = await tx.groupRedirect.findUnique({ where: { id: issueId }, select: { groupId: true } });
  return redirect?.groupId ?? null;
}

/** Why an id names no issue: it was merged into another (and which), or there never was one. */
export async function missingIssueMessage(
  client: Pick<Transaction, "groupRedirect">,
  issueId: number,
): Promise<string> {
  const into = await mergedInto(client, issueId);
  return into === null ? `There is no issue with id ${issueId}.` : `Issue ${issueId} was merged into issue ${into}.`;
}

/**
 * The 404 of an issue id that names no issue; for a merged issue, with code "issue_merged" and `details.mergedInto`,
 * so that the issue page goes on to the issue it was merged into.
 */
export async function missingIssueError(
  client: Pick<Transaction, "groupRedirect">,
  issueId: number,
): Promise<HttpError> {
  const into = await mergedInto(client, issueId);
  if (into === null) return new NotFoundError(`There is no issue with id ${issueId}.`);
  return new HttpError(404, "issue_merged", `Issue ${issueId} was merged into issue ${into}.`, { mergedInto: into });
}

const issueSelect = {
  id: true,
  projectId: true,
  title: true,
  timesSeen: true,
  firstSeen: true,
  lastSeen: true,
} as const;

export type IssueRow = Awaited<ReturnType<typeof findIssues>>[number];

function findIssues(tx: Transaction, ids: number[]) {
  return tx.group.findMany({ where: { id: { in: ids } }, select: issueSelect });
}

/**
 * The issues a request names (`field` is the body's field, for the error's path), all of one project: the first
 * one's, or `projectOf`'s. Throws a 400 naming each id that is no issue, or whose issue is of another project.
 */
export async function issuesOfOneProject(
  tx: Transaction,
  ids: number[],
  field: string,
  projectOf: number = ids[0]!,
): Promise<IssueRow[]> {
  const found = await findIssues(tx, ids);
  const byId = new Map(found.map((issue) => [issue.id, issue]));
  const missing = ids.flatMap((id, index) => (byId.has(id) ? [] : [{ id, index }]));
  if (missing.length > 0) {
    const issues = await Promise.all(
      missing.map(async ({ id, index }) => ({
        path: ids.length === 1 ? [field] : [field, index],
        message: await missingIssueMessage(tx, id),
      })),
    );
    throw new ValidationError(issues.map((issue) => issue.message).join(" "), issues);
  }
  const project = byId.get(projectOf)!.projectId;
  const strangers = ids.flatMap((id, index) => (byId.get(id)!.projectId === project ? [] : [{ id, index }]));
  if (strangers.length > 0) {
    const names = strangers.map(({ id }) => `${id} (project ${byId.get(id)!.projectId})`).join(", ");
    throw new ValidationError(
      `Only issues of one project can be merged: issue ${projectOf} is in project ${project}, but ${names} ${strangers.length === 1 ? "is" : "are"} not.`,
      strangers.map(({ index }) => ({ path: [field, index], message: `not in project ${project}` })),
    );
  }
  return ids.map((id) => byId.get(id)!);
}
