import { describe, expect, it } from "vitest";
import {
  defaultIssueStreamView,
  isFiltered,
  issueStreamQuery,
  issueStreamSearch,
  readIssueStreamView,
  withChanges,
} from "./stream-view";

const read = (search: string) => readIssueStreamView(new URLSearchParams(search));

describe("the issue stream's view in the URL", () => {
  it("reads what the URL says and keeps a link to it", () => {
    const view = read(
      "q=card%20declined&created=ai_merge&model=v2&from=2026-12-01&to=2026-12-10&sort=events&order=asc&cursor=abc_-1",
    );
    expect(view).toEqual({
      q: "card declined",
      created: "ai_merge",
      model: "v2",
      from: "2026-12-01",
      to: "2026-12-10",
      sort: "events",
      order: "asc",
      cursor: "abc_-1",
    });
    expect(read(issueStreamSearch(view))).toEqual(view);
  });

  it("takes what it does not know as absent, and leaves the defaults out of the link", () => {
    expect(read("created=manual&model=%3Bdrop&from=yesterday&sort=title&order=up&cursor=%2B%2B")).toEqual(
      defaultIssueStreamView,
    );
    expect(issueStreamSearch(defaultIssueStreamView)).toBe("");
    expect(issueStreamSearch({ ...defaultIssueStreamView, sort: "events" })).toBe("sort=events");
  });

  it("goes back to the first page when the search, a filter or the sort changes", () => {
    const onPage = { ...defaultIssueStreamView, cursor: "abc" };
    expect(withChanges(onPage, { sort: "first_seen" })).toMatchObject({ sort: "first_seen", cursor: null });
    expect(isFiltered(onPage)).toBe(false);
    expect(isFiltered({ ...onPage, q: " x " })).toBe(true);
    expect(isFiltered({ ...onPage, to: "2026-12-10" })).toBe(true);
  });

  it("asks the API for the browser's calendar days, the last one included", () => {
    const query = issueStreamQuery(
      { ...defaultIssueStreamView, q: "  card ", from: "2026-12-01", to: "2026-12-10" },
      50,
    );
    expect(query).toMatchObject({ q: "card", sort: "last_seen", order: "desc", limit: 50 });
    expect(query.firstSeenFrom).toBe(new Date(2026, 11, 1).toISOString());
    expect(query.firstSeenTo).toBe(new Date(2026, 11, 11).toISOString());
    expect(issueStreamQuery(defaultIssueStreamView, 50)).not.toHaveProperty("cursor", expect.anything());
  });
});
