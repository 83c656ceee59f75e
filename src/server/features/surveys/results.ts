// A survey's results, entered by its council's officer through the API, the
// results form or a file (CSV or spreadsheet): checked by the domain's rules
// against the survey's record and the set each question belongs to, written
// with the comparability verdict and the held values of the comparable ones,
// and audited, in one transaction. A question entered again supersedes its
// results, kept as history.
import type { Readable } from 'node:stream';
import { formatRejection } from '../../../domain/batch/index.ts';
import { checkResults, type ComparabilityVerdict, type FieldProblem, type QuestionSet, type SurveyResult } from '../../../domain/surveys/index.ts';
import { readSurveyResults } from '../../../ingest/survey-results.ts';
import { RejectionError } from '../../../ingest/rejections.ts';
import type { Sql } from '../../../store/store.ts';
import { currentResults, getSurvey, saveResults, type StoredResult, type Survey } from '../../../store/surveys.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { resultsBody } from './api-inputs.ts';
import { judgeAndHold, recordOf, setsOf } from './survey-checks.ts';
import { findSurvey } from './surveys.ts';

export interface EnteredResults {
  readonly survey: Survey;
  readonly verdict: ComparabilityVerdict | null;
  readonly results: readonly StoredResult[];
}

/** Enters results given as the API's JSON (or the form's, made into it). */
export async function enterResults(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<EnteredResults> {
  const survey = await findSurvey(sql, access, idText, 'change');
  const given = checked(resultsBody, body);
  return keepResults(sql, access, survey, given.results, given.confirmed, 'entered');
}

/** Enters results from a file of question, option, count[, weighted percentage]: every problem names the file, its line and its column. */
export async function enterResultsFile(sql: Sql, access: RequestAccess, idText: unknown, file: { fileName: string; input: Readable; confirmed: boolean }): Promise<EnteredResults> {
  const survey = await findSurvey(sql, access, idText, 'change');
  const read = await readSurveyResults(file.fileName, file.input).catch((error: unknown) => {
    if (error instanceof RejectionError) throw new HttpError(400, 'bad_request', error.message, { problems: [{ field: 'file', message: error.message }] });
    throw error;
  });
  if (read.kind === 'refused') {
    const messages = read.problems.map((p) => formatRejection(file.fileName, p));
    throw new HttpError(400, 'bad_request', `${file.fileName}: no results entered: ${messages.join('; ')}`, {
      problems: read.problems.map((p, i) => ({ field: 'file', line: p.line, message: messages[i] })),
    });
  }
  try {
    return await keepResults(sql, access, survey, read.results, file.confirmed, `entered from ${file.fileName}`);
  } catch (error) {
    throw onLines(error, file.fileName, read.lines);
  }
}

async function keepResults(sql: Sql, access: RequestAccess, survey: Survey, results: readonly SurveyResult[], confirmed: boolean, how: string): Promise<EnteredResults> {
  const sets = await setsOf(sql, survey.placements);
  const bySet = resultsBySet(survey, sets, results);
  const problems = [...bySet].flatMap(([set, given]) => checkResults(recordOf(survey), set, given));
  if (problems.length > 0) throw invalidInput(problems);
  return sql.begin(async (tx) => {
    await saveResults(
      tx,
      survey.id,
      [...bySet].flatMap(([set, given]) => given.map((r) => ({ ...r, setCode: set.code, setVersion: set.version }))),
      access.actor.userId,
    );
    const verdict = await judgeAndHold(tx, access, survey, confirmed);
    await access.audit(
      tx,
      'change',
      'survey',
      String(survey.id),
      `${how} results of ${results.length} questions${confirmed ? ', confirmed' : ''}: ${verdict?.overall.replace(/_/g, ' ') ?? 'no verdict'}`,
    );
    return { survey: (await getSurvey(tx, survey.id))!, verdict, results: await currentResults(tx, survey.id) };
  });
}

/** Each result under the set its question was placed from; a question the questionnaire did not place is refused by name. */
function resultsBySet(survey: Survey, sets: readonly QuestionSet[], results: readonly SurveyResult[]): Map<QuestionSet, SurveyResult[]> {
  const bySet = new Map<QuestionSet, SurveyResult[]>();
  const problems: FieldProblem[] = [];
  for (const result of results) {
    const placed = survey.placements.find((p) => p.questionCode === result.questionCode);
    const set = placed && sets.find((s) => s.code === placed.setCode && s.version === placed.setVersion);
    if (!set) {
      problems.push({
        field: `results[${result.questionCode}].questionCode`,
        message: `Question '${result.questionCode}' is not placed in survey ${survey.id}'s questionnaire: add where it was asked to the survey first`,
      });
      continue;
    }
    bySet.set(set, [...(bySet.get(set) ?? []), result]);
  }
  if (problems.length > 0) throw invalidInput(problems);
  return bySet;
}

/** A refusal of a file's results names the line each question began on. */
function onLines(error: unknown, fileName: string, lines: ReadonlyMap<string, number>): unknown {
  const listed = error instanceof HttpError && error.status === 400 ? (error.details as { problems?: FieldProblem[] } | undefined)?.problems : undefined;
  if (!listed) return error;
  const problems = listed.map((p) => {
    const question = /^results\[([^\]]+)\]/.exec(p.field)?.[1];
    const line = question === undefined ? undefined : lines.get(question);
    return { field: 'file', line, message: `${fileName}:${line ?? 0}: ${p.message}` };
  });
  return new HttpError(400, 'bad_request', `${fileName}: no results entered: ${problems.map((p) => p.message).join('; ')}`, { problems });
}
