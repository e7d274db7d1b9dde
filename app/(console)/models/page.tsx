import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { ModelsView } from "@/components/models/models-view";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata = consolePageMetadata("models");

export default async function ModelsPage() {
  return <ConsolePage page="models" view={<ModelsView isAdmin={await currentUserHasRole("admin")} />} />;
}
