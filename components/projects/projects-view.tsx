"use client";

import { useProjectsQuery } from "@/lib/queries/projects";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { ProjectsTable } from "./projects-table";

/** Data container of the Projects page. */
export function ProjectsView() {
  const projects = useProjectsQuery();
  if (projects.isPending) return <LoadingState label="Loading projects…" />;
  if (projects.isError) return <ErrorState title="Could not load the projects." error={projects.error} />;
  if (projects.data.length === 0) {
    return (
      <EmptyState title="No projects yet">
        Projects appear here when the first event or grouping request for them arrives. Run{" "}
        <code className="font-mono">npm run demo</code> on a fresh data directory to load the demo projects.
      </EmptyState>
    );
  }
  return <ProjectsTable projects={projects.data} now={new Date()} />;
}
