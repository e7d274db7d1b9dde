import { notFound } from "next/navigation";
import { IssueView } from "@/components/issues/issue-view";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/server/auth/current-user";

export default async function IssuePage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const user = await currentUser();
  return <IssueView issueId={id} canEdit={user !== null && hasRole(user.role, "labeler")} />;
}
