import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { AgreementView } from "@/components/review/agreement-view";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata = consolePageMetadata("agreement");

export default async function AgreementPage() {
  return <ConsolePage page="agreement" view={<AgreementView isAdmin={await currentUserHasRole("admin")} />} />;
}
