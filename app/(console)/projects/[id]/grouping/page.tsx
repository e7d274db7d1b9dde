import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GroupingSettingsView } from "@/components/grouping-settings/grouping-settings-view";
import { currentUserHasRole } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Grouping settings" };

export default async function GroupingSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return <GroupingSettingsView projectId={id} canEdit={await currentUserHasRole("admin")} />;
}
