// A survey as the API answers it and its page shows it: the record, the
// comparability verdict condition by condition, and each question's results
// with the percentage positive and its Wilson interval (the domain's
// statistics, on the effective base where weighted), set beside the national
// poll of the same financial year (its waves pooled from counts) with
// significance as the engine judges it, beside comparable councils by the
// domain's rule (compareWithCouncils: the councils of each comparator group
// whose results the public reads, those left out with their reasons), and
// across the council's own waves (waveSeries, waveTrend: the verdict and its
// reason in words).
import { groupFigures } from '../../../domain/benchmark/benchmark-queries.ts';
import { groupSpecFor, type NamedGroup } from '../../../domain/benchmark/group-spec.ts';
import {
  compareWithCouncils,
  compareWithPoll,
  describeWaveTrend,
  percentagePositive,
  poolWaves,
  questionOf,
  waveSeries,
  waveTrend,
  type CouncilFigure,
  type PercentagePositive,
  type Question,
  type QuestionSet,
  type SeriesCandidate,
  type SurveyResult,
} from '../../../domain/surveys/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { currentResults, getQuestionSet, releasedSurveyResults, resultsOfQuestion, surveysOf as storedSurveysOf, type StoredResult, type Survey } from '../../../store/surveys.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { recordOf, setsOf } from './survey-checks.ts';
import { ENGLAND, guardOf } from './surveys.ts';

export interface Figure {
  readonly percent: number;
  readonly lower: number;
  readonly upper: number;
  readonly positive: number;
  readonly base: number;
}

/** The survey's own fields, as a list shows them. */
export function surveyListJson(surveys: readonly Survey[]) {
  return surveys.map((s) => ({
    id: s.id,
    council: s.council,
    title: s.title,
    method: s.method,
    sampling: s.sampling,
    fieldworkStart: s.fieldworkStart,
    fieldworkEnd: s.fieldworkEnd,
    period: s.period,
    tracker: s.tracker,
    synthetic: s.synthetic,
    comparability: s.verdict?.overall ?? null,
    resultsConfirmed: s.resultsConfirmed,
    revision: s.revision,
  }));
}

/** The survey whole: record, verdict, and each question's results with its figures and comparisons. */
export async function surveyJson(sql: Sql, engine: BenchmarkEngine, survey: Survey, access?: RequestAccess) {
  const [sets, results] = await Promise.all([setsOf(sql, survey.placements), currentResults(sql, survey.id)]);
  const waves = await wavesOf(sql, survey, access);
  const poll = survey.council === ENGLAND ? [] : (await storedSurveysOf(sql, ENGLAND)).filter((s) => s.period === survey.period);
  const questions = await Promise.all(results.map((result) => questionJson(sql, engine, survey, sets, result, waves, poll)));
  // The holding organisation is the policy's business, not the reader's.
  const record = Object.fromEntries(Object.entries(survey).filter(([key]) => key !== 'organisationId')) as Omit<Survey, 'organisationId'>;
  return { ...record, enteredAt: survey.enteredAt.toISOString(), changedAt: survey.changedAt.toISOString(), results: questions };
}

async function questionJson(sql: Sql, engine: BenchmarkEngine, survey: Survey, sets: readonly QuestionSet[], result: StoredResult, waves: readonly Survey[], poll: readonly Survey[]) {
  const set = sets.find((s) => s.code === result.setCode && s.version === result.setVersion);
  const question = set && questionOf(set, result.questionCode);
  const figure = question ? figureOf(question, result) : null;
  return {
    questionCode: result.questionCode,
    wording: question?.wording ?? result.questionCode,
    setCode: result.setCode,
    setVersion: result.setVersion,
    benchmarkable: question?.benchmarkable ?? false,
    metricCode: question?.metricCode ?? null,
    counts: result.counts,
    base: result.base,
    weighted: result.weighted,
    options: question?.answerOptions.map((o) => ({ ...o, count: result.counts[o.code] ?? null, weightedPercent: result.weighted?.percentages[o.code] ?? null })) ?? [],
    figure,
    nationalPoll: question && figure ? await pollComparison(sql, survey, poll, question, result) : null,
    comparableCouncils: question?.metricCode && figure ? await councilsComparison(sql, engine, survey, question, result) : null,
    trend: question ? await trendOf(sql, survey, waves, question, result) : null,
  };
}

function figureOf(question: Question, result: SurveyResult): Figure | null {
  return figureJson(percentagePositive(question, result));
}

function figureJson(figure: PercentagePositive): Figure | null {
  return figure.kind === 'ok' ? { percent: figure.percent, lower: figure.lower, upper: figure.upper, positive: figure.positive, base: figure.base } : null;
}

/**
 * The poll's waves of the same financial year, pooled from their counts, set
 * beside the council's result by the domain's rule (compareWithPoll): a survey
 * that is not comparable is not compared, and says why.
 */
async function pollComparison(sql: Sql, survey: Survey, poll: readonly Survey[], question: Question, result: SurveyResult) {
  const found = await resultsOfQuestion(
    sql,
    poll.map((s) => s.id),
    result.questionCode,
  );
  if (found.size === 0 || survey.verdict === null) return null;
  const pooled = poolWaves(poll.filter((s) => found.has(s.id)).map((s) => ({ record: recordOf(s), result: found.get(s.id)! })));
  if (pooled.kind === 'refused') return null;
  const national = figureOf(question, pooled.result);
  if (!national) return null;
  const comparison = compareWithPoll(question, percentagePositive(question, result), survey.verdict, [...found.values()]);
  // The page ends the sentence itself.
  return { ...national, waves: found.size, significance: comparison.significance, sentence: comparison.sentence.replace(/\.$/, '') };
}

