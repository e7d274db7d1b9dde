import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { ThresholdView } from "@/components/overgrouping/threshold-view";

export const metadata = consolePageMetadata("thresholdExplorer");

export default function ThresholdExplorerPage() {
  return <ConsolePage page="thresholdExplorer" view={<ThresholdView />} />;
}
