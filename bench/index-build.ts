// The benchmark index's first build, timed in one process three ways: Lantern's
// loader reading metrics' packs (buildIndex: one row per metric, its columns
// packed as binary, made into slices without an object per observation); the
// same loader with no packs, PostgreSQL packing each metric from its
// observations as it reads (a start just after an import of everything,
// before the minutely job packed it again); and the
// loader it replaced, kept here as the reference (one query per metric, four
// at a time, every observation parsed by the driver into an array of seven
// values and added one at a time). Both must give the same index.
//
// Each build is timed by the clock, by this process's CPU, and by the CPU of
// the embedded PostgreSQL's processes (from /proc), because on a machine that
// other work shares, the clock says more about the other work than about the
// build; the CPU figures say what the build itself costs.
import fs from 'node:fs';
import path from 'node:path';
import { BenchmarkIndex, SeriesBuilder, type IndexMetric } from '../src/domain/benchmark/benchmark-index.ts';
import { countsGiveIntervals } from '../src/domain/benchmark/benchmark-queries.ts';
import { buildIndex } from '../src/engine/benchmark-engine.ts';
import { loadIndexAreas, loadIndexMetrics } from '../src/store/benchmark-source.ts';
import { forgetSeriesPacks, packMissingSeries } from '../src/store/series-packs.ts';
import type { Sql } from '../src/store/store.ts';

export interface BuildTiming {
  readonly seconds: number;
  /** This process's CPU (user and system). */
  readonly nodeCpu: number;
  /** The CPU of every process of the embedded PostgreSQL server. */
  readonly storeCpu: number;
}

export type Loader = 'lantern' | 'unpacked' | 'reference';

/** Builds the index with `loader` and times it; `dataDir` is the embedded store's folder. */
export async function timeBuild(sql: Sql, dataDir: string, loader: Loader): Promise<{ index: BenchmarkIndex; timing: BuildTiming }> {
  let index: BenchmarkIndex | undefined;
  const timing = await timed(dataDir, async () => {
    index = loader === 'reference' ? await referenceBuild(sql) : await buildIndex(sql, { packs: loader === 'lantern' });
  });
  return { index: index!, timing };
}

/** Packs every metric again (the minutely job's work after an import of everything), timed. */
export async function timePacking(sql: Sql, dataDir: string): Promise<{ metrics: number; observations: number; timing: BuildTiming }> {
  await forgetSeriesPacks(sql);
  let packed = { metrics: 0, observations: 0 };
  const timing = await timed(dataDir, async () => {
    packed = await packMissingSeries(sql);
  });
  return { ...packed, timing };
}

/**
 * The yardstick DESIGN.md measures the store by: every observation read into
 * JavaScript, one query, each row an array of values as the driver parses it
 * (and let go), nothing built from them.
 */
export function timeReadingEveryRow(sql: Sql, dataDir: string): Promise<BuildTiming> {
  return timed(dataDir, async () => {
    let rows = 0;
    await sql`select metric_id, area_id, period, value, lower_ci, upper_ci, numerator, denominator from observation`.values().forEach(() => {
      rows++;
    });
    if (rows === 0) throw new Error('the store holds no observations');
  });
}

async function timed(dataDir: string, work: () => Promise<void>): Promise<BuildTiming> {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const storeBefore = cpuOfServer(postmaster);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds, nodeCpu: (cpu.user + cpu.system) / 1e6, storeCpu: cpuOfServer(postmaster) - storeBefore };
}

/**
 * Seconds of CPU used so far by the server's processes: the postmaster, its
 * children alive, and those that ended (parallel workers end with their
 * query), which the kernel adds to the postmaster's own count once reaped.
 */
function cpuOfServer(postmaster: number): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    // Fields after the command's closing parenthesis: state, ppid, …, utime and stime (14th and 15th of
    // the line), then cutime and cstime, the CPU of the children it has reaped.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(entry) === postmaster) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    else if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerSecond;
}

/** The index as the loader before this one built it: the reference. */
async function referenceBuild(sql: Sql): Promise<BenchmarkIndex> {
  const index = new BenchmarkIndex(await loadIndexAreas(sql));
  await referenceLoadSeries(sql, index, await loadIndexMetrics(sql));
  return index;
}

type Row = [number, string, number | null, number | null, number | null, number | null, number | null];

async function referenceLoadSeries(sql: Sql, index: BenchmarkIndex, metrics: readonly IndexMetric[]): Promise<void> {
  const areaNumber = new Map(index.areas.map((a, i) => [a.code, i]));
  const areas = await sql<{ id: number; code: string }[]>`select id, code from area`;
  const numberOfAreaId = new Map(areas.map((a) => [a.id, areaNumber.get(a.code)!]));
  const periods = new Map(
    (
      await sql<{ label: string; start: string; end: string }[]>`
    select label, to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as end from period`
    ).map((p) => [p.label, p]),
  );
  let next = 0;
  const worker = async () => {
    while (next < metrics.length) {
      const metric = metrics[next++]!;
      const found = await metricRows(sql, metric.id);
      const builder = new SeriesBuilder(countsGiveIntervals(metric));
      for (const [areaId, period, value, lowerCi, upperCi, numerator, denominator] of found) {
        const dates = periods.get(period)!;
        builder.add(period, dates.start, dates.end, { area: numberOfAreaId.get(areaId)!, value, lowerCi, upperCi, numerator, denominator });
      }
      index.put(metric, builder.build());
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

// Not in the closure above: the driver keeps the caller of a statement's first call (see benchmark-source.ts).
async function metricRows(sql: Sql, metricId: number): Promise<Row[]> {
  return (await sql`
    select area_id, period, value, lower_ci, upper_ci, numerator, denominator
    from observation where metric_id = ${metricId}`.values()) as unknown as Row[];
}

/** 'same (n observations)', or the first slice where the two indexes differ. */
export function sameIndex(a: BenchmarkIndex, b: BenchmarkIndex): string {
  const equal = (x: ArrayLike<number> | undefined, y: ArrayLike<number> | undefined) =>
    x === undefined || y === undefined ? x === y : x.length === y.length && Array.from(x).every((v, i) => Object.is(v, y[i]));
  if (a.areas.length !== b.areas.length) return `the areas differ: ${a.areas.length} and ${b.areas.length}`;
  let observations = 0;
  for (const one of a.metrics()) {
    const other = b.metric(one.metric.code);
    if (!other || other.slices.length !== one.slices.length) return `${one.metric.code}: the periods differ`;
    for (const [i, x] of one.slices.entries()) {
      const y = other.slices[i]!;
      const same =
        x.period === y.period &&
        x.start === y.start &&
        x.end === y.end &&
        equal(x.areas, y.areas) &&
        equal(x.values, y.values) &&
        equal(x.bounds?.lower, y.bounds?.lower) &&
        equal(x.bounds?.upper, y.bounds?.upper) &&
        equal(x.counts?.numerator, y.counts?.numerator) &&
        equal(x.counts?.denominator, y.counts?.denominator);
      if (!same) return `${one.metric.code} ${x.period}: the slices differ`;
      observations += x.areas.length;
    }
  }
  const metrics = [...b.metrics()].length;
  return metrics === [...a.metrics()].length ? `same (${observations.toLocaleString('en-GB')} observations)` : `the metrics differ: ${metrics} and ${[...a.metrics()].length}`;
}
