import type { MatrixRequests } from "../testing/matrix";
import { signedInAs } from "../testing/users";

/** Requests of sign-in, users, projects and issues that succeed for an allowed caller. */
export const requests: MatrixRequests = {
  signIn: async () => {
    const user = await signedInAs("viewer");
    return { body: { email: user.email, password: `password-of-${user.email}` } };
  },
  createUser: async ({ unique }) => ({
    body: { email: `new-${unique()}@test.example`, role: "labeler", password: "a-long-enough-password" },
  }),
  updateUser: async () => ({ params: { id: (await signedInAs("viewer")).id }, body: { role: "labeler" } }),
  projectIssues: async ({ aProject }) => ({ params: { id: await aProject() } }),
  issueDetail: async ({ prisma, aProject }) => {
    const group = await prisma.group.create({ data: { projectId: await aProject(), title: "E" } });
    return { params: { id: group.id } };
  },
};
