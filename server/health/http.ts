import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { checkHealth } from "./service";

export const healthHandler = defineRoute(endpoints.health, () => checkHealth());
