import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { ModelsView } from "@/components/models/models-view";

export const metadata = consolePageMetadata("models");

export default function ModelsPage() {
  return <ConsolePage page="models" view={<ModelsView />} />;
}
