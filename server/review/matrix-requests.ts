import type { MatrixRequests } from "../testing/matrix";
import { aPair, anEvent } from "./testing";

/** Requests of pair review, labels and guidelines that succeed for an allowed caller. */
export const requests: MatrixRequests = {
  nextPair: async () => ({ body: { project: 999_999 } }),
  createPair: async ({ prisma, aProject }) => {
    const project = await aProject();
    return { body: { eventIds: [await anEvent(prisma, project), await anEvent(prisma, project)] } };
  },
  pair: async ({ prisma, aProject }) => ({ params: { id: await aPair(prisma, await aProject()) } }),
  labelPair: async ({ prisma, aProject }) => ({
    params: { id: await aPair(prisma, await aProject()) },
    body: { verdict: "GROUP" },
  }),
  skipPair: async ({ prisma, aProject }) => ({ params: { id: await aPair(prisma, await aProject()) } }),
  exportLabels: async () => ({ query: { format: "csv" } }),
  refillQueues: async ({ aProject }) => ({ body: { project: await aProject() } }),
  updateGuideline: async () => ({ params: { platform: "python" }, body: { body: "Look at the in-app frames." } }),
};
