// Early warning benchmark (issue 19: 1,000 metrics × 400 councils × 10
// periods, three rules a metric): how long the flag book takes to work out
// every council's flags after a full import, and one metric's after a batch
// of one. The index is made in memory (bench/synthetic-index.ts): yearly
// proportion metrics over ten years and, beside them, monthly ones over
// fifteen months so that the SPC rule has charts to read; one agreed target
// on 50 yearly metrics for every council (20,000), rated again with each
// metric's flags as the flags job rates them, for the off-trajectory rule.
//
// Printed: the time to keep every latest trend (the index's own work after a
// rebuild, which the concerns read), then every metric's flags (p50 of 5
// runs, and each run), then one metric's (p50, p99 over every metric), what
// rating the targets takes of that, and a reference in the same process:
// rating every target once (the engine's book, its targets prepared).
//
// Then storing, on a real PostgreSQL (Lantern's embedded server, in a fresh
// folder, its catalogue holding the index's councils and metrics): every
// council's flags worked out again and brought into the flag table as the
// flags job does (sentences made, the open flags read, compared by
// fingerprint, and raised, changed or cleared), first into an empty table,
// then after a full import that changed nothing, then after one that moved a
// third of them (the flags' lines as the rules would find them, made as the
// job makes its lines: a tenth of them with other figures and those of the
// time before back as they were, a thirteenth not found and those of the time
// before found again); and one metric's, over 200 metrics. p50 and p95 of
// each, and each one's ratio to the reference; for the two full imports, the
// processor time this process and PostgreSQL used (steadier than the clock on
// a busy machine) and the p50 of the parts: recomputing, making the lines,
// and the sync itself. The import that moved some is then stored again by the
// flags job's own code (flagFinder): the agreed targets read from the store,
// which holds them as 400 signed-off agreements, and the metrics worked out a
// part at a time, each part handed to the sync as it is made, so that
// PostgreSQL writes one part while the next is worked out; its processor time
// is also given apart, Lantern's (and of that its garbage collection's) and
// PostgreSQL's. One metric's and a tenth of the metrics' are stored by the
// job's code too, its reading included.
//
// Last, the job as a server runs it after a real full import: a file of every
// metric's latest year for every council (400,000 rows) imported through
// `importFile` into that store, under a listening benchmark engine, and then
// imported again unchanged; the time the flags job (`storeFlags`) takes for
// each such batch, once the index holds it. The import records which metrics
// it changed, so the job works out again only those: none here. Beside it,
// on the index in memory, a full import that changed a tenth of the metrics.
//
// Usage: npm run bench:early-warning [-- --metrics 1000 --in-year 50 --store-runs 7]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { BenchmarkIndex } from '../src/domain/benchmark/benchmark-index.ts';
import { keepTrends } from '../src/domain/benchmark/trend-of.ts';
import { type Flag, type FlagRuleId } from '../src/domain/early-warning/index.ts';
import { straightTrajectory, type Target, type ToleranceRule } from '../src/domain/targets/index.ts';
import { FlagBook } from '../src/engine/early-warning.ts';
import { TargetProgressBook, rateTargets } from '../src/engine/target-progress.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { BenchmarkEngine } from '../src/engine/benchmark-engine.ts';
import { flagFinder, lineOf, storeFlags } from '../src/jobs/flags.ts';
import { syncFlags, type FlagLine, type FlagPart } from '../src/store/flags.ts';
import { createAgreement, setAgreementStatus } from '../src/store/agreements.ts';
import { createOrganisation } from '../src/store/organisations.ts';
import { openStore, type Sql } from '../src/store/store.ts';
import { createTargets } from '../src/store/targets.ts';
import { nearestRanks } from './nearest-rank.ts';
import { lanternSeconds, postgresSeconds } from './processor-time.ts';
import { COUNCILS, ENGLAND, FIRST_YEAR, LAST_YEAR, councilCode, syntheticIndex } from './synthetic-index.ts';
import { targetDrafts } from './synthetic-targets.ts';

/** A day after every period has ended, so that the missing-return rule looks at every metric. */
const TODAY = `${LAST_YEAR + 2}-01-01`;

const fmt = (n: number, digits = 1) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const RULE: ToleranceRule = Object.freeze({ kind: 'relative', version: 1, greenWithinPercent: 5, amberWithinPercent: 10, amberIfImproved: false });

