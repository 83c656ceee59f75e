// A flag in words, from the figures it keeps: what a principal adviser reads
// in the risk view and a council reads about itself. Each sentence gives the
// figure, what it was compared with and the test's outcome, never a score.
import { formatDate, formatNumber, formatValue, ordinal } from '../format/index.ts';
import { SPECIAL_CAUSE_LABELS, type SpecialCause } from '../targets/index.ts';
import type { Flag, FlagValues } from './flag.ts';
import { noPeerChallengeSentence } from './no-peer-challenge.ts';

/** The metric a flag reads, as a sentence names it; none for a rule over no one metric. */
export type SentenceMetric = { readonly title: string; readonly decimals: number; readonly unit?: string | null } | null;

export function flagSentence(flag: Flag, metric: SentenceMetric): string {
  const v = flag.values;
  const figure = (key: string) => (metric ? formatValue(num(v, key), metric.decimals, metric.unit ?? '') : formatNumber(num(v, key) ?? Number.NaN, 1));
  const title = metric?.title ?? flag.metric ?? '';
  switch (flag.rule) {
    case 'worse_and_worsening':
      return (
        `${title}: ${figure('value')} in ${flag.period}, worse than ${benchmarkName(String(v.benchmarkSource))} (${figure('benchmark')}), ` +
        `and getting worse over ${String(v.trendPoints)} periods (${String(v.trendFrom)} to ${String(v.trendTo)}).`
      );
    case 'in_year_special_cause':
      return (
        `${title}: ${figure('value')} in ${flag.period}, special-cause concern ` +
        `(${SPECIAL_CAUSE_LABELS[v.signal as SpecialCause].toLowerCase()}); process limits ${figure('lower')} to ${figure('upper')}.`
      );
    case 'off_trajectory':
      return (
        `${title}: ${v.band === 'red' ? 'Red' : 'Amber'} against its agreed trajectory, ${figure('actual')} in ${flag.period ?? 'the latest period'} ` +
        `where ${figure('expected')} was expected (${String(v.rule)}).`
      );
    case 'reserves_horizon':
      return (
        `Usable reserves of ${formatNumber(num(v, 'reserves')!, 0)} at ${flag.period} would run out in ${formatNumber(num(v, 'horizon')!, 1)} years ` +
        `at the average use of ${formatNumber(num(v, 'yearlyUse')!, 0)} a year over the last ${String(v.years)} ${v.years === 1 ? 'year' : 'years'}` +
        (v.place === null ? '.' : `; ${ordinal(num(v, 'place')!)} best of ${formatNumber(num(v, 'of')!, 0)} with its nearest neighbours.`)
      );
    case 'missing_return':
      return (
        `No ${String(v.title)} return for ${flag.period}, due ${formatDate(new Date(`${String(v.due)}T12:00:00Z`))}; ` +
        `${formatNumber(num(v, 'sentOfType')!, 0)} of ${formatNumber(num(v, 'ofType')!, 0)} ${String(v.typeName)} have sent theirs.`
      );
    case 'no_peer_challenge':
      return noPeerChallengeSentence(v);
  }
}

function num(values: FlagValues, key: string): number | null {
  const value = values[key];
  return typeof value === 'number' ? value : null;
}

/** The benchmark as a sentence names it: an area's name, or "the group mean". */
function benchmarkName(source: string): string {
  return source === 'group mean' ? 'the group mean' : source;
}
