import type { Metadata } from "next";
import { QueueView } from "@/components/review/queue-view";
import { PageHeader } from "@/components/ui/page-header";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  return (
    <>
      <PageHeader
        title="Review"
        description="Pairs of stack traces to label GROUP / SEPARATE / UNSURE against the v1 and v2 decisions. Only the random sample of AI merges feeds the overgrouping rates."
      />
      <QueueView canLabel={await currentUserHasRole("labeler")} isAdmin={await currentUserHasRole("admin")} />
    </>
  );
}
