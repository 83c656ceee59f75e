// A survey as the API answers it and its page shows it: the record, the
// comparability verdict condition by condition, and each question's results
// with the percentage positive and its Wilson interval (the domain's
// statistics, on the effective base where weighted), set beside the national
// poll of the same financial year (its waves pooled from counts) with
// significance as the engine judges it, beside comparable councils' released
// figures in the benchmark index, and across the council's own waves.
import { compareToBenchmark, describeSignificance, type Significance } from '../../../domain/benchmark/index.ts';
import { groupFigures } from '../../../domain/benchmark/benchmark-queries.ts';
import { groupSpecFor, type NamedGroup } from '../../../domain/benchmark/group-spec.ts';
import { compareWithPoll, percentagePositive, poolWaves, questionOf, type QuestionSet, type SurveyResult } from '../../../domain/surveys/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { currentResults, resultsOfQuestion, surveysOf as storedSurveysOf, type StoredResult, type Survey } from '../../../store/surveys.ts';
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
    comparableCouncils: question?.metricCode && figure ? councilsComparison(engine, survey, question.metricCode, figure) : null,
    trend: question ? await trendOf(sql, waves, question, result.questionCode) : [],
  };
}

function figureOf(question: NonNullable<ReturnType<typeof questionOf>>, result: SurveyResult): Figure | null {
  const figure = percentagePositive(question, result);
  return figure.kind === 'ok' ? { percent: figure.percent, lower: figure.lower, upper: figure.upper, positive: figure.positive, base: figure.base } : null;
}

/**
 * The poll's waves of the same financial year, pooled from their counts, set
 * beside the council's result by the domain's rule (compareWithPoll): a survey
 * that is not comparable is not compared, and says why.
 */
async function pollComparison(sql: Sql, survey: Survey, poll: readonly Survey[], question: NonNullable<ReturnType<typeof questionOf>>, result: SurveyResult) {
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

/** Comparable councils' released figures for the metric and period, as the benchmark index holds them (public figures alone): none until results are released. */
function councilsComparison(engine: BenchmarkEngine, survey: Survey, metricCode: string, figure: Figure) {
  const series = engine.index.metric(metricCode);
  const slice = series?.slice(survey.period);
  const area = engine.index.area(survey.council);
  if (!series || !slice || !area) return [];
  return COMPARATORS.map((group): GroupComparison => {
    const figures = groupFigures(engine.index, series, slice, area, groupSpecFor(engine.index, area, group));
    // The council's own released result may be among them: a group of it alone compares it with itself.
    const own = slice.position(engine.index.areaNumber(area.code)!);
    const others = figures.members.filter((position) => position !== own).length;
    if (figures.mean === null || others === 0) return { group, label: figures.label, councils: others, average: null, significance: null, sentence: null };
    const significance = compareToBenchmark({ value: figure.percent, lower: figure.lower, upper: figure.upper, benchmark: figures.mean, polarity: 'higher_is_better' });
    return { group, label: figures.label, councils: figures.members.length, average: figures.mean, significance, sentence: describeSignificance(significance, `the average of ${figures.label}`) };
  });
}

/** A comparator group's average of released comparable results, or none where no other council has one. */
interface GroupComparison {
  readonly group: NamedGroup;
  readonly label: string;
  readonly councils: number;
  readonly average: number | null;
  readonly significance: Significance | null;
  readonly sentence: string | null;
}

const COMPARATORS: readonly NamedGroup[] = ['neighbours', 'region', 'type'];

/** The council's surveys the viewer may read: the waves a question's trend runs across. */
async function wavesOf(sql: Sql, survey: Survey, access?: RequestAccess): Promise<Survey[]> {
  const all = await storedSurveysOf(sql, survey.council);
  return access ? all.filter((s) => access.may('read', guardOf(s))) : all.filter((s) => s.id === survey.id);
}

/** The question's percentage positive in each wave, oldest first. */
async function trendOf(sql: Sql, waves: readonly Survey[], question: NonNullable<ReturnType<typeof questionOf>>, questionCode: string) {
  const found = await resultsOfQuestion(
    sql,
    waves.map((s) => s.id),
    questionCode,
  );
  return [...waves]
    .reverse()
    .filter((s) => found.has(s.id))
    .map((s) => ({
      surveyId: s.id,
      title: s.title,
      period: s.period,
      fieldworkEnd: s.fieldworkEnd,
      tracker: s.tracker,
      comparability: s.verdict?.overall ?? null,
      figure: figureOf(question, found.get(s.id)!),
    }));
}
