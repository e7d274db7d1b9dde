import "server-only";
import { defineRoute } from "../http/route";
import { listModels } from "./service";

export const listModelsHandler = defineRoute({ access: "viewer" }, () => listModels());
