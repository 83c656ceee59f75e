// Statistical process control for a target on an in-year (monthly or
// quarterly) series, as the engine judged it (targetSpc): the area's series
// with its mean and process limits drawn, the variation of the latest point
// and, with the target, the assurance, each in words; fewer than 13 points
// gives the reason instead. Annual series are judged by their confidence
// intervals elsewhere, so get nothing here.
import { formatNumber } from '../../domain/format/index.ts';
import { ASSURANCE_LABELS, SPECIAL_CAUSE_LABELS, VARIATION_LABELS, type SpcChart, type SpcPoint } from '../../domain/targets/index.ts';
import { trendLines } from '../charts/trend-lines.ts';

export type SpcView =
  | {
      readonly kind: 'chart';
      readonly chart: string;
      readonly variation: string;
      readonly assurance: string | null;
      readonly rules: string;
      readonly rows: readonly { readonly period: string; readonly value: string; readonly signals: string }[];
    }
  | { readonly kind: 'too_few_points'; readonly reason: string };

export interface SpcSubject {
  readonly metricTitle: string;
  readonly areaCode: string;
  readonly areaName: string;
  readonly decimals: number;
  readonly unit: string;
}

/** The judged chart drawn, with its words. */
export function spcView(judged: SpcChart, subject: SpcSubject): SpcView {
  if (judged.kind === 'too_few_points') return judged;
  const { decimals, unit, areaName } = subject;
  const periods = judged.points.map((p) => p.period);
  const line = (code: string, name: string, of: (p: SpcPoint) => number) => ({ code, name, values: judged.points.map(of), emphasis: false });
  const chart = trendLines({
    id: `spc-${subject.areaCode}`,
    title: `${subject.metricTitle}, ${areaName}: process limits`,
    description: `${areaName}'s ${periods.length} figures from ${periods[0]} to ${periods[periods.length - 1]} with their mean and process limits.`,
    unit,
    decimals,
    periods,
    lines: [
      line('upper', 'Upper process limit', (p) => p.limits.upper),
      line('mean', 'Mean', (p) => p.limits.mean),
      line('lower', 'Lower process limit', (p) => p.limits.lower),
      { code: subject.areaCode, name: areaName, values: judged.points.map((p) => p.value), emphasis: true },
    ],
  });
  return {
    kind: 'chart',
    chart,
    variation: VARIATION_LABELS[judged.variation],
    assurance: judged.assurance ? ASSURANCE_LABELS[judged.assurance] : null,
    rules: `Rules: a point outside the process limits; ${judged.trendRun} points each rising or each falling; two of three points beyond a warning line; ${judged.shiftRun} points on one side of the mean.`,
    rows: judged.points.map((p) => ({ period: p.period, value: formatNumber(p.value, decimals), signals: p.signals.map((s) => SPECIAL_CAUSE_LABELS[s.cause]).join('; ') })),
  };
}
