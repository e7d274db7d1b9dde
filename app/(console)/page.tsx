import { ConsolePage } from "@/components/app-shell/console-page";
import { OverviewView } from "@/components/overview/overview-view";

export default function OverviewPage() {
  return <ConsolePage page="overview" view={<OverviewView />} />;
}
