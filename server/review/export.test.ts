import { describe, expect, it } from "vitest";
import { formatLabels, type ExportedLabel } from "./export";

const row: ExportedLabel = {
  pair_id: 7,
  query: '=HYPERLINK("http://evil.example","open")',
  candidate: "b1",
  query_text: "+cmd|' /C calc'!A0",
  candidate_text: "-2+3",
  label: "GROUP",
  platform: "@SUM(1,2)",
  project: 1,
  v1_distance: -0.25,
  v2_distance: null,
  labelers: ["\tada@example.com", "grace@example.com"],
  verdicts: ["GROUP", "GROUP"],
  source: "manual",
  sampling_weight: 1,
};

describe("labels export as CSV", () => {
  it("starts every text cell a spreadsheet would run as a formula with a quote, and leaves numbers alone", () => {
    const [, line] = formatLabels([row], "csv").split("\r\n");
    expect(line).toBe(
      [
        "7",
        `"'=HYPERLINK(""http://evil.example"",""open"")"`,
        "b1",
        "GROUP",
        `"'@SUM(1,2)"`,
        "1",
        "-0.25",
        "",
        "'\tada@example.com;grace@example.com",
        "GROUP;GROUP",
        "manual",
        "1",
        "'+cmd|' /C calc'!A0",
        "'-2+3",
      ].join(","),
    );
  });

  it("keeps JSON lines exactly as stored", () => {
    expect(JSON.parse(formatLabels([row], "jsonl"))).toEqual(row);
  });
});
