"use client";

import { useState } from "react";
import { useProjectQuery } from "@/lib/queries/projects";
import { ErrorState, LoadingState } from "../ui/states";
import { CopyButton } from "./copy-button";
import { FirstEventStatus } from "./first-event-status";
import { SdkInstructions } from "./sdk-instructions";

/**
 * A project's DSN and how to send it errors: a project that has had no event yet shows its SDK setup and waits for
 * the first event (asking again every few seconds), then links to the issue that event opened. Viewers see no DSN:
 * its key lets whoever holds it send events.
 */
export function ProjectSetup({ projectId }: { projectId: number }) {
  const query = useProjectQuery(projectId, { waitForFirstEvent: true });
  // Set while rendering (not in an effect): once this page saw the project waiting, it shows how the wait ended.
  const [sawWaiting, setSawWaiting] = useState(false);
  if (query.isPending) return <LoadingState label="Loading the DSN…" />;
  if (query.isError) return <ErrorState title="Could not load the project." error={query.error} />;
  const project = query.data;
  const waiting = project.firstIssue === null && !project.registeredByGroupingApi;
  if (waiting && !sawWaiting) setSawWaiting(true);
  const onboarding = waiting || sawWaiting;

  return (
    <div className="mb-6 space-y-4">
      {project.registeredByGroupingApi ? (
        <p className="rounded-md bg-sky-50 p-3 text-sm text-sky-900">
          Registered by the grouping API for Sentry project {project.callerProjectId}: its grouping records come from
          that Sentry&apos;s similar-issues calls, not from events sent here.
        </p>
      ) : null}
      <section aria-label="DSN" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex items-center justify-between gap-4">
          <h2 className="text-sm font-semibold">DSN</h2>
          {project.dsn ? <CopyButton text={project.dsn} label="Copy the DSN" /> : null}
        </div>
        {project.dsn ? (
          <>
            <p className="mt-1 text-xs text-slate-600">
              Point a Sentry SDK at this DSN to send this project&apos;s errors here. Its key lets whoever holds it send
              events: keep it where your application&apos;s configuration lives.
            </p>
            <code className="mt-2 block break-all rounded bg-slate-100 px-3 py-2 font-mono text-sm">{project.dsn}</code>
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-600">
            Labelers and admins see the DSN here. Its key lets whoever holds it send events to this project, so it is
            not shown to viewers.
          </p>
        )}
      </section>
      {onboarding ? (
        <section aria-label="Send the first event" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-3 text-sm font-semibold">Send the first event</h2>
          {project.dsn ? (
            <div className="mb-4">
              <SdkInstructions platform={project.platform} dsn={project.dsn} />
            </div>
          ) : null}
          <FirstEventStatus firstIssue={project.firstIssue} />
        </section>
      ) : project.dsn && !project.registeredByGroupingApi ? (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer text-sm font-semibold">Set up another SDK</summary>
          <div className="mt-3">
            <SdkInstructions platform={project.platform} dsn={project.dsn} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
