import type { MatrixEntry } from "../testing/matrix";

/** Authorization matrix entries of the inference route (a signed machine-to-machine call). */
export const entries: Record<string, MatrixEntry> = {
  "POST /api/embed": { access: "signed", request: async () => ({ body: { model: "v1", texts: ["ValueError: x"] } }) },
};
