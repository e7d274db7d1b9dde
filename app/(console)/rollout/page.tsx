import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Rollout" };

export default function RolloutPage() {
  return (
    <>
      <PageHeader title="Rollout" description="Per-project v2 flags with an audit trail, cohorts, guardrails and migration tracking." />
      <NotBuiltYet />
    </>
  );
}
