import type { Metadata } from "next";
import { ThresholdView } from "@/components/overgrouping/threshold-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Threshold explorer" };

export default function ThresholdExplorerPage() {
  return (
    <>
      <PageHeader
        title="Threshold explorer"
        description="precision_GROUP and recall against the distance threshold, per platform and model, from the labeled pairs; the current threshold and the loosest threshold that keeps 95% precision are marked."
      />
      <ThresholdView />
    </>
  );
}
