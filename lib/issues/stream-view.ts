import { issueCreatedFilterSchema, type IssueCreatedFilter, type IssueStreamQueryInput } from "../contracts/issues";
import { issueOrderSchema, issueSortSchema, type IssueOrder, type IssueSort } from "../contracts/issue-cursor";

/**
 * What the project page's issue stream shows, as its URL's search parameters say it: so that a page of a search is a
 * link. Dates are the browser's calendar days (`to` included); the API gets them as instants.
 */
export interface IssueStreamView {
  q: string;
  created: IssueCreatedFilter | null;
  model: string | null;
  /** First seen on or after this day (YYYY-MM-DD). */
  from: string | null;
  /** First seen on or before this day (YYYY-MM-DD). */
  to: string | null;
  sort: IssueSort;
  order: IssueOrder;
  /** The page: a cursor the API gave (null: the first page). */
  cursor: string | null;
}

export const defaultIssueStreamView: IssueStreamView = {
  q: "",
  created: null,
  model: null,
  from: null,
  to: null,
  sort: "last_seen",
  order: "desc",
  cursor: null,
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a view from search parameters; a value that is not one it knows counts as absent. */
export function readIssueStreamView(params: { get(name: string): string | null }): IssueStreamView {
  const text = (name: string, pattern?: RegExp) => {
    const value = params.get(name)?.trim();
    return value && (!pattern || pattern.test(value)) ? value : null;
  };
  return {
    q: (params.get("q") ?? "").slice(0, 200),
    created: issueCreatedFilterSchema.safeParse(params.get("created")).data ?? null,
    model: text("model", /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/),
    from: text("from", DAY),
    to: text("to", DAY),
    sort: issueSortSchema.safeParse(params.get("sort")).data ?? defaultIssueStreamView.sort,
    order: issueOrderSchema.safeParse(params.get("order")).data ?? defaultIssueStreamView.order,
    cursor: text("cursor", /^[A-Za-z0-9_-]{1,300}$/),
  };
}

/** The search parameters of a view (defaults left out), without the "?". */
export function issueStreamSearch(view: IssueStreamView): string {
  const search = new URLSearchParams();
  for (const name of ["q", "created", "model", "from", "to", "sort", "order", "cursor"] as const) {
    const value = view[name];
    if (value && value !== defaultIssueStreamView[name]) search.set(name, value);
  }
  return search.toString();
}

/** Whether the view narrows the issues (a search or a filter), as opposed to sorting or paging them. */
export function isFiltered(view: IssueStreamView): boolean {
  return Boolean(view.q.trim() || view.created || view.model || view.from || view.to);
}

/** A view with some of its parts changed, back on the first page (a cursor belongs to one sort and filter). */
export function withChanges(view: IssueStreamView, changes: Partial<IssueStreamView>): IssueStreamView {
  return { ...view, cursor: null, ...changes };
}

/** The start of a calendar day in the browser's time zone, as an instant; `days` later when given. */
function startOfDay(day: string, days = 0): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date + days).toISOString();
}

/** The API's query for a view: the days become instants (the day after `to`, since `firstSeenTo` is exclusive). */
export function issueStreamQuery(view: IssueStreamView, limit: number): IssueStreamQueryInput {
  return {
    q: view.q.trim() || undefined,
    created: view.created ?? undefined,
    model: view.model ?? undefined,
    firstSeenFrom: view.from ? startOfDay(view.from) : undefined,
    firstSeenTo: view.to ? startOfDay(view.to, 1) : undefined,
    sort: view.sort,
    order: view.order,
    limit,
    cursor: view.cursor ?? undefined,
  };
}
