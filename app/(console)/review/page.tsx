import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Review" };

export default function ReviewPage() {
  return (
    <>
      <PageHeader title="Review" description="Side-by-side stack trace pairs with the v1 and v2 decisions, labeled GROUP / SEPARATE / UNSURE by grouping experts." />
      <NotBuiltYet />
    </>
  );
}
