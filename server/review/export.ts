import "server-only";
import type { ReviewSource } from "@/lib/contracts/review";
import { strictMajority } from "@/engine/metrics/kappa";
import { db } from "../db";
import { textOfEvent } from "./distances";

/**
 * One exported labeled pair, in the format `npm run train -- --labels` reads (server/training/labels.ts):
 * query_text / candidate_text (the embedding texts), label GROUP | SEPARATE, platform, project; the extra fields
 * (ids, distances, labelers, source, weight) are ignored by the trainer and kept for analysis.
 */
export interface ExportedLabel {
  query: string;
  candidate: string;
  query_text: string;
  candidate_text: string;
  label: "GROUP" | "SEPARATE";
  platform: string;
  project: number;
  v1_distance: number | null;
  v2_distance: number | null;
  labelers: string[];
  verdicts: string[];
  pair_id: number;
  source: ReviewSource;
  sampling_weight: number;
}

export const EXPORT_COLUMNS: (keyof ExportedLabel)[] = [
  "pair_id",
  "query",
  "candidate",
  "label",
  "platform",
  "project",
  "v1_distance",
  "v2_distance",
  "labelers",
  "verdicts",
  "source",
  "sampling_weight",
  "query_text",
  "candidate_text",
];

/**
 * The pairs with a decided label: the strict majority of the labelers' GROUP/SEPARATE verdicts (UNSURE labels do
 * not vote). Pairs that are tied, or only UNSURE, are left out; the trainer accepts only GROUP and SEPARATE.
 */
export async function exportLabels(filter: { project?: number; source?: ReviewSource } = {}): Promise<ExportedLabel[]> {
  const prisma = await db();
  const eventSelect = { eventId: true, embeddingText: true, payload: true } as const;
  const pairs = await prisma.reviewPair.findMany({
    where: {
      labels: { some: {} },
      ...(filter.project ? { projectId: filter.project } : {}),
      ...(filter.source ? { source: filter.source } : {}),
    },
    include: {
      eventA: { select: eventSelect },
      eventB: { select: eventSelect },
      labels: { orderBy: { labelerName: "asc" } },
    },
    orderBy: { id: "asc" },
  });
  return pairs.flatMap((pair) => {
    const votes = pair.labels.map((l) => l.verdict).filter((v): v is "GROUP" | "SEPARATE" => v !== "UNSURE");
    const label = strictMajority(votes);
    const queryText = textOfEvent(pair.eventA);
    const candidateText = textOfEvent(pair.eventB);
    if (!label || !queryText || !candidateText) return [];
    return [
      {
        query: pair.eventA.eventId,
        candidate: pair.eventB.eventId,
        query_text: queryText,
        candidate_text: candidateText,
        label,
        platform: pair.platform,
        project: pair.projectId,
        v1_distance: pair.v1Distance,
        v2_distance: pair.v2Distance,
        labelers: pair.labels.map((l) => l.labelerName),
        verdicts: pair.labels.map((l) => l.verdict),
        pair_id: pair.id,
        source: pair.source,
        sampling_weight: pair.samplingWeight,
      },
    ];
  });
}

// A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…), @SUM(…)); event texts and
// names come from whoever sent the events, so such cells get a leading ' (OWASP's advice for CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: unknown): string {
  if (typeof value === "number") return String(value); // a negative distance is a number, not a formula
  const joined = Array.isArray(value) ? value.join(";") : value === null || value === undefined ? "" : String(value);
  const text = FORMULA_START.test(joined) ? `'${joined}` : joined;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * JSON lines (one object per line) or CSV with a header row; list fields are joined with ";" in CSV, and text
 * cells that a spreadsheet would run as a formula start with a '.
 */
export function formatLabels(rows: readonly ExportedLabel[], format: "jsonl" | "csv"): string {
  if (format === "jsonl") return rows.map((row) => JSON.stringify(row)).join("\n") + (rows.length ? "\n" : "");
  const lines = [
    EXPORT_COLUMNS.join(","),
    ...rows.map((row) => EXPORT_COLUMNS.map((column) => csvCell(row[column])).join(",")),
  ];
  return lines.join("\r\n") + "\r\n";
}
