import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { OvergroupingView } from "@/components/overgrouping/overgrouping-view";

export const metadata = consolePageMetadata("overgrouping");

export default function OvergroupingPage() {
  return <ConsolePage page="overgrouping" view={<OvergroupingView />} />;
}
