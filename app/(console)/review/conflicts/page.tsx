import type { Metadata } from "next";
import { ConflictsView } from "@/components/review/conflicts-view";
import { PageHeader } from "@/components/ui/page-header";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Conflicts" };

export default async function ConflictsPage() {
  return (
    <>
      <PageHeader
        title="Conflicts"
        description="Pairs where one labeler said GROUP and another SEPARATE. Labeling one again (or a third opinion) settles it."
      />
      <ConflictsView canLabel={await currentUserHasRole("labeler")} />
    </>
  );
}
