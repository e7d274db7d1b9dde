import "server-only";
import { defineRoute } from "../http/route";
import { checkHealth } from "./service";

export const healthHandler = defineRoute({ access: "public" }, () => checkHealth());
