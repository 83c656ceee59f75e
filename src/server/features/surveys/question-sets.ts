// Question sets: the LGA's resident satisfaction questions kept with Lantern
// (loaded on first use), and the sets administrators add. A set is public;
// only administrators add one. A set already kept at a version is not changed:
// a changed wording is a new version, since surveys name the version they asked.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';
import { checkNewVersion, readQuestionSet, type QuestionSet } from '../../../domain/surveys/index.ts';
import { questionSetsLoaded } from '../../../ingest/question-sets.ts';
import type { Sql } from '../../../store/store.ts';
import { ensureSurveyMetrics, getQuestionSet, latestQuestionSets, questionSetVersions, saveQuestionSet } from '../../../store/surveys.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';

/** A question set as the policy reads it: public, kept by administrators. */
export const QUESTION_SET_RECORD: GuardedRecord = guardedRecord('question_set', 'public');

/** Every set at its latest version, the kept ones loaded first. */
export async function listQuestionSets(sql: Sql): Promise<QuestionSet[]> {
  await questionSetsLoaded(sql);
  return latestQuestionSets(sql);
}

/** One set at one version, the kept ones loaded first. */
export async function findQuestionSet(sql: Sql, code: string, version: number): Promise<QuestionSet | undefined> {
  await questionSetsLoaded(sql);
  return getQuestionSet(sql, code, version);
}

/** Adds a set at a new version, and the metrics of its benchmarkable questions; a version already kept answers 409 naming it. */
export async function addQuestionSet(sql: Sql, access: RequestAccess, body: unknown): Promise<QuestionSet> {
  access.require('change', QUESTION_SET_RECORD, 'question set');
  const read = readQuestionSet(body);
  if (read.kind === 'invalid') throw invalidInput(read.problems);
  const set = read.set;
  const kept = await findQuestionSet(sql, set.code, set.version);
  if (kept) {
    // The same set again, or a changed one at a held version, whose next version checkNewVersion names.
    const changed = checkNewVersion(await questionSetVersions(sql, set.code), set);
    throw new HttpError(409, 'conflict', `'version': ${changed[0]?.message ?? `the set '${set.code}' is kept at version ${set.version} already ('${kept.title}')`}`);
  }
  const refused = set.questions.find((q) => q.benchmarkable && !q.metricCode);
  if (refused)
    throw invalidInput([{ field: `questions[${refused.code}].metricCode`, message: `Question '${refused.code}' is for benchmarking, so it needs the metric its percentage positive becomes` }]);
  return sql.begin(async (tx) => {
    await saveQuestionSet(tx, set, access.actor.userId);
    const metrics = await ensureSurveyMetrics(tx, set);
    await access.audit(
      tx,
      'change',
      'question_set',
      `${set.code}@${set.version}`,
      `added question set '${set.title}' version ${set.version} (${set.questions.length} questions, ${metrics} new metrics)`,
    );
    return set;
  });
}
