import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { QueueView } from "@/components/review/queue-view";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata = consolePageMetadata("review");

export default async function ReviewPage() {
  return (
    <ConsolePage
      page="review"
      view={<QueueView canLabel={await currentUserHasRole("labeler")} isAdmin={await currentUserHasRole("admin")} />}
    />
  );
}
