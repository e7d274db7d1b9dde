import type { Metadata } from "next";
import { QueueView } from "@/components/review/queue-view";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await currentUser();
  return (
    <>
      <PageHeader
        title="Review"
        description="Pairs of stack traces to label GROUP / SEPARATE / UNSURE against the v1 and v2 decisions. Only the random sample of AI merges feeds the overgrouping rates."
      />
      <QueueView
        canLabel={user ? hasRole(user.role, "labeler") : false}
        isAdmin={user ? hasRole(user.role, "admin") : false}
      />
    </>
  );
}
