import type { MatrixRequests } from "../../testing/matrix";
import { anIssueWithHashes } from "./testing";

/** Requests of merging and unmerging issues that succeed for an allowed caller (each gets issues of its own). */
export const requests: MatrixRequests = {
  issueHashes: async ({ prisma, aProject }) => ({
    params: { id: (await anIssueWithHashes(prisma, await aProject())).id },
  }),
  mergeIssues: async ({ prisma, aProject }) => {
    const project = await aProject();
    const [into, other] = [await anIssueWithHashes(prisma, project), await anIssueWithHashes(prisma, project)];
    return { body: { issueIds: [into.id, other.id], into: into.id } };
  },
  unmergeIssue: async ({ prisma, aProject }) => {
    const issue = await anIssueWithHashes(prisma, await aProject(), 2);
    return { body: { issueId: issue.id, hashes: [issue.hashes[1]!] } };
  },
};
