import type { MatrixEntry } from "../testing/matrix";
import { aPair, anEvent } from "./testing";

/** Authorization matrix entries of pair review, labels and guidelines. */
export const entries: Record<string, MatrixEntry> = {
  "GET /api/review/queue": { access: "viewer" },
  "GET /api/review/pairs": { access: "viewer" },
  "POST /api/review/next": { access: "labeler", request: async () => ({ body: { project: 999_999 } }) },
  "POST /api/review/pairs": {
    access: "labeler",
    request: async ({ prisma, aProject }) => {
      const project = await aProject();
      return { body: { eventIds: [await anEvent(prisma, project), await anEvent(prisma, project)] } };
    },
  },
  "GET /api/review/pairs/[id]": {
    access: "viewer",
    request: async ({ prisma, aProject }) => ({ params: { id: String(await aPair(prisma, await aProject())) } }),
  },
  "POST /api/review/pairs/[id]/labels": {
    access: "labeler",
    request: async ({ prisma, aProject }) => ({
      params: { id: String(await aPair(prisma, await aProject())) },
      body: { verdict: "GROUP" },
    }),
  },
  "POST /api/review/pairs/[id]/skip": {
    access: "labeler",
    request: async ({ prisma, aProject }) => ({ params: { id: String(await aPair(prisma, await aProject())) } }),
  },
  "POST /api/labels/undo": { access: "labeler" },
  "GET /api/labels/export": { access: "viewer", request: async () => ({ query: "?format=csv" }) },
  "GET /api/review/progress": { access: "viewer" },
  "GET /api/review/conflicts": { access: "viewer" },
  "GET /api/review/agreement": { access: "viewer" },
  "POST /api/review/refill": {
    access: "admin",
    request: async ({ aProject }) => ({ body: { project: await aProject() } }),
  },
  "GET /api/guidelines": { access: "viewer" },
  "PUT /api/guidelines/[platform]": {
    access: "admin",
    request: async () => ({ params: { platform: "python" }, body: { body: "Look at the in-app frames." } }),
  },
};
