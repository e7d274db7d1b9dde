import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PageHeader } from "../ui/page-header";
import { consolePages, type ConsolePageCopy, type ConsolePageName } from "./console-pages";

/** The page's metadata: its browser tab title, from the same copy as its heading. */
export function consolePageMetadata(page: ConsolePageName): Metadata {
  const copy: ConsolePageCopy = consolePages[page];
  return { title: copy.tabTitle ?? copy.title };
}

/** One console page: its header (title, description, optional actions) above the feature view it renders. */
export function ConsolePage({ page, actions, view }: { page: ConsolePageName; actions?: ReactNode; view: ReactNode }) {
  const { title, description } = consolePages[page];
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      {view}
    </>
  );
}
