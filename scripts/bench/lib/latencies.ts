/** What a load run measured: answers per second and the latency percentiles of its requests. */
export interface LoadResult {
  clients: number;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

/** The LoadResult of these per-request latencies (ms), measured over `elapsedMs`. */
export function summarizeLatencies(
  clients: number,
  latencies: number[],
  errors: number,
  elapsedMs: number,
): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    clients,
    requests: sorted.length,
    errors,
    perSecond: sorted.length / (elapsedMs / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

export function formatResult(label: string, result: LoadResult): string {
  return `${label.padEnd(28)} ${String(result.clients).padStart(3)} clients  ${result.perSecond.toFixed(0).padStart(5)}/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms  ${result.requests} requests, ${result.errors} errors`;
}
