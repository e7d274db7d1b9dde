import "server-only";

/** Where an event goes: an existing issue, or a new one (named by the hash that would start it). */
export type IssueKey = { id: number } | { id: null; hash: string };

export interface EventFlow {
  /** The event's issue today. */
  from: number;
  /** Its issue under the candidate settings. */
  to: IssueKey;
  title: string;
}

/** How many of the splits and merges a preview lists (the counts cover all of them). */
export const LISTED = 20;

const keyOf = (issue: IssueKey) => (issue.id !== null ? `#${issue.id}` : `new:${issue.hash}`);

/** Where the events of the run go: which issues split (events to several issues) and which merge (several into one). */
export function summariseFlows(flows: readonly EventFlow[]) {
  const targetsBySource = new Map<number, Map<string, { to: IssueKey; events: number }>>();
  const sourcesByTarget = new Map<string, { to: IssueKey; from: Map<number, number> }>();
  const newIssueTitles = new Map<string, string>();
  let eventsChangingIssue = 0;
  for (const flow of flows) {
    const key = keyOf(flow.to);
    if (flow.to.id !== flow.from) eventsChangingIssue += 1;
    if (flow.to.id === null && !newIssueTitles.has(flow.to.hash)) newIssueTitles.set(flow.to.hash, flow.title);
    const targets = targetsBySource.get(flow.from) ?? new Map<string, { to: IssueKey; events: number }>();
    targetsBySource.set(flow.from, targets);
    const target = targets.get(key) ?? { to: flow.to, events: 0 };
    targets.set(key, { to: target.to, events: target.events + 1 });
    const sources = sourcesByTarget.get(key) ?? { to: flow.to, from: new Map<number, number>() };
    sourcesByTarget.set(key, sources);
    sources.from.set(flow.from, (sources.from.get(flow.from) ?? 0) + 1);
  }

  const splits = [...targetsBySource]
    .filter(([, targets]) => targets.size >= 2)
    .map(([from, targets]) => {
      const into = [...targets.values()].sort((a, b) => b.events - a.events);
      const events = into.reduce((sum, part) => sum + part.events, 0);
      const moved = into.filter((part) => part.to.id !== from).reduce((sum, part) => sum + part.events, 0);
      return { from, events, moved, into };
    })
    .sort((a, b) => b.moved - a.moved);

  // An existing issue that receives another issue's events is a merge even when none of its own events is recent.
  const merges = [...sourcesByTarget.values()]
    .filter(({ to, from }) => new Set([...from.keys(), ...(to.id !== null ? [to.id] : [])]).size >= 2)
    .map(({ to, from }) => {
      const parts = [...from]
        .filter(([source]) => source !== to.id)
        .map(([source, events]) => ({ from: source, events }))
        .sort((a, b) => b.events - a.events);
      return { into: to, from: parts, received: parts.reduce((sum, part) => sum + part.events, 0) };
    })
    .sort((a, b) => b.received - a.received);

  const issueIds = new Set<number>(flows.map((flow) => flow.from));
  for (const { to } of sourcesByTarget.values()) if (to.id !== null) issueIds.add(to.id);
  return {
    eventsChangingIssue,
    splits: splits.slice(0, LISTED).map(({ from, events, into }) => ({ from, events, into })),
    splitCount: splits.length,
    merges: merges.slice(0, LISTED).map(({ into, from }) => ({ into, from })),
    mergeCount: merges.length,
    issueIds: [...issueIds],
    newIssueTitles,
  };
}
