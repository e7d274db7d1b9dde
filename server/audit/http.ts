import "server-only";
import { auditQuerySchema } from "@/lib/contracts/audit";
import { defineRoute } from "../http/route";
import { listAudit } from "./service";

export const listAuditHandler = defineRoute({ access: "viewer", query: auditQuerySchema }, ({ query }) =>
  listAudit(query),
);
