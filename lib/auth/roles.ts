/** The console's roles, each including the rights of the ones before it. */
export const roles = ["viewer", "labeler", "admin"] as const;
export type Role = (typeof roles)[number];

/** What each role may do, for the sentences the console shows. */
export const roleDescriptions: Record<Role, string> = {
  viewer: "reads everything",
  labeler: "reads everything, labels pairs, and merges and unmerges issues",
  admin: "everything, including feature flags and users",
};

/** Whether a user with `role` has the rights of `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(required);
}
