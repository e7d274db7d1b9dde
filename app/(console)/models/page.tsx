import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <>
      <PageHeader title="Models" description="The embedding models (v1 stable, v2 next): dimensions, thresholds and offline evaluation." />
      <NotBuiltYet />
    </>
  );
}
