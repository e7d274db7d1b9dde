import type { PrismaClient } from "../db/client";
import type { MatrixRequests } from "../testing/matrix";
import { sessionUserAs } from "../testing/users";
import { registerModel } from "./register";
import { changeModelStatus } from "./status";
import { modelRegistry } from "../inference";
import { indexName } from "./ddl";
import { multipartUpload, tinyModelArtifact } from "./testing/artifact";

/**
 * Requests of the model console that succeed for an admin: each registers a small model of its own (v1000 and up), so
 * that retiring one or dropping its index leaves the models the other requests use alone.
 */
let nextVersion = 1000;
const newVersion = () => `v${(nextVersion += 1)}`;

/** A registered model in this state, reused while no request took it further. */
async function modelIn(state: "next" | "retired", reuse: { version?: string }, prisma: PrismaClient) {
  const current = reuse.version ? modelRegistry.get(reuse.version) : undefined;
  const indexed = current
    ? (await prisma.$queryRaw<unknown[]>`SELECT 1 FROM pg_indexes WHERE indexname = ${indexName(current.column)}`)
        .length > 0
    : false;
  if (current?.status === state && indexed) return current.version;
  const admin = await sessionUserAs("admin");
  const { version } = await registerModel(tinyModelArtifact(newVersion()), admin);
  if (state === "retired") await changeModelStatus(version, { status: "retired", reason: "matrix" }, admin);
  reuse.version = version;
  return version;
}

const toRetire: { version?: string } = {};
const toDrop: { version?: string } = {};

export const requests: MatrixRequests = {
  registerModel: async () => {
    const artifact = tinyModelArtifact(newVersion());
    const { contentType, body } = await multipartUpload({ config: artifact.config, model: artifact.model });
    return { raw: body, contentType };
  },
  changeModelStatus: async ({ prisma }) => ({
    params: { version: await modelIn("next", toRetire, prisma) },
    body: { status: "retired", reason: "matrix" },
  }),
  dropModelIndex: async ({ prisma }) => ({
    params: { version: await modelIn("retired", toDrop, prisma) },
    body: { reason: "matrix" },
  }),
};
