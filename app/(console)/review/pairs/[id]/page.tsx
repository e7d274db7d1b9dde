import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LabelingSession } from "@/components/review/labeling-session";
import { PageHeader } from "@/components/ui/page-header";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Review pair" };

export default async function PairPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ blind?: string }>;
}) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const blind = (await searchParams).blind === "1";
  return (
    <>
      <PageHeader
        title={`Review pair #${id}`}
        description="The two stack traces aligned frame by frame, with what v1 and v2 decide for them."
      />
      <LabelingSession mode={{ kind: "pair", id }} canLabel={await currentUserHasRole("labeler")} blind={blind} />
    </>
  );
}
