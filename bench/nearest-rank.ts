// Percentiles of timings by nearest rank, as every bench prints them: the
// smallest time that at least p of the runs took no longer than.
export function nearestRanks(times: readonly number[], ps: readonly number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  return ps.map((p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!);
}

export function nearestRank(times: readonly number[], p: number): number {
  return nearestRanks(times, [p])[0]!;
}
