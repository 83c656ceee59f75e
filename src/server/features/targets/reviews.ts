// Progress reviews: the lead partner's likelihood of delivery on the
// five-point scale, always with the narrative that explains it, its actions
// (owner, due date; an action keeps its id from review to review) and risks.
// A review freezes the target's line and ratings as they were on its date:
// they are never worked out again, so judgement and arithmetic can be set
// side by side later. The narrative and risks stay with the partners and
// those who oversee the agreement unless the review is published. Reviews
// import as CSV too, all or nothing: each line checked as one review given
// through the API is, each problem named by its line and column.
import type { Readable } from 'node:stream';
import type { Rejection } from '../../../domain/batch/index.ts';
import { LIKELIHOOD_LABELS } from '../../../domain/targets/index.ts';
import type { Agreement } from '../../../store/agreements.ts';
import type { Db, Sql } from '../../../store/store.ts';
import { createReview, targetsOf, type ProgressReview, type ReviewDraft, type StoredTarget } from '../../../store/targets.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { badRequest } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { reviewRecord } from '../../platform/agreements/agreement-record.ts';
import { NOT_YET_RATED, plannedFigures, type RateTargets } from '../../platform/agreements/agreement-json.ts';
import { findAgreement } from './agreements.ts';
import { reviewBody } from './api-inputs.ts';
import { readLines, refusal, rejectionOf } from './target-import.ts';
import { targetOf } from './targets.ts';

export async function recordReview(sql: Sql, access: RequestAccess, agreementIdText: unknown, targetIdText: unknown, body: unknown, rate: RateTargets = NOT_YET_RATED): Promise<ProgressReview> {
  const agreement = await findAgreement(sql, access, agreementIdText, 'read');
  const target = await targetOf(sql, agreement, targetIdText);
  access.require('change', reviewRecord(agreement), `agreement ${agreement.id}`);
  const draft = checkReview(target, body, rate(agreement, [target]).get(target.id) ?? []);
  return sql.begin((tx) => writeReview(tx, access, target, draft));
}

/** One review checked: its likelihood explained by a narrative, its actions given ids, the target's line and ratings frozen. */
function checkReview(target: StoredTarget, body: unknown, ratings: unknown): ReviewDraft {
  const given = checked(reviewBody, body);
  const narrative = given.narrative?.trim() ?? '';
  if (narrative === '') throw badRequest(`'narrative' is required: say why delivery is judged ${LIKELIHOOD_LABELS[given.likelihood]}`);
  if (narrative.length > 5000) throw badRequest("'narrative' is longer than 5000 characters");
  const actions = (given.actions ?? []).map((a, i) => ({ id: a.id ?? `${target.id}-${i + 1}`, action: a.action, owner: a.owner, due: a.due }));
  const frozen = {
    reference: target.reference,
    metric: target.metricCode,
    ...plannedFigures(target),
    trajectory: target.trajectory,
    toleranceRule: target.toleranceRule,
    ratings,
  };
  return { targetId: target.id, reviewedOn: given.reviewedOn, likelihood: given.likelihood, narrative, actions, risks: given.risks ?? null, frozen, published: given.published ?? false };
}

async function writeReview(tx: Db, access: RequestAccess, target: StoredTarget, draft: ReviewDraft): Promise<ProgressReview> {
  const review = await createReview(tx, draft, access.actor.actor);
  await access.audit(tx, 'change', 'progress_review', String(review.id), `reviewed target ${target.reference}: ${LIKELIHOOD_LABELS[draft.likelihood]}`);
  return review;
}

export const REVIEW_COLUMNS = ['target', 'reviewedOn', 'likelihood', 'narrative', 'risks', 'actions', 'published'];
/** An agreement's reviews of a year are tens; a file past this is not a reviews file. */
const MAX_REVIEW_LINES = 10_000;
const MAX_PROBLEMS = 100;

