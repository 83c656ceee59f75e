// Early warning benchmark (issue 19: 1,000 metrics × 400 councils × 10
// periods, three rules a metric): how long the flag book takes to work out
// every council's flags after a full import, and one metric's after a batch
// of one. The index is made in memory (bench/synthetic-index.ts): yearly
// proportion metrics over ten years and, beside them, monthly ones over
// fifteen months so that the SPC rule has charts to read; one agreed target
// on 50 yearly metrics for every council (20,000), rated by the engine, for
// the off-trajectory rule.
//
// Printed: the time to keep every latest trend (the index's own work after a
// rebuild, which the concerns read), then every metric's flags (p50 of 5
// runs, and each run), then one metric's (p50, p99 over every metric), and a
// reference in the same process: rating every target once.
//
// Usage: node --import tsx bench/early-warning.ts [-- --metrics 1000 --in-year 50]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { keepTrends } from '../src/domain/benchmark/trend-of.ts';
import { straightTrajectory, type Target, type ToleranceRule } from '../src/domain/targets/index.ts';
import { FlagBook } from '../src/engine/early-warning.ts';
import { TargetProgressBook } from '../src/engine/target-progress.ts';
import { nearestRanks } from './nearest-rank.ts';
import { COUNCILS, FIRST_YEAR, LAST_YEAR, councilCode, syntheticIndex } from './synthetic-index.ts';

const fmt = (n: number, digits = 1) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const RULE: ToleranceRule = Object.freeze({ kind: 'relative', version: 1, greenWithinPercent: 5, amberWithinPercent: 10, amberIfImproved: false });

function timed<T>(work: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = work();
  return { ms: performance.now() - started, result };
}

/** One target a council on each of the first 50 yearly metrics with a polarity (20,000, as issue 18's bench): from the first year's 20% to 15% or 25% (the better way) by the last year. */
function targetsOf(metrics: number): Target[] {
  const baseline = `${FIRST_YEAR}/${String((FIRST_YEAR + 1) % 100).padStart(2, '0')}`;
  const last = `${LAST_YEAR}/${String((LAST_YEAR + 1) % 100).padStart(2, '0')}`;
  const targets: Target[] = [];
  for (let m = 1, made = 0; m <= metrics && made < 50; m++) {
    if (m % 10 === 0) continue; // neutral metrics have no target
    made++;
    const higher = m % 2 === 1;
    const goal = higher ? 25 : 15;
    for (let a = 0; a < COUNCILS; a++) {
      targets.push({
        id: `${m}-${a}`,
        metricCode: `m${String(m).padStart(4, '0')}`,
        areaCodes: [councilCode(a)],
        polarity: higher ? 'higher_is_better' : 'lower_is_better',
        baseline: { period: baseline, value: 20 },
        trajectory: straightTrajectory({ period: baseline, value: 20 }, { period: last, value: goal }),
        shape: 'straight',
        targetValue: goal,
        targetPeriod: last,
        role: 'performance',
        kind: 'local',
        rule: RULE,
        placeholderDue: null,
      });
    }
  }
  return targets;
}

function main(): void {
  const { values } = parseArgs({ options: { metrics: { type: 'string', default: '950' }, 'in-year': { type: 'string', default: '50' } } });
  const metrics = Number(values.metrics);
  const inYear = Number(values['in-year']);
  const index = syntheticIndex({ metrics, inYear, months: 15 });
  const book = new TargetProgressBook(targetsOf(metrics));
  console.log(`Early warning benchmark: ${COUNCILS} councils × ${metrics} yearly metrics × ${LAST_YEAR - FIRST_YEAR + 1} years and ${inYear} monthly metrics × 15 months, in memory`);
  console.log(
    `Node ${process.version}, ${os.cpus().length} cores; load average: ${os
      .loadavg()
      .map((n) => fmt(n, 2))
      .join(', ')}`,
  );

  const rating = timed(() => book.recomputeAll(index));
  const trends = timed(() => {
    for (const series of index.metrics()) keepTrends(index, series);
  });
  const flags = new FlagBook((code) => book.ofMetric(code));
  const runs = Array.from({ length: 5 }, () => timed(() => flags.recomputeAll(index)).ms);
  const [all] = nearestRanks(runs, [0.5]);
  const count = [...flags.flags()].length;
  const byRule = new Map<string, number>();
  for (const flag of flags.flags()) byRule.set(flag.rule, (byRule.get(flag.rule) ?? 0) + 1);

  const one: number[] = [];
  for (const series of index.metrics()) one.push(timed(() => flags.recomputeMetrics(index, [series.metric.code])).ms);
  const [p50, p99] = nearestRanks(one, [0.5, 0.99]);

  console.log(`keeping every latest trend (the index's work after a rebuild): ${fmt(trends.ms, 0)} ms`);
  console.log(`every council's flags, every metric: p50 ${fmt(all!)} ms of 5 runs (${runs.map((ms) => fmt(ms)).join(', ')}); target ≤ 250 ms`);
  console.log(`  ${count} flags: ${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  console.log(`one metric's flags: p50 ${fmt(p50!, 2)} ms, p99 ${fmt(p99!, 2)} ms over ${one.length} metrics; target ≤ 10 ms`);
  console.log(`reference, rating every target once (${[...book.all()].length} targets): ${fmt(rating.ms)} ms; flags ÷ ratings ${fmt(all! / rating.ms, 2)}`);
}

main();
