import type { MatrixRequests } from "../testing/matrix";

/** Requests of project management that succeed for an admin (each delete gets a project of its own). */
export const requests: MatrixRequests = {
  createProject: async ({ unique }) => ({ body: { name: `Matrix app ${unique()}`, platform: "node" } }),
  getProject: async ({ aProject }) => ({ params: { id: await aProject() } }),
  updateProject: async ({ aProject, unique }) => ({
    params: { id: await aProject() },
    body: { name: `Renamed ${unique()}` },
  }),
  rotateProjectKey: async ({ aProject }) => ({ params: { id: await aProject() } }),
  deleteProject: async ({ prisma, aProject }) => {
    const id = await aProject();
    const { slug } = await prisma.project.findUniqueOrThrow({ where: { id } });
    return { params: { id }, body: { confirmation: slug } };
  },
};
