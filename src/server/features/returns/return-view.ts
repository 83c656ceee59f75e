// What a return shows: its values period by period, each with its revisions,
// the published series of its metric from the benchmark index beside them
// (the index holds `observation` alone, so nothing held is in it), and the
// returns calendar: per council, or per metric across the councils whose
// returns the viewer may see. Each restricted read is audited.
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { comparePeriods, parsePeriod } from '../../../domain/period/index.ts';
import { describeDueRule, returnCalendar, type CalendarEntry } from '../../../domain/returns/index.ts';
import { londonDay } from '../../../domain/format/index.ts';
import { heldPeriods, listReturns, returnRevisions, returnShares, type CouncilReturn, type ReturnRevision } from '../../../store/returns.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { findReturn, returnRecord } from './returns.ts';

/** One period of a return: its current value (null when blank) and every revision, newest first. */
export interface ReturnPeriod {
  readonly period: string;
  readonly value: number | null;
  readonly note: string | null;
  readonly provisional: boolean;
  readonly history: readonly ReturnRevision[];
}

export interface PublishedPoint {
  readonly period: string;
  readonly value: number | null;
}

export interface ReturnReading {
  readonly return: CouncilReturn;
  readonly dueRule: string;
  readonly periods: readonly ReturnPeriod[];
  readonly calendar: readonly CalendarEntry[];
  /** The metric's published values for the council, from the index: never a held value. */
  readonly published: readonly PublishedPoint[];
}

export async function readReturn(sql: Sql, access: RequestAccess, index: BenchmarkIndex, idText: unknown): Promise<ReturnReading> {
  const found = await findReturn(sql, access, idText, 'read');
  await access.auditReads('council_return', [String(found.id)], `read return of ${found.metric.code}`);
  const revisions = await returnRevisions(sql, found.id);
  const held = (await heldPeriods(sql, [found.id])).get(found.id) ?? new Map();
  return {
    return: found,
    dueRule: describeDueRule(found.dueRule),
    periods: periodsOf(revisions),
    calendar: returnCalendar(commitmentOf(found), held, londonDay(new Date(access.now))),
    published: publishedSeries(index, found.metric.code, found.areaCode),
  };
}

export interface CalendarRow extends CalendarEntry {
  readonly areaName: string;
  readonly metricTitle: string;
  readonly synthetic: boolean;
}

/** The calendar of the returns the viewer may see: of one council, or of one metric across councils; the viewer's own council's when neither is asked. */
export async function returnsCalendar(sql: Sql, access: RequestAccess, ask: { readonly council?: string | undefined; readonly metric?: string | undefined }): Promise<CalendarRow[]> {
  const own = access.viewer.kind === 'user' ? access.viewer.councilArea : null;
  const council = ask.council ?? (ask.metric === undefined ? (own ?? undefined) : undefined);
  const returns = await listReturns(sql, { areaCode: council, metricCode: ask.metric });
  const shares = await returnShares(
    sql,
    returns.map((r) => r.id),
  );
  const visible = await access.reveal(
    returns,
    (r) => returnRecord(r, shares.get(r.id)),
    (r) => String(r.id),
    'the returns calendar',
  );
  const held = await heldPeriods(
    sql,
    visible.map((r) => r.id),
  );
  const today = londonDay(new Date(access.now));
  return visible.flatMap((r) =>
    returnCalendar(commitmentOf(r), held.get(r.id) ?? new Map(), today).map((entry) => ({ ...entry, areaName: r.areaName, metricTitle: r.metric.title, synthetic: r.synthetic })),
  );
}

export function commitmentOf(found: CouncilReturn) {
  return { returnId: found.id, areaCode: found.areaCode, metricCode: found.metric.code, firstPeriod: found.firstPeriod, lastPeriod: found.lastPeriod, dueRule: found.dueRule };
}

function periodsOf(revisions: readonly ReturnRevision[]): ReturnPeriod[] {
  const byPeriod = new Map<string, ReturnRevision[]>();
  for (const revision of revisions) byPeriod.set(revision.period, [...(byPeriod.get(revision.period) ?? []), revision]);
  return [...byPeriod.entries()]
    .map(([period, history]) => {
      const current = history.find((r) => r.current) ?? history[0]!;
      return { period, value: current.value, note: current.note, provisional: current.provisional, history };
    })
    .sort((a, b) => byLabel(a.period, b.period));
}

/** The council's values of the metric in the index, oldest first. */
export function publishedSeries(index: BenchmarkIndex, metricCode: string, areaCode: string): PublishedPoint[] {
  const series = index.metric(metricCode);
  const area = index.areaNumber(areaCode);
  if (!series || area === undefined) return [];
  return series.slices.flatMap((slice) => {
    const position = slice.position(area);
    return position < 0 ? [] : [{ period: slice.period, value: slice.value(position) }];
  });
}

function byLabel(a: string, b: string): number {
  const first = parsePeriod(a);
  const second = parsePeriod(b);
  return first.kind === 'ok' && second.kind === 'ok' ? comparePeriods(first.period, second.period) : a.localeCompare(b);
}
