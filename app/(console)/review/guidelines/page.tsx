import type { Metadata } from "next";
import { GuidelinesView } from "@/components/review/guidelines-view";
import { PageHeader } from "@/components/ui/page-header";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Labeling guidelines" };

export default async function GuidelinesPage() {
  return (
    <>
      <PageHeader
        title="Labeling guidelines"
        description="Shown beside every pair of the platform. Admins edit them; every change is in the audit log."
      />
      <GuidelinesView canEdit={await currentUserHasRole("admin")} />
    </>
  );
}