function timed<T>(work: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = work();
  return { ms: performance.now() - started, result };
}

async function timedAsync<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
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

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { metrics: { type: 'string', default: '950' }, 'in-year': { type: 'string', default: '50' }, 'store-runs': { type: 'string', default: '7' } } });
  const metrics = Number(values.metrics);
  const inYear = Number(values['in-year']);
  const index = syntheticIndex({ metrics, inYear, months: 15 });
  const targets = targetsOf(metrics);
  const book = new TargetProgressBook(targets);
  console.log(`Early warning benchmark: ${COUNCILS} councils × ${metrics} yearly metrics × ${LAST_YEAR - FIRST_YEAR + 1} years and ${inYear} monthly metrics × 15 months, in memory`);
  console.log(
    `Node ${process.version}, ${os.cpus().length} cores; load average: ${os
      .loadavg()
      .map((n) => fmt(n, 2))
      .join(', ')}`,
  );
  // npm start gives the server a larger young generation; the figures are the server's only if this run has it too.
  const semiSpace = process.execArgv.find((flag) => flag.startsWith('--max-semi-space-size'));
  console.log(`V8's semi-spaces: ${semiSpace ? `${semiSpace}, as npm start runs Lantern` : "Node's default, not npm start's --max-semi-space-size=64"}`);

  const rating = timed(() => book.recomputeAll(index));
  const trends = timed(() => {
    for (const series of index.metrics()) keepTrends(index, series);
  });
  // Each recompute rates the metric's targets again, as the flags job does (their preparing kept, as the job keeps
  // its targets while they are unchanged); a day after every period has ended, so that the missing-return rule
  // looks at every metric.
  const byMetric = grouped(targets, (target) => target.metricCode);
  const flags = new FlagBook((code) => rateTargets(index, byMetric.get(code) ?? []), { today: TODAY });
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
  // What the recompute above spends rating, a metric's targets at a time: targets met for the first time are prepared
  // (their periods read, their trajectories put in maps); the job gives its targets again while they are unchanged.
  const rateEach = (byCode: ReadonlyMap<string, readonly Target[]>) => () => {
    for (const list of byCode.values()) rateTargets(index, list);
  };
  const fresh = () => new Map([...byMetric].map(([code, list]) => [code, list.map((target) => ({ ...target }))]));
  const [firstTime] = nearestRanks(
    Array.from({ length: 5 }, () => timed(rateEach(fresh())).ms),
    [0.5],
  );
  const [again] = nearestRanks(
    Array.from({ length: 5 }, () => timed(rateEach(byMetric)).ms),
    [0.5],
  );
  console.log(`  of which rating every target, as the flags job does: p50 ${fmt(again!)} ms with the targets it kept; ${fmt(firstTime!)} ms for targets new to it`);
  console.log(`reference, rating every target once (${[...book.all()].length} targets): ${fmt(rating.ms)} ms; flags ÷ ratings ${fmt(all! / rating.ms, 2)}`);
  await storing(index, flags, targets, rating.ms, Number(values['store-runs']));
}

/** The flags as the job stores them, with their sentences; `alter` changes some on the way, as an import would. */
function linesOf(index: BenchmarkIndex, flags: FlagBook, codes: readonly string[], alter: (line: FlagLine, n: number) => FlagLine | null = (line) => line, counted = { n: 0 }): FlagLine[] {
  const lines: FlagLine[] = [];
  let n = counted.n;
  for (const code of codes) {
    const metric = index.metric(code)!.metric;
    const named = { title: metric.title, decimals: metric.decimals, unit: metric.unit };
    for (const flag of flags.ofMetric(code).flags) {
      const line = alter(lineOf(flag, named), n++);
      if (line) lines.push(line);
    }
  }
  counted.n = n;
  return lines;
}

/** The targets by `key`, each group in the order given. */
function grouped(targets: readonly Target[], key: (target: Target) => string): Map<string, Target[]> {
  const groups = new Map<string, Target[]>();
  for (const target of targets) {
    const group = groups.get(key(target));
    if (group) group.push(target);
    else groups.set(key(target), [target]);
  }
  return groups;
}

