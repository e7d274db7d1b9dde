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
  // One label job at a time: an earlier caller's job is cancelled first, so that each allowed caller can queue one.
  createLabelJob: async ({ prisma }) => {
    await prisma.job.updateMany({
      where: { kind: "label", status: { in: ["queued", "running"] } },
      data: { status: "cancelled" },
    });
    return { body: { labeler: "builtin", limit: 1 } };
  },
  updateGuideline: async () => ({ params: { platform: "python" }, body: { body: "Look at the in-app frames." } }),
};
