// Resident surveys (migration 035): question sets by version, a council's
// surveys as they were run, their results as counts per answer option, and
// the comparability verdict kept with each survey. A question's results
// entered again supersede the current ones, which stay as history. The
// shapes are the domain's (src/domain/surveys), kept as JSON.
import type { Period } from '../domain/period/index.ts';
import type { ComparabilityVerdict, Placement, QuestionSet, SurveyMethod, SurveyResult, TrackerWave, Weighting } from '../domain/surveys/index.ts';
import { savePeriods, type Tx } from './observations.ts';
import type { Db } from './store.ts';

/** A survey as the store keeps it: the domain's record, and who holds it, its verdict and its revision. */
export interface Survey {
  readonly id: number;
  readonly council: string;
  readonly organisationId: number;
  readonly title: string;
  readonly method: SurveyMethod;
  readonly sampling: 'random_probability' | 'quota' | 'opt_in_panel';
  readonly fieldworkStart: string;
  readonly fieldworkEnd: string;
  readonly period: string;
  readonly achievedSample: number;
  readonly weighting: Weighting;
  readonly placements: readonly Placement[];
  readonly tracker: TrackerWave | null;
  readonly synthetic: boolean;
  readonly verdict: ComparabilityVerdict | null;
  readonly resultsConfirmed: boolean;
  readonly revision: number;
  readonly enteredBy: number | null;
  readonly enteredAt: Date;
  readonly changedAt: Date;
}

/** What is written of a survey: its record as checked, its title and the period of its fieldwork's end. */
export interface SurveyDraft {
  readonly council: string;
  readonly title: string;
  readonly method: SurveyMethod;
  readonly sampling: Survey['sampling'];
  readonly fieldworkStart: string;
  readonly fieldworkEnd: string;
  readonly period: Period;
  readonly achievedSample: number;
  readonly weighting: Weighting;
  readonly placements: readonly Placement[];
  readonly tracker: TrackerWave | null;
  readonly synthetic?: boolean;
}

/** One question's current results, with the id its held value names as its origin. */
export interface StoredResult extends SurveyResult {
  readonly id: number;
  readonly setCode: string;
  readonly setVersion: number;
  readonly enteredAt: Date;
}

const SURVEY_SELECT = `s.id, s.area_code as council, s.organisation_id as "organisationId", s.title, s.method, s.sampling,
  to_char(s.fieldwork_start, 'YYYY-MM-DD') as "fieldworkStart", to_char(s.fieldwork_end, 'YYYY-MM-DD') as "fieldworkEnd", s.period,
  s.achieved_sample as "achievedSample", s.weighting, s.placements,
  case when s.tracker_name is null then null else jsonb_build_object('name', s.tracker_name, 'wave', s.tracker_wave) end as tracker,
  s.synthetic, s.verdict, s.results_confirmed as "resultsConfirmed", s.revision, s.entered_by as "enteredBy", s.entered_at as "enteredAt", s.changed_at as "changedAt"`;

/** Keeps a set at its version; a version already kept is left as it is (loading the kept sets again changes nothing). Returns whether it was new. */
export async function saveQuestionSet(db: Db, set: QuestionSet, addedBy: number | null): Promise<boolean> {
  const made = await db`
    insert into question_set (code, version, title, source, questions, added_by)
    values (${set.code}, ${set.version}, ${set.title}, ${set.source}, ${db.json(set.questions as never)}, ${addedBy})
    on conflict (code, version) do nothing`;
  return made.count === 1;
}

/**
 * The hub's metric of each benchmarkable question, where it has none yet: a
 * percentage positive, higher is better, of status 'survey', by financial
 * year. A metric already there is left as its publisher made it.
 */
export async function ensureSurveyMetrics(db: Db, set: QuestionSet): Promise<number> {
  const rows = set.questions
    .filter((q) => q.benchmarkable && q.metricCode)
    .map((q) => ({
      code: q.metricCode!,
      title: `${q.wording.replace(/\?$/, '')}: percentage positive`.slice(0, 300),
      definition: `Residents answering ${positiveWords(q.answerOptions)} to "${q.wording}", of those who answered other than "don't know" (${set.title}, version ${set.version}).`,
      source: set.source,
    }));
  if (rows.length === 0) return 0;
  const made = await db`
    insert into metric (code, title, definition, unit, polarity, value_kind, multiplier, period_kind, source, decimals, ci_method, status)
    select r.code, r.title, r.definition, '%', 'higher_is_better', 'proportion', 100, 'financial_year', r.source, 0, 'wilson', 'survey'
    from jsonb_to_recordset(${db.json(rows)}) as r(code text, title text, definition text, source text)
    on conflict (code) do nothing`;
  return made.count;
}

