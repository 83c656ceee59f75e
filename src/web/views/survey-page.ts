// A survey's page in words: the record as a summary list, the comparability
// verdict condition by condition (each outcome a tag, each with its reason,
// and what to correct where a condition failed or is unknown), and each
// question's percentage positive with its 95% interval, beside the national
// poll, comparable councils and the council's other waves. A synthetic
// survey says so at the top.
import { formatNumber } from '../../domain/format/index.ts';
import {
  COMPARABILITY_CONDITION_LABELS,
  COMPARABILITY_LABELS,
  SAMPLING_LABELS,
  SURVEY_METHOD_LABELS,
  describeDay,
  type Comparability,
  type ComparabilityVerdict,
  type ConditionOutcome,
  type Sampling,
  type SurveyMethod,
  type TrackerWave,
  type Weighting,
  type WaveTrendWords,
} from '../../domain/surveys/index.ts';
import { waveChart } from '../charts/wave-chart.ts';

interface Figure {
  readonly percent: number;
  readonly lower: number;
  readonly upper: number;
  readonly positive: number;
  readonly base: number;
}

/** The survey as the API answers it (the surveys feature's surveyJson). */
export interface SurveyView {
  readonly id: number;
  readonly council: string;
  readonly title: string;
  readonly method: SurveyMethod;
  readonly sampling: Sampling;
  readonly fieldworkStart: string;
  readonly fieldworkEnd: string;
  readonly period: string;
  readonly achievedSample: number;
  readonly weighting: Weighting;
  readonly tracker: TrackerWave | null;
  readonly synthetic: boolean;
  readonly verdict: ComparabilityVerdict | null;
  readonly resultsConfirmed: boolean;
  readonly results: readonly {
    readonly questionCode: string;
    readonly wording: string;
    readonly benchmarkable: boolean;
    readonly base: number;
    readonly options: readonly { readonly label: string; readonly count: number | null; readonly weightedPercent: number | null; readonly positive: boolean }[];
    readonly figure: Figure | null;
    readonly nationalPoll: (Figure & { readonly waves: number; readonly sentence: string }) | null;
    readonly comparableCouncils:
      | readonly {
          readonly label: string;
          readonly benchmark: number | null;
          readonly sentence: string;
          readonly councils: readonly { readonly code: string; readonly name: string }[];
          readonly leftOut: readonly { readonly code: string; readonly name: string; readonly reason: string }[];
        }[]
      | null;
    readonly trend: {
      readonly waves: readonly {
        readonly surveyId: number;
        readonly wave: number;
        readonly title: string;
        readonly period: string;
        readonly tracker: TrackerWave | null;
        readonly comparability: Comparability | null;
        readonly figure: Figure | null;
      }[];
      readonly leftOut: readonly { readonly surveyId: number; readonly title: string; readonly reason: string }[];
      readonly words: WaveTrendWords;
    } | null;
  }[];
}

const OUTCOME_TAGS: Readonly<Record<ConditionOutcome, { text: string; colour: string }>> = {
  pass: { text: 'Met', colour: 'green' },
  fail: { text: 'Not met', colour: 'red' },
  unknown: { text: 'Not known', colour: 'grey' },
};

const VERDICT_COLOURS: Readonly<Record<Comparability, string>> = { comparable: 'green', comparable_with_caveats: 'yellow', not_comparable: 'red' };

export function surveyPage(view: SurveyView, councilName: string) {
  return {
    ...view,
    councilName,
    rows: [
      { key: 'Council', value: councilName },
      { key: 'Method', value: SURVEY_METHOD_LABELS[view.method] },
      { key: 'Sampling', value: SAMPLING_LABELS[view.sampling] },
      { key: 'Fieldwork', value: `${describeDay(view.fieldworkStart)} to ${describeDay(view.fieldworkEnd)} (${view.period})` },
      { key: 'Achieved sample', value: formatNumber(view.achievedSample, 0) },
      { key: 'Weighting', value: view.weighting.kind === 'none' ? 'Not weighted' : `By ${view.weighting.variables.join(', ')}; effective base ${formatNumber(view.weighting.effectiveBase, 0)}` },
      ...(view.tracker ? [{ key: 'Tracker', value: `${view.tracker.name}, wave ${view.tracker.wave}` }] : []),
      { key: 'Results', value: view.results.length === 0 ? 'None entered yet' : view.resultsConfirmed ? 'Confirmed' : 'Provisional: not yet confirmed' },
    ],
    verdict: view.verdict && verdictView(view.verdict),
    questions: view.results.map((r) => ({
      ...r,
      percent: r.figure ? percentWords(r.figure) : 'Not worked out: no one answered other than "don\'t know"',
      poll: r.nationalPoll
        ? `National poll: ${percentWords(r.nationalPoll)} (${r.nationalPoll.waves} ${r.nationalPoll.waves === 1 ? 'wave' : 'waves'} pooled). ${capital(r.nationalPoll.sentence)}.`
        : null,
      councils: (r.comparableCouncils ?? []).map((c) => ({
        label: capital(c.label),
        sentence: c.sentence,
        average:
          c.benchmark === null
            ? ''
            : `Their average: ${formatNumber(c.benchmark, 0)}%, across ${c.councils.length} ${c.councils.length === 1 ? 'council' : 'councils'} (${c.councils.map((m) => m.name).join(', ')}).`,
        leftOut: c.leftOut,
      })),
      trend: r.trend && trendView(view, r.questionCode, r.wording, r.trend),
    })),
  };
}

type Trend = NonNullable<SurveyView['results'][number]['trend']>;

/** The question across the council's waves: the verdict and its reason, a chart of the waves with their intervals, and the table. */
function trendView(view: SurveyView, code: string, wording: string, trend: Trend) {
  const waves = trend.waves.map((w) => ({
    ...w,
    name: w.tracker ? `${w.title}, wave ${w.tracker.wave}` : w.title,
    short: w.tracker ? `Wave ${w.tracker.wave}` : w.period,
    percent: w.figure ? percentWords(w.figure) : 'Not worked out',
    comparabilityText: w.comparability ? COMPARABILITY_LABELS[w.comparability] : 'No results',
    current: w.surveyId === view.id,
  }));
  return {
    ...trend,
    waves,
    chart:
      waves.length > 1
        ? waveChart({
            id: `waves-${view.id}-${code}`,
            title: `${wording}: percentage positive in each wave`,
            description: `${waves.length} waves of the council's surveys, each with its 95% interval. ${trend.words.direction.headline}. ${trend.words.recent.headline}.`,
            waves: waves.map((w) => ({ label: w.short, figure: w.figure })),
          })
        : null,
  };
}

function verdictView(verdict: ComparabilityVerdict) {
  return {
    ...verdict,
    label: COMPARABILITY_LABELS[verdict.overall],
    colour: VERDICT_COLOURS[verdict.overall],
    conditions: verdict.conditions.map((c) => ({ ...c, label: COMPARABILITY_CONDITION_LABELS[c.condition], tag: OUTCOME_TAGS[c.outcome] })),
    toCorrect: verdict.conditions.filter((c) => c.outcome !== 'pass').map((c) => `${COMPARABILITY_CONDITION_LABELS[c.condition]}: ${c.reason}`),
  };
}

/** "62% (95% interval 59% to 65%), 620 of 1,000" */
export function percentWords(figure: Figure): string {
  return `${formatNumber(figure.percent, 0)}% (95% interval ${formatNumber(figure.lower, 0)}% to ${formatNumber(figure.upper, 0)}%), ${formatNumber(figure.positive, 0)} of ${formatNumber(figure.base, 0)}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
