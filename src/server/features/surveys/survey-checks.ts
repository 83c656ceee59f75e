// What the surveys feature asks the domain (src/domain/surveys) and does
// with the answer: a record is checked against the sets its placements name;
// results are judged for comparability, the verdict kept with the survey;
// and only comparable results (comparable, or with caveats) of benchmarkable
// questions become held values of their metrics for the council and the
// financial year of the fieldwork's end. A result that is no longer
// comparable leaves its period blank, with the verdict's sentence as its note.
import { checkSurvey, comparabilityOf, percentagePositive, questionOf, type ComparabilityVerdict, type QuestionSet, type SurveyRecord } from '../../../domain/surveys/index.ts';
import { londonDay } from '../../../domain/format/index.ts';
import { parsePeriod } from '../../../domain/period/index.ts';
import { currentHeldValues, holdValues, type HeldValueInput } from '../../../store/held-values.ts';
import type { Tx } from '../../../store/observations.ts';
import type { Db, Sql } from '../../../store/store.ts';
import { questionSetsLoaded } from '../../../ingest/question-sets.ts';
import { currentResults, getQuestionSet, getSurvey, setVerdict, type StoredResult, type Survey } from '../../../store/surveys.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';

/** England's surveys are the national poll: a reference series shown beside councils', never held as a council's value. */
const ENGLAND = 'E92000001';

/** The sets a survey's placements name, as Lantern holds them. */
export async function setsOf(sql: Db, placements: SurveyRecord['placements']): Promise<QuestionSet[]> {
  const named = new Map(placements.map((p) => [`${p.setCode}@${p.setVersion}`, p]));
  const sets = await Promise.all([...named.values()].map((p) => getQuestionSet(sql, p.setCode, p.setVersion)));
  return sets.filter((set): set is QuestionSet => set !== undefined);
}

/** The record checked by the domain's rules against today (London's day at the request's instant), or a 400 naming every field. */
export async function checkedRecord(sql: Sql, record: SurveyRecord, now: number): Promise<QuestionSet[]> {
  await questionSetsLoaded(sql);
  const sets = await setsOf(sql, record.placements);
  const problems = checkSurvey(record, sets, londonDay(new Date(now)));
  if (problems.length > 0) throw invalidInput(problems);
  return sets;
}

/** The survey as the domain's record. */
export function recordOf(survey: Survey): SurveyRecord {
  const { council, method, fieldworkStart, fieldworkEnd, sampling, achievedSample, weighting, placements, tracker } = survey;
  return { council, method, fieldworkStart, fieldworkEnd, sampling, achievedSample, weighting, placements, tracker };
}

/**
 * Judges the survey's current results, keeps the verdict and holds the
 * comparable ones, in the caller's transaction. `confirmed`: the officer
 * confirms the results, so their values are no longer provisional.
 */
export async function judgeAndHold(tx: Tx, access: RequestAccess, survey: Survey, confirmed: boolean): Promise<ComparabilityVerdict | null> {
  const results = await currentResults(tx, survey.id);
  const sets = await setsOf(tx, survey.placements);
  const verdict = results.length === 0 ? null : comparabilityOf(recordOf(survey), sets, results);
  await setVerdict(tx, survey.id, verdict, confirmed, access.actor.userId);
  if (verdict && survey.council !== ENGLAND) await holdResults(tx, access, survey, sets, results, verdict, confirmed);
  return verdict;
}

/** After the record changed: its results judged again, as confirmed as they were. */
export async function workOutAgain(tx: Tx, access: RequestAccess, surveyId: number): Promise<void> {
  const survey = (await getSurvey(tx, surveyId))!;
  if (survey.verdict === null) return;
  await judgeAndHold(tx, access, survey, survey.resultsConfirmed);
}

async function holdResults(tx: Tx, access: RequestAccess, survey: Survey, sets: readonly QuestionSet[], results: readonly StoredResult[], verdict: ComparabilityVerdict, confirmed: boolean) {
  const period = parsePeriod(survey.period);
  if (period.kind !== 'ok') throw new Error(`survey ${survey.id} has the period ${survey.period}`);
  const comparable = verdict.overall !== 'not_comparable';
  const held = new Set((await currentHeldValues(tx, survey.council)).filter((v) => v.origin === 'survey' && v.period === survey.period && v.value !== null).map((v) => v.metricCode));
  const values: HeldValueInput[] = [];
  for (const result of results) {
    const set = sets.find((s) => s.code === result.setCode && s.version === result.setVersion);
    const question = set && questionOf(set, result.questionCode);
    if (!question?.benchmarkable || !question.metricCode) continue;
    const key = { metricCode: question.metricCode, areaCode: survey.council, period: period.period, origin: 'survey' as const, originId: result.id, provisional: !confirmed };
    const figure = percentagePositive(question, result);
    if (comparable && figure.kind === 'ok') {
      values.push({ ...key, value: figure.percent, numerator: figure.positive, denominator: figure.base, lowerCi: figure.lower, upperCi: figure.upper, note: caveatsOf(verdict) });
    } else if (held.has(question.metricCode)) {
      values.push({ ...key, value: null, note: `Not comparable: ${verdict.sentence}`.slice(0, 2000) });
    }
  }
  await holdValues(tx, values, access.actor.userId);
}

/** A comparable-with-caveats value carries its caveats as its note. */
function caveatsOf(verdict: ComparabilityVerdict): string | null {
  return verdict.overall === 'comparable_with_caveats' ? verdict.sentence.slice(0, 2000) : null;
}
