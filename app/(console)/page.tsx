import { OverviewView } from "@/components/overview/overview-view";
import { PageHeader } from "@/components/ui/page-header";

export default function OverviewPage() {
  return (
    <>
      <PageHeader
        title="Overview"
        description="Events are grouped into issues by fingerprint first, then by an embedding model (v1, or v2 where a project has moved to it). This console reviews those decisions and rolls v2 out."
      />
      <OverviewView />
    </>
  );
}