/**
 * The council's result beside each comparator group's councils by the
 * domain's rule (compareWithCouncils). The candidates are the group's
 * councils whose figure for the metric and period the public reads (the
 * benchmark index holds released figures alone), each judged by the survey
 * its figure was released from: its verdict and method. A figure with no
 * survey behind it is left out, saying so; no held result is ever read.
 */
async function councilsComparison(sql: Sql, engine: BenchmarkEngine, survey: Survey, question: Question, result: SurveyResult) {
  const series = engine.index.metric(question.metricCode!);
  const slice = series?.slice(survey.period);
  const area = engine.index.area(survey.council);
  if (!series || !slice || !area || survey.verdict === null) return [];
  const own = percentagePositive(question, result);
  const sets = new Map<string, Question | undefined>();
  return Promise.all(
    COMPARATORS.map(async (group) => {
      const figures = groupFigures(engine.index, series, slice, area, groupSpecFor(engine.index, area, group));
      // The council's own released result may be among them: it is not compared with itself.
      const members = Array.from(figures.members, (position) => engine.index.areas[slice.areas[position]!]!.code).filter((code) => code !== survey.council);
      const released = new Map((await releasedSurveyResults(sql, question.metricCode!, survey.period, members)).map((r) => [r.council, r]));
      const others: CouncilFigure[] = [];
      for (const council of members) {
        const found = released.get(council);
        const asked = found && (await questionAsked(sql, sets, found.result, question));
        others.push(
          found && asked
            ? { council, method: found.method, verdict: found.verdict, figure: percentagePositive(asked, found.result) }
            : { council, method: null, verdict: null, figure: { kind: 'not_computed', reason: 'no_answers' } },
        );
      }
      const comparison = compareWithCouncils(own, survey.verdict!, survey.method, others, GROUP_NAMES[group](area.regionCode ? engine.index.area(area.regionCode)?.name : undefined));
      const named = (code: string) => ({ code, name: engine.index.area(code)?.name ?? code });
      return {
        group,
        label: figures.label,
        reference: comparison.reference,
        benchmark: comparison.benchmark,
        significance: comparison.significance,
        sentence: comparison.sentence,
        councils: comparison.councils.map(named),
        leftOut: comparison.leftOut.map((l) => ({ ...named(l.council), reason: l.reason })),
      };
    }),
  );
}

const COMPARATORS: readonly NamedGroup[] = ['neighbours', 'region', 'type'];

/** How compareWithCouncils names each group: 'comparable councils in …'. */
const GROUP_NAMES: Readonly<Record<NamedGroup, (region: string | undefined) => string>> = {
  neighbours: () => 'its nearest neighbours',
  region: (region) => region ?? 'its region',
  type: () => 'its type of authority',
  england: () => 'England',
};

/** The question as the other council's result asked it: its own set's version, read once a page. */
async function questionAsked(sql: Sql, sets: Map<string, Question | undefined>, result: StoredResult, own: Question): Promise<Question | undefined> {
  const key = `${result.setCode}@${result.setVersion}`;
  if (!sets.has(key)) {
    const set = await getQuestionSet(sql, result.setCode, result.setVersion);
    sets.set(key, set && questionOf(set, result.questionCode));
  }
  return sets.get(key) ?? (result.questionCode === own.code ? own : undefined);
}

/** The council's surveys the viewer may read: the waves a question's trend runs across. */
async function wavesOf(sql: Sql, survey: Survey, access?: RequestAccess): Promise<Survey[]> {
  const all = await storedSurveysOf(sql, survey.council);
  return access ? all.filter((s) => access.may('read', guardOf(s))) : all.filter((s) => s.id === survey.id);
}

/**
 * The question across the council's waves up to this survey (waveSeries
 * chooses them, and says why each other is left out), judged by waveTrend,
 * with the verdict and its reason in words (describeWaveTrend).
 */
async function trendOf(sql: Sql, survey: Survey, waves: readonly Survey[], question: Question, result: StoredResult) {
  const found = await resultsOfQuestion(
    sql,
    waves.map((s) => s.id),
    question.code,
  );
  found.set(survey.id, result);
  const bySurvey = new Map([...waves, survey].map((s) => [s.id, s]));
  const candidates = [...found.entries()].map(([id, r]): SeriesCandidate => {
    const s = bySurvey.get(id)!;
    return { id, label: s.title, method: s.method, tracker: s.tracker, fieldworkEnd: s.fieldworkEnd, setCode: r.setCode, setVersion: r.setVersion, figure: percentagePositive(question, r) };
  });
  const series = waveSeries(
    candidates.find((c) => c.id === survey.id)!,
    candidates,
  );
  const trend = waveTrend(series.waves);
  const words = describeWaveTrend(trend, series.waves);
  return {
    waves: series.waves.map((w) => {
      const s = bySurvey.get(w.id)!;
      return { surveyId: w.id, wave: w.wave, title: s.title, period: s.period, tracker: s.tracker, comparability: s.verdict?.overall ?? null, figure: figureJson(w.figure) };
    }),
    leftOut: series.leftOut.map((l) => ({ surveyId: l.id, title: l.label, reason: l.reason })),
    direction: trend.direction.kind === 'ok' ? { judgement: trend.direction.judgement, change: trend.direction.change } : { judgement: 'not_computed', reason: trend.direction.reason },
    recent: trend.recent.kind === 'ok' ? { judgement: trend.recent.judgement, method: trend.recent.method, pValue: trend.recent.pValue } : { judgement: 'not_computed', reason: trend.recent.reason },
    words,
  };
}
