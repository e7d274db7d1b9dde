import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { openApiDocument } from "./document";

/** GET /api/openapi.json: the API's OpenAPI document (public: it holds no secret). */
export const openApiHandler = defineRoute(endpoints.openApiDocument, async () => {
  const document = openApiDocument();
  return { ...document, paths: document.paths ?? {} };
});
