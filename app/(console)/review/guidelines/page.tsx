import type { Metadata } from "next";
import { GuidelinesView } from "@/components/review/guidelines-view";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Labeling guidelines" };

export default async function GuidelinesPage() {
  const user = await currentUser();
  return (
    <>
      <PageHeader
        title="Labeling guidelines"
        description="Shown beside every pair of the platform. Admins edit them; every change is in the audit log."
      />
      <GuidelinesView canEdit={user ? hasRole(user.role, "admin") : false} />
    </>
  );
}