/** The job's parts as an import might have left them: `alter` changes some lines on the way. */
function* altered(parts: Iterable<FlagPart>, alter: (line: FlagLine, n: number) => FlagLine | null): Generator<FlagPart> {
  let n = 0;
  for (const part of parts) {
    const lines: FlagLine[] = [];
    for (const line of part.lines) {
      const kept = alter(line, n++);
      if (kept) lines.push(kept);
    }
    yield { metrics: part.metrics, lines };
  }
}

/**
 * The targets agreed in the store, as the flags job reads them: each
 * council's in one agreement, signed off, its targets written as
 * bench:target-pages writes its own.
 */
async function agreeTargets(sql: Sql, targets: readonly Target[]): Promise<void> {
  for (const [area, own] of grouped(targets, (target) => target.areaCodes[0]!)) {
    const council = await createOrganisation(sql, { name: `Council of ${area}`, kind: 'council', areaCode: area });
    const agreement = await createAgreement(
      sql,
      {
        kind: 'local_area_agreement',
        title: `Agreement of ${area}`,
        firstYear: own[0]!.baseline!.period,
        lastYear: own[0]!.targetPeriod!,
        planStart: `${FIRST_YEAR}-04-01`,
        planEnd: `${LAST_YEAR + 1}-03-31`,
        areas: [area],
        designatedCap: own.length,
        partners: [{ kind: 'council', name: council.name, organisationId: council.id }],
      },
      council.id,
      'bench',
    );
    await createTargets(sql, agreement.id, targetDrafts(own, area, agreement.partners[0]!.id), 'bench');
    await setAgreementStatus(sql, agreement.id, 'signed_off', 1, 'bench');
  }
}

/**
 * The rules' lines as a full import might leave them, each made as the job
 * makes its lines (lineOf), so that the sync reads lines of one kind, as it
 * does in the job: a thirteenth of the flags not found (cleared), those not
 * found the time before found again (raised), and a tenth with their figure
 * moved, those moved the time before moved back (changed).
 */
function imported(index: BenchmarkIndex, round: number) {
  return (line: FlagLine, n: number): FlagLine | null => {
    if ((n + round) % 13 === 0) return null;
    if ((n + round) % 10 !== 2) return line;
    const values = { ...line.figures };
    const figure = 'value' in values ? 'value' : 'actual'; // off trajectory's figure is its actual
    values[figure] = Number(values[figure]) + round / 1000;
    const flag: Flag = { rule: line.rule as FlagRuleId, version: line.ruleVersion, area: line.area, metric: line.metric, period: line.period, values };
    const { title, decimals, unit } = index.metric(line.metric!)!.metric;
    return lineOf(flag, { title, decimals, unit });
  };
}

async function load(sql: Sql, fileName: string, text: string): Promise<void> {
  const result = await importFile(sql, { fileName, input: Readable.from([Buffer.from(text)]), importedBy: 'bench' });
  if (result.status !== 'loaded') throw new Error(`${fileName}: ${JSON.stringify(result.rejections.slice(0, 3))}`);
}

