import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Overgrouping" };

export default function OvergroupingPage() {
  return (
    <>
      <PageHeader title="Overgrouping" description="Merge rate, overgrouping rate and AI-prevented issues per project, platform and model, with Wilson intervals." />
      <NotBuiltYet />
    </>
  );
}
