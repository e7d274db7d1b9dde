import type { Metadata } from "next";
import { MergesView } from "@/components/overgrouping/merges-view";
import { PageHeader } from "@/components/ui/page-header";
import { mergesQuerySchema } from "@/lib/contracts/overgrouping";

export const metadata: Metadata = { title: "Labeled merges" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LabeledMergesPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const parsed = mergesQuerySchema.safeParse(raw);
  return (
    <>
      <PageHeader
        title="Labeled merges"
        description="The labeled merges of the random merge sample behind an overgrouping rate; open a pair to see both stack traces."
      />
      <MergesView filters={parsed.success ? parsed.data : {}} />
    </>
  );
}
