import type { MatrixContext, MatrixEntry } from "../testing/matrix";

/**
 * Authorization matrix entries of the Sentry SDK endpoints: authenticated by the project's DSN key, from any origin.
 * The query is the right key; the matrix test swaps it for a wrong one or drops it.
 */
async function projectWithKey({ prisma, aProject }: MatrixContext) {
  const id = await aProject();
  const { publicKey } = await prisma.project.findUniqueOrThrow({ where: { id } });
  return { params: { project_id: String(id) }, query: `?sentry_key=${publicKey}` };
}

/** The legacy GET store form: the event in the `sentry_data` query parameter. */
function withEventInQuery<T extends { query: string }>(request: T): T {
  return { ...request, query: `${request.query}&sentry_data=${encodeURIComponent('{"message":"matrix"}')}` };
}

export const entries: Record<string, MatrixEntry> = {
  "POST /api/[project_id]/store": {
    access: "ingest",
    request: async (context) => ({ ...(await projectWithKey(context)), body: { message: "matrix" } }),
  },
  "POST /api/[project_id]/envelope": {
    access: "ingest",
    request: async (context) => ({
      ...(await projectWithKey(context)),
      raw: `{}\n{"type":"event"}\n{"message":"matrix"}\n`,
    }),
  },
  "GET /api/[project_id]/store": {
    access: "ingest",
    request: async (context) => withEventInQuery(await projectWithKey(context)),
  },
  "POST /api/store": {
    access: "ingest",
    request: async (context) => ({ query: (await projectWithKey(context)).query, body: { message: "matrix" } }),
  },
  "GET /api/store": {
    access: "ingest",
    request: async (context) => withEventInQuery({ query: (await projectWithKey(context)).query }),
  },
  "OPTIONS /api/store": { access: "ingest", request: async () => ({}) },
  "OPTIONS /api/[project_id]/store": { access: "ingest", request: async () => ({ params: { project_id: "1" } }) },
  "OPTIONS /api/[project_id]/envelope": { access: "ingest", request: async () => ({ params: { project_id: "1" } }) },
};
