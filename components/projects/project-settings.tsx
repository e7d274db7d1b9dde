"use client";

import { useProjectQuery } from "@/lib/queries/projects";
import { ErrorState, LoadingState } from "../ui/states";
import { DeleteProjectDialog } from "./delete-project-dialog";
import { RenameProjectForm } from "./rename-project-form";
import { RotateKeyDialog } from "./rotate-key-dialog";

/** An admin's controls of a project: rename, rotate the DSN key, delete (its grouping settings are linked from the page header). */
export function ProjectSettings({ projectId }: { projectId: number }) {
  const query = useProjectQuery(projectId);
  if (query.isPending) return <LoadingState label="Loading the project's settings…" />;
  if (query.isError) return <ErrorState title="Could not load the project." error={query.error} />;
  const project = query.data;
  return (
    <section aria-labelledby="project-settings" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="project-settings" className="mb-3 text-sm font-semibold">
        Project settings
      </h2>
      <div className="space-y-5">
        <RenameProjectForm project={project} />
        <RotateKeyDialog project={project} />
        <DeleteProjectDialog project={project} />
      </div>
    </section>
  );
}