function positiveWords(options: QuestionSet['questions'][number]['answerOptions']): string {
  return options
    .filter((o) => o.positive)
    .map((o) => `"${o.label}"`)
    .join(' or ');
}

/** Every set at its latest version, by code. */
export async function latestQuestionSets(db: Db): Promise<QuestionSet[]> {
  return db<QuestionSet[]>`
    select distinct on (code) code, version, title, source, questions from question_set order by code, version desc`;
}

/** One set at one version. */
export async function getQuestionSet(db: Db, code: string, version: number): Promise<QuestionSet | undefined> {
  const [found] = await db<QuestionSet[]>`select code, version, title, source, questions from question_set where code = ${code} and version = ${version}`;
  return found;
}

/** Every version of a set Lantern holds, oldest first. */
export async function questionSetVersions(db: Db, code: string): Promise<QuestionSet[]> {
  return db<QuestionSet[]>`select code, version, title, source, questions from question_set where code = ${code} order by version`;
}

/** The latest version of a set, if Lantern holds the set. */
export async function latestVersionOf(db: Db, code: string): Promise<number | undefined> {
  const [found] = await db<{ version: number }[]>`select max(version) as version from question_set where code = ${code}`;
  return found?.version ?? undefined;
}

/** The survey already entered for the same council, period and method (and wave): the one a second entry would repeat. */
export async function sameSurvey(db: Db, draft: Pick<SurveyDraft, 'council' | 'period' | 'method' | 'tracker'>, except?: number): Promise<Survey | undefined> {
  const [found] = await db.unsafe<Survey[]>(
    `select ${SURVEY_SELECT} from survey s
     where s.area_code = $1 and s.period = $2 and s.method = $3 and coalesce(s.tracker_name, '') = $4 and coalesce(s.tracker_wave, 0) = $5 and s.id <> $6`,
    [draft.council, draft.period.label, draft.method, draft.tracker?.name ?? '', draft.tracker?.wave ?? 0, except ?? 0],
  );
  return found;
}

export async function createSurvey(tx: Tx, draft: SurveyDraft, organisationId: number, userId: number | null): Promise<number> {
  await savePeriods(tx, [draft.period]);
  const [made] = await tx<{ id: number }[]>`
    insert into survey (area_code, organisation_id, title, method, sampling, fieldwork_start, fieldwork_end, period, achieved_sample,
      weighting, placements, tracker_name, tracker_wave, synthetic, entered_by, changed_by)
    values (${draft.council}, ${organisationId}, ${draft.title}, ${draft.method}, ${draft.sampling}, ${draft.fieldworkStart}, ${draft.fieldworkEnd},
      ${draft.period.label}, ${draft.achievedSample}, ${tx.json(draft.weighting as never)}, ${tx.json(draft.placements as never)},
      ${draft.tracker?.name ?? null}, ${draft.tracker?.wave ?? null}, ${draft.synthetic ?? false}, ${userId}, ${userId})
    returning id`;
  return made!.id;
}

/** Changes the survey's record; the council and holder stay. Its verdict is worked out again by the caller. */
export async function updateSurvey(tx: Tx, id: number, draft: SurveyDraft, userId: number | null): Promise<void> {
  await savePeriods(tx, [draft.period]);
  await tx`
    update survey set title = ${draft.title}, method = ${draft.method}, sampling = ${draft.sampling}, fieldwork_start = ${draft.fieldworkStart},
      fieldwork_end = ${draft.fieldworkEnd}, period = ${draft.period.label}, achieved_sample = ${draft.achievedSample},
      weighting = ${tx.json(draft.weighting as never)}, placements = ${tx.json(draft.placements as never)},
      tracker_name = ${draft.tracker?.name ?? null}, tracker_wave = ${draft.tracker?.wave ?? null},
      revision = revision + 1, changed_by = ${userId}, changed_at = now()
    where id = ${id}`;
}

/** Keeps the verdict of the survey's current results, and whether the officer confirmed them. */
export async function setVerdict(tx: Tx, id: number, verdict: ComparabilityVerdict | null, confirmed: boolean, userId: number | null): Promise<void> {
  await tx`
    update survey set verdict = ${verdict ? tx.json(verdict as never) : null}, comparability = ${verdict?.overall ?? null}, results_confirmed = ${confirmed},
      revision = revision + 1, changed_by = ${userId}, changed_at = now()
    where id = ${id}`;
}

export async function getSurvey(db: Db, id: number): Promise<Survey | undefined> {
  const [found] = await db.unsafe<Survey[]>(`select ${SURVEY_SELECT} from survey s where s.id = $1`, [id]);
  return found;
}

