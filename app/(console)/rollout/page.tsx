import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { RolloutView } from "@/components/rollout/rollout-view";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata = consolePageMetadata("rollout");

export default async function RolloutPage() {
  return <ConsolePage page="rollout" view={<RolloutView canEdit={await currentUserHasRole("admin")} />} />;
}