/**
 * Imports the file's reviews, or none of them: each line names its target by
 * id or reference and is checked as recordReview checks one; the policy is
 * asked once, as recordReview asks it. The refusal lists each problem as
 * file:line: column 'x': reason. Actions are written
 * "owner|due|action; owner|due|action".
 */
export async function importReviews(
  sql: Sql,
  access: RequestAccess,
  agreementIdText: unknown,
  file: { fileName: string; input: Readable },
  rate: RateTargets = NOT_YET_RATED,
): Promise<{ imported: number; reviews: number[] }> {
  const agreement = await findAgreement(sql, access, agreementIdText, 'read');
  access.require('change', reviewRecord(agreement), `agreement ${agreement.id}`);
  const { headerLine, lines, problems } = await readLines(file, { columns: REVIEW_COLUMNS, noun: 'reviews', maxLines: MAX_REVIEW_LINES });
  const targetNamed = await targetLookup(sql, agreement);
  const ratings = rate(agreement, [...new Set(targetNamed.values())]);
  const checkedLines: { target: StoredTarget; draft: ReviewDraft }[] = [];
  for (const { line, cells } of lines) {
    if (problems.length >= MAX_PROBLEMS) break;
    const target = targetNamed.get(cells.target ?? '');
    if (!target) {
      problems.push(unknownTarget(agreement, line, cells.target));
      continue;
    }
    try {
      checkedLines.push({ target, draft: checkReview(target, reviewOf(cells), ratings.get(target.id) ?? []) });
    } catch (error) {
      problems.push(lineProblem(error, line));
    }
  }
  if (problems.length === 0 && lines.length === 0) problems.push({ line: headerLine, reason: 'the file holds no reviews' });
  if (problems.length > 0) throw refusal(file.fileName, problems, 'reviews');
  const reviews = await sql.begin(async (tx) => {
    const ids: number[] = [];
    for (const { target, draft } of checkedLines) ids.push((await writeReview(tx, access, target, draft)).id);
    return ids;
  });
  return { imported: reviews.length, reviews };
}

/** A line's refusal by its column; in 'actions', which action and which of its parts too, as one cell holds many. */
function lineProblem(error: unknown, line: number): Rejection {
  const rejection = rejectionOf(error, line);
  const part = error instanceof Error ? /^'actions\[(\d+)\]\.(\w+)'/.exec(error.message) : null;
  return part ? { ...rejection, reason: `action ${Number(part[1]) + 1}: '${part[2]}' ${rejection.reason}` } : rejection;
}

/** The agreement's targets in force, by id and by reference, as a line may name either. */
async function targetLookup(sql: Sql, agreement: Agreement): Promise<Map<string, StoredTarget>> {
  const named = new Map<string, StoredTarget>();
  for (const target of await targetsOf(sql, agreement.id)) named.set(target.reference, target).set(String(target.id), target);
  return named;
}

function unknownTarget(agreement: Agreement, line: number, named: string | undefined): Rejection {
  const reason = named ? `'${named}' is not a target of agreement ${agreement.id} (give its id or reference)` : 'is required: the target reviewed, by id or reference';
  return { line, column: 'target', reason };
}

/** A line's cells as the API's body: empty cells absent, actions split into owner, due and action. */
function reviewOf(cells: Readonly<Record<string, string>>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of ['reviewedOn', 'likelihood', 'narrative', 'risks']) if (cells[name]) body[name] = cells[name];
  // Anything but yes or no is passed on as written, so that it is refused as 'published'.
  if (cells.published) body.published = ['true', 'yes'].includes(cells.published) ? true : ['false', 'no'].includes(cells.published) ? false : cells.published;
  if (cells.actions) {
    body.actions = cells.actions.split(';').map((text) => {
      const [owner, due, ...action] = text.split('|').map((part) => part.trim());
      return { owner: owner || undefined, due: due || undefined, action: action.length > 0 ? action.join('|') : undefined };
    });
  }
  return body;
}
