import "server-only";

/** The caller's (Sentry's) project id of a project the grouping API registered, in decimal; null for the others. */
export function callerProjectId(project: {
  id: number;
  externalId: bigint | null;
  registeredByGroupingApi: boolean;
}): string | null {
  if (!project.registeredByGroupingApi) return null;
  return String(project.externalId ?? project.id);
}
