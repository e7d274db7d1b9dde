"use client";

import Link from "next/link";
import { useGroupingSettingsQuery } from "@/lib/queries/grouping-settings";
import { useProjectQuery } from "@/lib/queries/projects";
import { PageHeader } from "../ui/page-header";
import { ErrorState, LoadingState } from "../ui/states";
import { GroupingSettingsForm } from "./grouping-settings-form";

/** A project's grouping settings page: its rules and threshold override, edited with a preview (admins) or read. */
export function GroupingSettingsView({ projectId, canEdit }: { projectId: number; canEdit: boolean }) {
  const project = useProjectQuery(projectId);
  const settings = useGroupingSettingsQuery(projectId);
  if (project.isPending || settings.isPending) return <LoadingState label="Loading the grouping settings…" />;
  if (project.isError) return <ErrorState title="Could not load the project." error={project.error} />;
  if (settings.isError) return <ErrorState title="Could not load the grouping settings." error={settings.error} />;
  return (
    <>
      <PageHeader
        title={`Grouping settings · ${project.data.name}`}
        description={
          <>
            Fingerprint rules and stack trace rules in Sentry&apos;s syntax, and the AI distance threshold, for this
            project only. Saved settings group the project&apos;s next event; events already stored stay where they are.{" "}
            <Link href={`/projects/${projectId}`} className="text-indigo-700 hover:underline">
              Back to the project
            </Link>
          </>
        }
      />
      <GroupingSettingsForm projectId={projectId} saved={settings.data} canEdit={canEdit} />
    </>
  );
}
