import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { AgreementView } from "@/components/review/agreement-view";

export const metadata = consolePageMetadata("agreement");

export default function AgreementPage() {
  return <ConsolePage page="agreement" view={<AgreementView />} />;
}
