"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import type { IssueSummary } from "@/lib/contracts/issues";
import {
  isFiltered,
  issueStreamSearch,
  readIssueStreamView,
  withChanges,
  type IssueStreamView,
} from "@/lib/issues/stream-view";
import { useIssueStreamQuery } from "@/lib/queries/issues";
import { useModelsQuery } from "@/lib/queries/models";
import { Button } from "../../ui/button";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { IssueTable } from "./issue-table";
import { MergeSelectedDialog, type PickedIssue } from "./merge-selected-dialog";
import { StreamControls } from "./stream-controls";
import { StreamPager } from "./stream-pager";

/**
 * The project page's issues: searched, filtered, sorted and paged on the server, with all of it in the URL's search
 * parameters, so that a page of a search is a link and the browser's back goes to the page before. With `canMerge`,
 * issues can be picked (across pages and searches) and merged ("Merge selected").
 */
export function IssueStream({ projectId, canMerge }: { projectId: number; canMerge: boolean }) {
  const pathname = usePathname();
  // Issues picked for a merge, across pages and searches, until merged.
  const [picked, setPicked] = useState<ReadonlyMap<number, PickedIssue>>(new Map());
  const toggle = (issue: IssueSummary, checked: boolean) =>
    setPicked((current) => {
      const next = new Map(current);
      if (checked) next.set(issue.id, { id: issue.id, title: issue.title, eventCount: issue.eventCount });
      else next.delete(issue.id);
      return next;
    });
  const view = readIssueStreamView(useSearchParams());
  const stream = useIssueStreamQuery(projectId, view);
  const models = useModelsQuery();
  const filtered = isFiltered(view);

  // The browser's history API, which Next.js's router follows (useSearchParams sees it), rather than a navigation:
  // the page's server part has nothing to render again. A change is made to the URL as it is when it happens, not as
  // it was when the control rendered (a search sent after its pause must keep a sort chosen meanwhile).
  const go = (next: IssueStreamView, how: "push" | "replace") => {
    if (window.location.pathname !== pathname) return;
    const search = issueStreamSearch(next);
    const url = search ? `${pathname}?${search}` : pathname;
    if (how === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };
  const change = (changes: Partial<IssueStreamView>) =>
    go(withChanges(readIssueStreamView(new URLSearchParams(window.location.search)), changes), "replace");

  return (
    <section aria-labelledby="issues-heading" className="mb-6">
      <h2 id="issues-heading" className="mb-2 text-sm font-semibold">
        Issues
      </h2>
      {canMerge ? (
        <div className="mb-2">
          <MergeSelectedDialog picked={[...picked.values()]} onMerged={() => setPicked(new Map())} />
        </div>
      ) : null}
      <StreamControls
        view={view}
        models={models.data?.models.map((model) => model.version) ?? []}
        filtered={filtered}
        onChange={change}
      />
      {stream.isPending ? (
        <LoadingState label="Loading the issues…" />
      ) : stream.isError ? (
        <ErrorState title="Could not load the issues." error={stream.error} />
      ) : stream.data.issues.length === 0 ? (
        filtered ? (
          <EmptyState title="No issues match">Change the search or the filters, or clear them.</EmptyState>
        ) : view.cursor ? (
          <EmptyState title="No issues on this page">
            <Button onClick={() => go(withChanges(view, {}), "push")}>Back to the first page</Button>
          </EmptyState>
        ) : (
          <EmptyState title="No issues yet">Errors sent with the project&apos;s DSN appear here as issues.</EmptyState>
        )
      ) : (
        <>
          <IssueTable
            issues={stream.data.issues}
            now={new Date()}
            selection={canMerge ? { picked: new Set(picked.keys()), onToggle: toggle } : undefined}
          />
          <StreamPager
            page={stream.data}
            filtered={filtered}
            updating={stream.isPlaceholderData}
            onPage={(cursor) => go({ ...view, cursor }, "push")}
          />
        </>
      )}
    </section>
  );
}
