const countFormat = new Intl.NumberFormat("en-US");

export function formatCount(value: number): string {
  return countFormat.format(value);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const relativeFormat = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });

/** "3 hours ago", "yesterday", "just now". */
export function formatRelativeTime(date: Date, now: Date): string {
  const elapsed = date.getTime() - now.getTime();
  for (const [unit, ms] of units) {
    if (Math.abs(elapsed) >= ms) return relativeFormat.format(Math.round(elapsed / ms), unit);
  }
  return "just now";
}

/** A moment as the audit log shows it: day and time in UTC (the same on the server's render and in every browser). */
export function formatDateTime(iso: string): string {
  return `${new Date(iso).toLocaleString("en-GB", { timeZone: "UTC" })} UTC`;
}
