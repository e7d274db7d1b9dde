import type { Metadata } from "next";
import { LabelingSession } from "@/components/review/labeling-session";
import { PageHeader } from "@/components/ui/page-header";
import { nextPairRequestSchema } from "@/lib/contracts/review";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Label pairs" };

type Search = Record<string, string | string[] | undefined>;

export default async function LabelPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const one = (key: string) => (typeof search[key] === "string" ? search[key] : undefined);
  const parsed = nextPairRequestSchema.safeParse({
    project: one("project"),
    platform: one("platform"),
    source: one("source"),
    queue: one("queue"),
  });
  const { project, platform, source, queue } = parsed.success ? parsed.data : nextPairRequestSchema.parse({});
  const blind = one("blind") === "1";
  return (
    <>
      <PageHeader
        title={queue === "conflicts" ? "Label conflicts" : "Label pairs"}
        description="g same root cause · s different root cause · u unsure · n skip · z undo · ? shortcuts"
      />
      <LabelingSession
        key={`${project}-${platform}-${source}-${queue}-${blind}`}
        mode={{ kind: "queue", request: { project, platform, source, queue } }}
        canLabel={await currentUserHasRole("labeler")}
        blind={blind}
      />
    </>
  );
}
