/**
 * A map key for a value within one project (a hash, an event id): the project and the value can never run together,
 * so equal keys mean the same project and the same value.
 */
export const projectKey = (projectId: number, value: string) => `${projectId}\u0000${value}`;
