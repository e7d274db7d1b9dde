import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { MODEL_UPLOAD_MAX_BYTES } from "@/lib/contracts/models";
import { readBodyBytes } from "../http/body";
import { HttpError, ValidationError } from "../http/errors";
import { defineRoute } from "../http/route";
import { registerModel, type ModelArtifact } from "./register";
import { listModels } from "./service";
import { changeModelStatus, dropModelIndex } from "./status";

export const listModelsHandler = defineRoute(endpoints.listModels, () => listModels());

/** The upload's files (a text field is taken as the file's content); config and model must be there. */
async function readArtifact(request: Request): Promise<ModelArtifact> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data"))
    throw new HttpError(
      415,
      "unsupported_media_type",
      "Send the model as multipart/form-data (files config and model).",
    );
  const bytes = await readBodyBytes(request, MODEL_UPLOAD_MAX_BYTES);
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": type } }).formData();
  } catch (error) {
    throw new ValidationError(`The upload is not a valid multipart form: ${(error as Error).message}`);
  }
  const file = async (name: string): Promise<Uint8Array | undefined> => {
    const value = form.get(name);
    if (value === null) return undefined;
    return typeof value === "string" ? new TextEncoder().encode(value) : new Uint8Array(await value.arrayBuffer());
  };
  const [config, model, tokenizer, evaluation] = await Promise.all(
    ["config", "model", "tokenizer", "evaluation"].map(file),
  );
  const missing = [config ? null : "config (config.json)", model ? null : "model (model.onnx)"].filter(Boolean);
  if (missing.length) throw new ValidationError(`The upload lacks ${missing.join(" and ")}.`);
  return { config: config!, model: model!, tokenizer, evaluation };
}

export const registerModelHandler = defineRoute(endpoints.registerModel, async ({ request, user }) =>
  registerModel(await readArtifact(request), user),
);

export const changeModelStatusHandler = defineRoute(endpoints.changeModelStatus, ({ params, body, user }) =>
  changeModelStatus(params.version, body, user),
);

export const dropModelIndexHandler = defineRoute(endpoints.dropModelIndex, async ({ params, body, user }) => {
  const entry = await dropModelIndex(params.version, user, body.reason);
  return { version: params.version, column: entry.column, ddl: entry.ddl };
});
