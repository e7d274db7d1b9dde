import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { getInferenceService, modelRegistry } from "./index";
import { resolveDims } from "./local-service";

/** POST /api/embed: embeddings for up to 64 texts, signed like the grouping API. */
export const embedHandler = defineRoute(endpoints.embed, async ({ body }) => {
  const dims = resolveDims(modelRegistry.require(body.model), body.dims);
  const embeddings = await getInferenceService().embed(body.model, body.texts, { dims });
  return { model: body.model, dims, embeddings };
});
