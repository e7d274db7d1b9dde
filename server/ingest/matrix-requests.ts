import type { MatrixContext, MatrixRequests } from "../testing/matrix";

/**
 * Requests of the Sentry SDK endpoints: the query carries the project's right key; the matrix test swaps it for a
 * wrong one or drops it.
 */
async function projectWithKey({ prisma, aProject }: MatrixContext) {
  const id = await aProject();
  const { publicKey } = await prisma.project.findUniqueOrThrow({ where: { id } });
  return { params: { project_id: String(id) }, query: { sentry_key: publicKey } };
}

/** The legacy GET store form: the event in the `sentry_data` query parameter. */
const sentryData = JSON.stringify({ message: "matrix" });

export const requests: MatrixRequests = {
  storeEvent: async (context) => ({ ...(await projectWithKey(context)), raw: JSON.stringify({ message: "matrix" }) }),
  sendEnvelope: async (context) => ({
    ...(await projectWithKey(context)),
    raw: `{}\n{"type":"event"}\n{"message":"matrix"}\n`,
  }),
  storeEventPixel: async (context) => {
    const { params, query } = await projectWithKey(context);
    return { params, query: { ...query, sentry_data: sentryData } };
  },
  keyStoreEvent: async (context) => ({
    query: (await projectWithKey(context)).query,
    raw: JSON.stringify({ message: "matrix" }),
  }),
  keyStoreEventPixel: async (context) => ({
    query: { ...(await projectWithKey(context)).query, sentry_data: sentryData },
  }),
  storePreflight: async () => ({ params: { project_id: "1" } }),
  envelopePreflight: async () => ({ params: { project_id: "1" } }),
};