async function storing(index: BenchmarkIndex, flags: FlagBook, targets: readonly Target[], referenceMs: number, runs: number): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-flags-'));
  const store = await openStore({ dataDir, role: 'bench' });
  try {
    const { sql } = store;
    const codes = [...index.metrics()].map((series) => series.metric.code);
    await load(sql, 'areas.csv', ['code,name,type', `${ENGLAND},England,england`, ...Array.from({ length: COUNCILS }, (_, a) => `${councilCode(a)},Council ${a + 1},unitary`)].join('\n'));
    await load(sql, 'metrics.csv', ['code,title,polarity,value_kind,period_kind', ...codes.map((code) => `${code},${code},higher_is_better,mean,financial_year`)].join('\n'));
    await agreeTargets(sql, targets);
    // The flags job's day is its sync's: from the in-memory book's, so that both look at the same returns.
    let day = Date.parse(TODAY);
    const at = () => new Date((day += 86_400_000));
    const ratio = (ms: number) => fmt(ms / referenceMs, 2);
    const line = (what: string, times: number[], target: string) => {
      const [p50, p95] = nearestRanks(times, [0.5, 0.95]);
      console.log(`${what}: p50 ${fmt(p50!)} ms, p95 ${fmt(p95!)} ms of ${times.length} runs; ÷ reference ${ratio(p50!)}; target ${target}`);
    };
    console.log(`Storing, on PostgreSQL (embedded, ${dataDir}):`);

    const first = await timedAsync(async () => {
      flags.recomputeAll(index);
      return syncFlags(sql, codes, linesOf(index, flags, codes), at());
    });
    console.log(`every council's flags recomputed and stored into an empty table: ${fmt(first.ms)} ms (${first.result.raised} raised)`);

    const sentences = timed(() => linesOf(index, flags, codes).map((line) => (typeof line.sentence === 'function' ? line.sentence() : line.sentence))).ms;
    console.log(`  making every flag's sentence (made only for those raised or changed): ${fmt(sentences)} ms`);

    const unchanged: number[] = [];
    const processor: number[] = [];
    const postgres = postgresSeconds(dataDir);
    const parts = { recompute: [] as number[], lines: [] as number[], sync: [] as number[] };
    for (let r = 0; r < runs; r++) {
      const used = lanternSeconds() + postgres();
      const started = performance.now();
      parts.recompute.push(timed(() => flags.recomputeAll(index)).ms);
      const found = timed(() => linesOf(index, flags, codes));
      parts.lines.push(found.ms);
      parts.sync.push((await timedAsync(() => syncFlags(sql, codes, found.result, at()))).ms);
      unchanged.push(performance.now() - started);
      processor.push((lanternSeconds() + postgres() - used) * 1000);
    }
    line("every council's flags recomputed and stored after a full import that changed none", unchanged, '≤ 250 ms');
    // Steadier than the clock on a machine busy with other work: what this run itself used of the processor.
    console.log(`  processor time, Lantern's and PostgreSQL's: p50 ${fmt(nearestRanks(processor, [0.5])[0]!)} ms`);
    const p50 = (times: number[]) => fmt(nearestRanks(times, [0.5])[0]!);
    console.log(`  p50 of its parts: recomputing ${p50(parts.recompute)} ms, fingerprints ${p50(parts.lines)} ms, comparing and storing ${p50(parts.sync)} ms`);

    const changed: number[] = [];
    const moved = { processor: [] as number[], recompute: [] as number[], lines: [] as number[], sync: [] as number[] };
    let counts = { raised: 0, changed: 0, cleared: 0 };
    for (let r = 1; r <= runs; r++) {
      const used = lanternSeconds() + postgres();
      const started = performance.now();
      moved.recompute.push(timed(() => flags.recomputeAll(index)).ms);
      const found = timed(() => linesOf(index, flags, codes, imported(index, r)));
      moved.lines.push(found.ms);
      const sync = await timedAsync(() => syncFlags(sql, codes, found.result, at()));
      moved.sync.push(sync.ms);
      changed.push(performance.now() - started);
      moved.processor.push((lanternSeconds() + postgres() - used) * 1000);
      counts = sync.result;
    }
    line("every council's flags recomputed and stored after a full import that changed some, one step after another", changed, '≤ 250 ms');
    console.log(`  the last: ${counts.raised} raised, ${counts.changed} changed, ${counts.cleared} cleared`);
    console.log(`  processor time, Lantern's and PostgreSQL's: p50 ${p50(moved.processor)} ms`);
    console.log(`  p50 of its parts: recomputing ${p50(moved.recompute)} ms, fingerprints ${p50(moved.lines)} ms, comparing, sentences and storing ${p50(moved.sync)} ms`);

    // The same imports again, as the flags job stores them: the agreed targets read from the store, and the metrics
    // worked out (their targets rated) a part at a time by the job's own code, each part handed to the sync as it is made.
    // Once untimed: the store reads the targets it then keeps, and off trajectory's flags take their stored ids.
    const firstDay = at();
    await syncFlags(sql, codes, async () => (await flagFinder(sql, codes, firstDay))(index), firstDay);
    const handed: number[] = [];
    const handedProcessor = { both: [] as number[], lantern: [] as number[], postgres: [] as number[], collecting: [] as number[] };
    // Lantern's share, and its garbage collection's: the clock follows Lantern's processor time, PostgreSQL's runs beside it.
    let collected = 0;
    const collector = new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) collected += entry.duration;
    });
    collector.observe({ entryTypes: ['gc'] });
    for (let r = runs + 1; r <= 2 * runs; r++) {
      const [lanternUsed, postgresUsed, collectedBefore] = [lanternSeconds(), postgres(), collected];
      const run = await timedAsync(async () => {
        const when = at();
        const find = await flagFinder(sql, codes, when);
        return syncFlags(sql, codes, async () => altered(find(index), imported(index, r)), when);
      });
      handed.push(run.ms);
      await new Promise((resolve) => setImmediate(resolve)); // the observer hears of the run's last collection
      const [lantern, postgresNow] = [(lanternSeconds() - lanternUsed) * 1000, (postgres() - postgresUsed) * 1000];
      handedProcessor.both.push(lantern + postgresNow);
      handedProcessor.lantern.push(lantern);
      handedProcessor.postgres.push(postgresNow);
      handedProcessor.collecting.push(collected - collectedBefore);
      counts = run.result;
    }
    collector.disconnect();
    line("every council's flags recomputed and stored after a full import that changed some, worked out a part at a time as the job does", handed, '≤ 250 ms');
    console.log(`  the last: ${counts.raised} raised, ${counts.changed} changed, ${counts.cleared} cleared`);
    console.log(
      `  processor time, Lantern's and PostgreSQL's: p50 ${p50(handedProcessor.both)} ms; Lantern's p50 ${p50(handedProcessor.lantern)} ms ` +
        `(its garbage collection ${p50(handedProcessor.collecting)} ms), PostgreSQL's p50 ${p50(handedProcessor.postgres)} ms`,
    );

    // A batch of one metric, and a tenth of them, as the job stores them too: what it reads included.
    const asTheJob = async (metrics: readonly string[], alter: (line: FlagLine, n: number) => FlagLine | null = (line) => line) => {
      const when = at();
      const find = await flagFinder(sql, metrics, when);
      return syncFlags(sql, metrics, async () => altered(find(index), alter), when);
    };
    const one: number[] = [];
    for (const code of codes.filter((_, i) => i % Math.ceil(codes.length / 200) === 0)) one.push((await timedAsync(() => asTheJob([code]))).ms);
    line("one metric's flags recomputed and stored, as the flags job does", one, '≤ 10 ms');

    const tenth: number[] = [];
    for (let r = 0; r < runs; r++) {
      const changedMetrics = codes.filter((_, i) => (i + r) % 10 === 0);
      tenth.push((await timedAsync(() => asTheJob(changedMetrics, imported(index, r + 100)))).ms);
    }
    line(`every council's flags after a full import that changed a tenth of the metrics (${codes.length / 10} recomputed and stored)`, tenth, '≤ 250 ms');
    await afterFullImports(sql, codes, Math.min(runs, 5), line);
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The flags job after real full imports that changed nothing: every metric's
 * latest year for every council, loaded once (inserted), then again as it
 * was, each batch heard by a listening engine; timed from the index holding
 * the batch to its flags stored.
 */
