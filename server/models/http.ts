import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { listModels } from "./service";

export const listModelsHandler = defineRoute(endpoints.listModels, () => listModels());
