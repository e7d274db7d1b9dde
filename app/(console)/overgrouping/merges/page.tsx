import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { MergesView } from "@/components/overgrouping/merges-view";
import { mergesQuerySchema } from "@/lib/contracts/overgrouping";

export const metadata = consolePageMetadata("labeledMerges");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LabeledMergesPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const parsed = mergesQuerySchema.safeParse(raw);
  return <ConsolePage page="labeledMerges" view={<MergesView filters={parsed.success ? parsed.data : {}} />} />;
}
