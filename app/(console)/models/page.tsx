import type { Metadata } from "next";
import { ModelsView } from "@/components/models/models-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <>
      <PageHeader
        title="Models"
        description="The embedding models of the AI grouping step: v1 (stable) and v2 (next, stored at 64 dimensions), their thresholds, how much of the index they cover, and their held-out evaluation."
      />
      <ModelsView />
    </>
  );
}
