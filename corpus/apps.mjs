// The applications of the corpus. The split is by application: dev apps are never trained on.
export const PYTHON = process.env.CORPUS_PYTHON ?? "/usr/bin/python3";

const releases = (seed, a, b) => [
  { id: "a", version: a, seed },
  { id: "b", version: b, seed: seed + 1 },
];

export const APPS = [
  {
    name: "invoice-api",
    deployDir: "/srv/invoice-api",
    platform: "node",
    split: "train",
    command: [process.execPath, "--import", "./instrument.mjs", "scenarios.mjs"],
    releases: releases(101, "2.3.0", "2.4.0"),
  },
  {
    name: "fleet-telemetry",
    deployDir: "/srv/fleet-telemetry",
    platform: "node",
    split: "dev",
    command: [process.execPath, "--import", "./instrument.mjs", "scenarios.mjs"],
    releases: releases(202, "0.9.4", "0.10.0"),
  },
  {
    name: "loanbook",
    deployDir: "/srv/loanbook",
    platform: "python",
    split: "train",
    command: [PYTHON, "scenarios.py"],
    releases: releases(303, "1.7.2", "1.8.0"),
  },
  {
    name: "meter-reader",
    deployDir: "/srv/meter-reader",
    platform: "python",
    split: "dev",
    command: [PYTHON, "scenarios.py"],
    releases: releases(404, "3.1.0", "3.2.0"),
  },
  {
    name: "payroll-engine",
    deployDir: "/srv/payroll-engine",
    platform: "java",
    split: "train",
    command: ["sh", "run.sh"],
    releases: releases(505, "5.2.0", "5.3.0"),
  },
  {
    name: "courier-dispatch",
    deployDir: "/srv/courier-dispatch",
    platform: "go",
    split: "dev",
    command: ["sh", "run.sh"],
    releases: releases(606, "1.14.0", "1.15.0"),
  },
  {
    name: "clinic-scheduler",
    deployDir: "/srv/clinic-scheduler",
    platform: "ruby",
    split: "train",
    command: ["sh", "run.sh"],
    releases: releases(707, "2.0.3", "2.1.0"),
  },
  {
    name: "rental-listings",
    deployDir: "/srv/rental-listings",
    platform: "php",
    split: "dev",
    command: ["sh", "run.sh"],
    releases: releases(808, "7.4.1", "7.5.0"),
  },
  {
    name: "seat-reservations",
    deployDir: "/srv/seat-reservations",
    platform: "java",
    split: "dev",
    command: ["sh", "run.sh"],
    releases: releases(909, "3.8.0", "3.9.0"),
  },
  {
    name: "podcast-indexer",
    deployDir: "/srv/podcast-indexer",
    platform: "go",
    split: "train",
    command: ["sh", "run.sh"],
    releases: releases(1010, "0.31.0", "0.32.0"),
  },
  {
    name: "expense-reports",
    deployDir: "/srv/expense-reports",
    platform: "ruby",
    split: "train",
    command: ["sh", "run.sh"],
    releases: releases(1111, "4.2.0", "4.3.0"),
  },
];
