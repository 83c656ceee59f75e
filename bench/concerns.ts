// Concerns benchmark: how long working out "worse than comparators and
// getting worse" takes for every council, as early warning will ask it.
// The index is made in memory: 400 unitary councils and England, 200
// proportion metrics with counts (so each figure has an interval and a trend
// can be tested) over ten financial years, each council drifting at its own
// pace so that some are worse and getting worse. Each council's concerns are
// worked out against England: first with no trend kept (as just after a
// rebuild), then again with every latest trend kept (as the server keeps
// them), and each pass prints the time per council (p50, p99) and in all.
//
// Usage: node --import tsx bench/concerns.ts [-- --metrics 200]
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { BenchmarkIndex } from '../src/domain/benchmark/benchmark-index.ts';
import { keepTrends } from '../src/domain/benchmark/trend-of.ts';
import { areaConcerns } from '../src/domain/benchmark/worse-and-worsening.ts';
import { nearestRanks } from './nearest-rank.ts';
import { COUNCILS, FIRST_YEAR, LAST_YEAR, syntheticIndex } from './synthetic-index.ts';

const fmt = (n: number, digits = 2) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Every council's concerns once: the time each took, and how many were found. */
function everyCouncil(index: BenchmarkIndex): { times: number[]; findings: number; councilsWithAny: number } {
  const times: number[] = [];
  let findings = 0;
  let councilsWithAny = 0;
  for (const area of index.areas) {
    if (area.type === 'england') continue;
    const started = performance.now();
    const found = areaConcerns(index, area, { group: { kind: 'england' }, level: 0.95 });
    times.push(performance.now() - started);
    findings += found.length;
    if (found.length > 0) councilsWithAny++;
  }
  return { times, findings, councilsWithAny };
}

function report(pass: string, { times, findings, councilsWithAny }: ReturnType<typeof everyCouncil>): void {
  const [p50, p99] = nearestRanks(times, [0.5, 0.99]);
  const total = times.reduce((sum, t) => sum + t, 0);
  console.log(`${pass}: per council p50 ${fmt(p50!)} ms, p99 ${fmt(p99!)} ms; all ${times.length} councils ${fmt(total, 0)} ms; ${findings} findings, ${councilsWithAny} councils with any`);
}

function main(): void {
  const { values } = parseArgs({ options: { metrics: { type: 'string', default: '200' } } });
  const metrics = Number(values.metrics);
  if (!Number.isInteger(metrics) || metrics < 1) throw new Error(`--metrics must be a whole number above 0, not '${values.metrics}'`);
  const index = syntheticIndex({ metrics });
  console.log(`Concerns benchmark: ${COUNCILS} councils × ${metrics} proportion metrics × ${LAST_YEAR - FIRST_YEAR + 1} years, against England, in memory`);
  console.log(
    `Node ${process.version}, ${os.cpus().length} cores; load average: ${os
      .loadavg()
      .map((n) => fmt(n))
      .join(', ')}`,
  );
  report('no trends kept (just after a rebuild)', everyCouncil(index));
  for (const series of index.metrics()) keepTrends(index, series);
  report('every latest trend kept (as the server keeps them)', everyCouncil(index));
}

main();
