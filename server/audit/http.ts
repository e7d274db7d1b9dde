import "server-only";
import { endpoints } from "@/lib/contracts/endpoints";
import { defineRoute } from "../http/route";
import { listAudit } from "./service";

export const listAuditHandler = defineRoute(endpoints.listAudit, ({ query }) => listAudit(query));
