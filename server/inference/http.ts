import "server-only";
import { defineRoute } from "../http/route";
import { embedRequestSchema, type EmbedResponse } from "./contract";
import { getInferenceService, modelRegistry } from "./index";
import { resolveDims } from "./local-service";

/** POST /api/embed: embeddings for up to 64 texts, signed like the grouping API. */
export const embedHandler = defineRoute(
  { access: "signed", body: embedRequestSchema, maxBodyBytes: 4 * 1024 * 1024 },
  async ({ body }): Promise<EmbedResponse> => {
    const dims = resolveDims(modelRegistry.require(body.model), body.dims);
    const embeddings = await getInferenceService().embed(body.model, body.texts, { dims });
    return { model: body.model, dims, embeddings };
  },
);
