import type { MatrixEntry } from "../testing/matrix";
import { signedInAs } from "../testing/users";

/** Authorization matrix entries of sign-in, users, audit, projects, issues and health. */
export const entries: Record<string, MatrixEntry> = {
  "GET /api/health": { access: "public" },
  "POST /api/auth/signin": {
    access: "public",
    request: async () => {
      const user = await signedInAs("viewer");
      return { body: { email: user.email, password: `password-of-${user.email}` } };
    },
  },
  "POST /api/auth/signout": { access: "viewer" },
  "GET /api/auth/me": { access: "viewer" },
  "GET /api/projects": { access: "viewer" },
  "GET /api/audit": { access: "viewer" },
  "GET /api/users": { access: "admin" },
  "POST /api/users": {
    access: "admin",
    request: async ({ unique }) => ({
      body: { email: `new-${unique()}@test.example`, role: "labeler", password: "a-long-enough-password" },
    }),
  },
  "PATCH /api/users/[id]": {
    access: "admin",
    request: async () => ({ params: { id: String((await signedInAs("viewer")).id) }, body: { role: "labeler" } }),
  },
  "GET /api/projects/[id]/issues": {
    access: "viewer",
    request: async ({ aProject }) => ({ params: { id: String(await aProject()) } }),
  },
  "GET /api/issues/[id]": {
    access: "viewer",
    request: async ({ prisma, aProject }) => {
      const group = await prisma.group.create({ data: { projectId: await aProject(), title: "E" } });
      return { params: { id: String(group.id) } };
    },
  },
};
