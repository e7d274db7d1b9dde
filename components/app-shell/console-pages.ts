/** What a console page with fixed copy shows above its view; `tabTitle` names the browser tab where it differs. */
export type ConsolePageCopy = { title: string; tabTitle?: string; description: string };

/** The heading and description of every console page whose copy does not depend on what it shows. */
export const consolePages = {
  overview: {
    title: "Overview",
    description:
      "Events are grouped into issues by fingerprint first, then by an embedding model (v1, or v2 where a project has moved to it). This console reviews those decisions and rolls v2 out.",
  },
  audit: {
    title: "Audit log",
    tabTitle: "Audit",
    description:
      "Every change to users, roles and grouping flags: who did it, to what, the state before and after, and the reason given. Newest first.",
  },
  models: {
    title: "Models",
    description:
      "The embedding models of the AI grouping step — the stable one, the next ones projects can move to, and the retired ones — their thresholds, how much of the index they cover, their held-out evaluation, and (for admins) registering, promoting and retiring them.",
  },
  overgrouping: {
    title: "Overgrouping",
    description:
      "Is v2 merging more duplicates without merging unrelated errors? AI-prevented issues, merge rate and overgrouping rate per model, day, platform and project, each with its Wilson 95% interval and sample size.",
  },
  labeledMerges: {
    title: "Labeled merges",
    description:
      "The labeled merges of the random merge sample behind an overgrouping rate; open a pair to see both stack traces.",
  },
  thresholdExplorer: {
    title: "Threshold explorer",
    description:
      "precision_GROUP and recall against the distance threshold, per platform and model, from the labeled pairs; the current threshold and the loosest threshold that keeps 95% precision are marked.",
  },
  projects: {
    title: "Projects",
    description: "Every project regroup groups events for, with its platform, issues and events.",
  },
  review: {
    title: "Review",
    description:
      "Pairs of stack traces to label GROUP / SEPARATE / UNSURE against the v1 and v2 decisions. Only the random sample of AI merges feeds the overgrouping rates.",
  },
  agreement: {
    title: "Agreement",
    description:
      "How much labelers agree beyond chance (Cohen's kappa on the pairs both labeled) and how often each agrees with the others' majority.",
  },
  conflicts: {
    title: "Conflicts",
    description:
      "Pairs where one labeler said GROUP and another SEPARATE. Labeling one again (or a third opinion) settles it.",
  },
  guidelines: {
    title: "Labeling guidelines",
    description: "Shown beside every pair of the platform. Admins edit them; every change is in the audit log.",
  },
  rollout: {
    title: "Rollout",
    description:
      "Per-project v2 flags with an audit trail, cohorts, scheduled changes, guardrails, and each project's migration: v2 coverage, backfill, fallback rate.",
  },
  users: {
    title: "Users",
    description:
      "Who can sign in, and what they may do: viewers read everything, labelers also label pairs, admins also change flags and users. Every change is in the audit log.",
  },
} satisfies Record<string, ConsolePageCopy>;

export type ConsolePageName = keyof typeof consolePages;