async function afterFullImports(sql: Sql, codes: readonly string[], runs: number, line: (what: string, times: number[], target: string) => void): Promise<void> {
  const year = `${LAST_YEAR}/${String((LAST_YEAR + 1) % 100).padStart(2, '0')}`;
  const rows = codes.flatMap((code, m) => Array.from({ length: COUNCILS }, (_, a) => `${code},${councilCode(a)},${year},${20 + ((m * 7 + a * 13) % 100) / 10}`));
  const file = ['metric,area,period,value', ...rows].join('\n');
  const engine = await BenchmarkEngine.start(sql, () => {});
  try {
    const first = await timedAsync(() => importFile(sql, { fileName: 'latest-year.csv', input: Readable.from([Buffer.from(file)]), importedBy: 'bench' }));
    if (first.result.status !== 'loaded') throw new Error('the full import was refused');
    await engine.settled();
    await storeFlags(sql, engine, first.result.batchId);
    console.log(`a full import of every metric's latest year (${rows.length.toLocaleString('en-GB')} rows): ${fmt(first.ms, 0)} ms, ${first.result.inserted} inserted`);
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const again = await importFile(sql, { fileName: 'latest-year.csv', input: Readable.from([Buffer.from(file)]), importedBy: 'bench' });
      if (again.status !== 'loaded' || again.unchanged !== rows.length) throw new Error('the same file again should change nothing');
      await engine.settled();
      times.push((await timedAsync(() => storeFlags(sql, engine, again.batchId))).ms);
    }
    line('the flags job after a full import that changed nothing (the same file again; every metric brought, none changed)', times, '≤ 250 ms');
  } finally {
    await engine.stop();
  }
}

await main();
