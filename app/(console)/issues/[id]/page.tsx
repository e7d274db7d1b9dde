import { notFound } from "next/navigation";
import { IssueView } from "@/components/issues/issue-view";

export default async function IssuePage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return <IssueView issueId={id} />;
}
