import type { Metadata } from "next";
import { AuditView } from "@/components/audit/audit-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit" };

export default function AuditPage() {
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to users, roles and grouping flags: who did it, to what, the state before and after, and the reason given. Newest first."
      />
      <AuditView />
    </>
  );
}
