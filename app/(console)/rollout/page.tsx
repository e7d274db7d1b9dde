import type { Metadata } from "next";
import { RolloutView } from "@/components/rollout/rollout-view";
import { PageHeader } from "@/components/ui/page-header";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Rollout" };

export default async function RolloutPage() {
  return (
    <>
      <PageHeader
        title="Rollout"
        description="Per-project v2 flags with an audit trail, cohorts, scheduled changes, guardrails, and each project's migration: v2 coverage, backfill, fallback rate."
      />
      <RolloutView canEdit={await currentUserHasRole("admin")} />
    </>
  );
}
