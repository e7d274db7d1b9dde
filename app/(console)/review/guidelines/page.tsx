import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { GuidelinesView } from "@/components/review/guidelines-view";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata = consolePageMetadata("guidelines");

export default async function GuidelinesPage() {
  return <ConsolePage page="guidelines" view={<GuidelinesView canEdit={await currentUserHasRole("admin")} />} />;
}
