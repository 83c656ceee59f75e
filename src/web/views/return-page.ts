// A return's page: the council's held values beside the metric's published
// series, as a chart where people would rather look than read, and as a
// table. Held values are drawn as their own dashed line named "provisional"
// in the legend, never joined to the published line, so no one takes an
// early figure for an official one. A period's value is shown to the
// metric's decimals, a blank as "Not submitted".
import { formatDate, formatNumber } from '../../domain/format/index.ts';
import { comparePeriods, parsePeriod } from '../../domain/period/index.ts';
import type { CalendarState } from '../../domain/returns/index.ts';
import { trendLines } from '../charts/trend-lines.ts';

export interface ReturnSeries {
  readonly id: number;
  readonly areaName: string;
  readonly metricTitle: string;
  readonly unit: string | null;
  readonly decimals: number;
  readonly published: readonly { readonly period: string; readonly value: number | null }[];
  readonly held: readonly { readonly period: string; readonly value: number | null; readonly provisional: boolean }[];
}

export const STATE_LABELS: Readonly<Record<CalendarState, string>> = {
  received: 'Received',
  explained: 'Not submitted, explained',
  upcoming: 'Period running',
  due: 'Due',
  overdue: 'Overdue',
};

/** The GOV.UK tag colour of each state: overdue stands out, received is calm. */
export const STATE_TAGS: Readonly<Record<CalendarState, string>> = {
  received: 'govuk-tag--green',
  explained: 'govuk-tag--grey',
  upcoming: 'govuk-tag--grey',
  due: 'govuk-tag--yellow',
  overdue: 'govuk-tag--red',
};

/** The chart of the return, or null when there is nothing to draw. */
export function returnChart(series: ReturnSeries): string | null {
  const periods = [...new Set([...series.published.map((p) => p.period), ...series.held.map((h) => h.period)])].sort(byPeriod);
  if (!series.published.some((p) => p.value !== null) && !series.held.some((h) => h.value !== null)) return null;
  const published = new Map(series.published.map((p) => [p.period, p.value]));
  const held = new Map(series.held.map((h) => [h.period, h.value]));
  return trendLines({
    id: `return-${series.id}`,
    title: `${series.metricTitle}, ${series.areaName}`,
    description: `${series.areaName}'s values of ${series.metricTitle}: the published series beside the council's own values, which are provisional until confirmed and released.`,
    unit: series.unit ?? '',
    decimals: series.decimals,
    periods,
    lines: [
      { code: 'published', name: 'Published', values: periods.map((p) => published.get(p) ?? null), emphasis: true },
      { code: 'held', name: "The council's own values (provisional until released)", values: periods.map((p) => held.get(p) ?? null), emphasis: false },
    ],
  });
}

/** A value as the page shows it. */
export function shownValue(value: number | null, decimals: number): string {
  return value === null ? 'Not submitted' : formatNumber(value, decimals);
}

/** A due date (YYYY-MM-DD) as GOV.UK writes dates, through the domain's formatter on London's clock. */
export function shownDay(day: string): string {
  return formatDate(new Date(`${day}T12:00:00Z`));
}

function byPeriod(a: string, b: string): number {
  const first = parsePeriod(a);
  const second = parsePeriod(b);
  return first.kind === 'ok' && second.kind === 'ok' ? comparePeriods(first.period, second.period) : a.localeCompare(b);
}
