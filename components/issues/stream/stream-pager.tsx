import type { IssueStreamResponse } from "@/lib/contracts/issues";
import { formatCount } from "@/lib/format";
import { Button } from "../../ui/button";

/** How many issues match, and the way to the previous and the next page. */
export function StreamPager({
  page,
  filtered,
  updating,
  onPage,
}: {
  page: IssueStreamResponse;
  filtered: boolean;
  /** A newer answer is on its way (the rows shown are the last ones read). */
  updating: boolean;
  onPage: (cursor: string) => void;
}) {
  const { count, exact } = page.total;
  const counted = `${formatCount(count)}${exact ? "" : "+"} ${count === 1 && exact ? "issue" : "issues"}`;
  return (
    <nav aria-label="Pages of issues" className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p role="status" aria-live="polite" className="text-slate-600">
        {filtered ? `${counted} match` : counted}
        {updating ? " · updating…" : ""}
      </p>
      <div className="flex gap-2">
        <Button disabled={!page.prevCursor} onClick={() => page.prevCursor && onPage(page.prevCursor)}>
          Previous page
        </Button>
        <Button disabled={!page.nextCursor} onClick={() => page.nextCursor && onPage(page.nextCursor)}>
          Next page
        </Button>
      </div>
    </nav>
  );
}
