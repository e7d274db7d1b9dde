"use client";

import { useProjectsQuery } from "@/lib/queries/projects";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { ProjectsTable } from "./projects-table";

/** Data container of the Projects page: the projects people made, then those the grouping API registered, apart. */
export function ProjectsView({ canManage }: { canManage: boolean }) {
  const projects = useProjectsQuery();
  if (projects.isPending) return <LoadingState label="Loading projects…" />;
  if (projects.isError) return <ErrorState title="Could not load the projects." error={projects.error} />;
  const own = projects.data.filter((project) => !project.registeredByGroupingApi);
  const registered = projects.data.filter((project) => project.registeredByGroupingApi);
  const now = new Date();
  return (
    <div className="space-y-8">
      {own.length === 0 ? (
        <EmptyState title="No projects yet">
          {canManage
            ? "Create a project for an application: it gets a DSN, and its Sentry SDK's setup is shown next."
            : "An admin creates projects; each gets a DSN its application's Sentry SDK sends errors to."}{" "}
          Run <code className="font-mono">npm run demo</code> on a fresh data directory to load the demo projects.
        </EmptyState>
      ) : (
        <ProjectsTable caption="Projects" projects={own} now={now} />
      )}
      {registered.length > 0 ? (
        <section aria-labelledby="grouping-api-projects">
          <h2 id="grouping-api-projects" className="text-lg font-semibold">
            Registered by the grouping API
          </h2>
          <p className="mb-3 mt-1 max-w-3xl text-sm text-slate-600">
            Made when a Sentry called the similar-issues API with a project id regroup did not know: their grouping
            records come from that Sentry, and a caller&apos;s project id only ever resolves to one of these.
          </p>
          <ProjectsTable caption="Projects registered by the grouping API" projects={registered} now={now} />
        </section>
      ) : null}
    </div>
  );
}
