// "Councils that improved this metric" (issue 21, build item 10): the
// councils whose figure, up to the period shown, improved significantly as
// the benchmark engine judges it, by either of its two tests read by
// polarity: the recent trend (the profiles' trend test at 99.8% over the
// last five points, src/domain/benchmark/recent-trend.ts) getting better,
// or the direction of travel (the 95% intervals of this period and the one
// before do not overlap, direction-of-travel.ts) improving. Each comes with
// the test that found it and the published case studies of the
// good-practice library that tell how. A neutral metric has no better or
// worse, so no council improves it. What the explore feature's metric page
// reads.
import type { BenchmarkIndex, MetricSeries, PeriodSlice } from '../../../domain/benchmark/benchmark-index.ts';
import { isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import { trendSummaryOf } from '../../../domain/benchmark/trend-of.ts';
import { publishedCaseStudiesOf, publishedCaseStudiesStamp } from '../../../store/case-studies.ts';
import type { Db } from '../../../store/store.ts';

export interface ImprovedCouncil {
  readonly code: string;
  readonly name: string;
  /** Which test found the improvement: the five-point trend, or the move since the period before (the trend where both did). */
  readonly by: 'recent_trend' | 'direction_of_travel';
  readonly caseStudies: readonly { readonly id: number; readonly title: string; readonly illustrative: boolean }[];
}

/** The councils that significantly improved the metric up to the slice's period: those with published case studies first, then A to Z. */
export async function councilsThatImproved(db: Db, index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice): Promise<{ neutral: boolean; councils: ImprovedCouncil[] }> {
  if (series.metric.polarity === 'neutral') return { neutral: true, councils: [] };
  const improved: { code: string; name: string; by: ImprovedCouncil['by'] }[] = [];
  for (let position = 0; position < slice.areas.length; position++) {
    const number = slice.areas[position]!;
    const area = index.areas[number]!;
    if (!isCouncil(area.type) || area.endDate !== null) continue;
    const trend = trendSummaryOf(index, series, slice, area, number);
    if (trend.recent === 'getting_better') improved.push({ code: area.code, name: area.name, by: 'recent_trend' });
    else if (trend.direction === 'improving') improved.push({ code: area.code, name: area.name, by: 'direction_of_travel' });
  }
  const studies = await publishedCaseStudiesOf(
    db,
    series.metric.code,
    improved.map((c) => c.code),
  );
  const councils = improved
    .map((c) => ({ ...c, caseStudies: studies.get(c.code) ?? [] }))
    .sort((a, b) => Number(b.caseStudies.length > 0) - Number(a.caseStudies.length > 0) || a.name.localeCompare(b.name, 'en-GB'));
  return { neutral: false, councils };
}

/** What pages that list case studies are kept under, beside what else they show: it changes when one is published. */
export const caseStudiesStamp = publishedCaseStudiesStamp;
