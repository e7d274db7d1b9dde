import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { AuditView } from "@/components/audit/audit-view";

export const metadata = consolePageMetadata("audit");

export default function AuditPage() {
  return <ConsolePage page="audit" view={<AuditView />} />;
}
