import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { ConflictsView } from "@/components/review/conflicts-view";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata = consolePageMetadata("conflicts");

export default async function ConflictsPage() {
  return <ConsolePage page="conflicts" view={<ConflictsView canLabel={await currentUserHasRole("labeler")} />} />;
}
