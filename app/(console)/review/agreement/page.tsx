import type { Metadata } from "next";
import { AgreementView } from "@/components/review/agreement-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Agreement" };

export default function AgreementPage() {
  return (
    <>
      <PageHeader
        title="Agreement"
        description="How much labelers agree beyond chance (Cohen's kappa on the pairs both labeled) and how often each agrees with the others' majority."
      />
      <AgreementView />
    </>
  );
}
