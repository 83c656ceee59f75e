// A store read timed as a bench reports it: once to warm, then `runs` times;
// the median and the spread of those runs.
export interface TimedRuns {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

export async function timedRuns(run: () => Promise<unknown>, runs: number): Promise<TimedRuns> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, low: times[0]!, high: times[runs - 1]! };
}