/** A council's surveys (England's: the national poll's waves), latest fieldwork first. */
export async function surveysOf(db: Db, council: string): Promise<Survey[]> {
  return db.unsafe<Survey[]>(`select ${SURVEY_SELECT} from survey s where s.area_code = $1 order by s.fieldwork_end desc, s.id desc`, [council]);
}

/**
 * Replaces the current results of the questions given: each current row of
 * those questions is superseded (kept as history) and the new one added.
 * Returns the ids of the new rows, in the order given.
 */
export async function saveResults(tx: Tx, surveyId: number, results: readonly (SurveyResult & { setCode: string; setVersion: number })[], userId: number | null): Promise<number[]> {
  if (results.length === 0) return [];
  const codes = results.map((r) => r.questionCode);
  await tx`update survey_result set superseded_at = now() where survey_id = ${surveyId} and question_code = any(${codes}) and superseded_at is null`;
  const rows = results.map((r) => ({
    survey_id: surveyId,
    question_code: r.questionCode,
    set_code: r.setCode,
    set_version: r.setVersion,
    counts: r.counts,
    base: r.base,
    weighted: r.weighted,
    entered_by: userId,
  }));
  const made = await tx<{ id: string; question: string }[]>`
    insert into survey_result (survey_id, question_code, set_code, set_version, counts, base, weighted, entered_by)
    select r.survey_id, r.question_code, r.set_code, r.set_version, r.counts, r.base, r.weighted, r.entered_by
    from jsonb_to_recordset(${tx.json(rows as never)}) as r(survey_id int, question_code text, set_code text, set_version int, counts jsonb, base int, weighted jsonb, entered_by int)
    returning id, question_code as question`;
  const ids = new Map(made.map((m) => [m.question, Number(m.id)]));
  return codes.map((c) => ids.get(c)!);
}

/** The survey's current results, one a question, in the order they were entered. */
export async function currentResults(db: Db, surveyId: number): Promise<StoredResult[]> {
  const rows = await db<(StoredResult & { id: string })[]>`
    select id, question_code as "questionCode", set_code as "setCode", set_version as "setVersion", counts, base, weighted, entered_at as "enteredAt"
    from survey_result where survey_id = ${surveyId} and superseded_at is null order by id`;
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Each survey's current results of one question, for the council's trend across waves and the national poll's series. */
export async function resultsOfQuestion(db: Db, surveyIds: readonly number[], questionCode: string): Promise<Map<number, StoredResult>> {
  if (surveyIds.length === 0) return new Map();
  const rows = await db<(StoredResult & { id: string; surveyId: number })[]>`
    select id, survey_id as "surveyId", question_code as "questionCode", set_code as "setCode", set_version as "setVersion", counts, base, weighted, entered_at as "enteredAt"
    from survey_result where survey_id = any(${surveyIds as number[]}) and question_code = ${questionCode} and superseded_at is null`;
  return new Map(rows.map((r) => [r.surveyId, { ...r, id: Number(r.id) }]));
}

/** A council's survey result of a metric and period that was released (made public), with the record it came from. */
export interface ReleasedSurveyResult {
  readonly council: string;
  readonly surveyId: number;
  readonly method: SurveyMethod;
  readonly verdict: ComparabilityVerdict | null;
  readonly result: StoredResult;
}

/**
 * For each of `councils`, the latest survey result of `metricCode` in
 * `period` that was released (its held value has a release row), with the
 * survey it came from: what the public already reads of it, and how it was
 * run, so that whether it is fair to compare can be judged.
 */
export async function releasedSurveyResults(db: Db, metricCode: string, period: string, councils: readonly string[]): Promise<ReleasedSurveyResult[]> {
  if (councils.length === 0) return [];
  const rows = await db<
    {
      council: string;
      surveyId: number;
      method: SurveyMethod;
      verdict: ComparabilityVerdict | null;
      id: string;
      questionCode: string;
      setCode: string;
      setVersion: number;
      counts: Record<string, number>;
      base: number;
      weighted: SurveyResult['weighted'];
      enteredAt: Date;
    }[]
  >`
    select distinct on (a.code) a.code as council, s.id as "surveyId", s.method, s.verdict,
      r.id, r.question_code as "questionCode", r.set_code as "setCode", r.set_version as "setVersion", r.counts, r.base, r.weighted, r.entered_at as "enteredAt"
    from held_value h
    join held_release x on x.held_value_id = h.id
    join metric m on m.id = h.metric_id
    join area a on a.id = h.area_id
    join survey_result r on r.id = h.origin_id
    join survey s on s.id = r.survey_id
    where h.origin = 'survey' and m.code = ${metricCode} and h.period = ${period} and a.code = any(${councils as string[]})
    order by a.code, h.id desc`;
  return rows.map(({ council, surveyId, method, verdict, ...result }) => ({ council, surveyId, method, verdict, result: { ...result, id: Number(result.id) } }));
}
