import type { Metadata } from "next";
import { OvergroupingView } from "@/components/overgrouping/overgrouping-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Overgrouping" };

export default function OvergroupingPage() {
  return (
    <>
      <PageHeader
        title="Overgrouping"
        description="Is v2 merging more duplicates without merging unrelated errors? AI-prevented issues, merge rate and overgrouping rate per model, day, platform and project, each with its Wilson 95% interval and sample size."
      />
      <OvergroupingView />
    </>
  );
}
