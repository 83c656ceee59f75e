// What a challenge found and published, and its follow-up (issue 21, build
// item 6): findings citing metrics of the library; the progress review's
// reading of each cited metric since the week (the council's figure for the
// last period ended by the week against its latest, judged by the domain's
// direction of travel, from the benchmark engine); the report and the
// action plan published as frozen versions; recommendations tracked to
// actions and the evidence each was done. Findings and recommendations are
// drafts of the team's, restricted as the challenge was before its report;
// a published version is public. Peer challenge managers write them all;
// the council's own performance officers record its actions and evidence
// too (the policy's 'challenge_action').
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';
import type { BenchmarkIndex, PeriodSlice } from '../../../domain/benchmark/benchmark-index.ts';
import { intervalOf } from '../../../domain/benchmark/benchmark-queries.ts';
import { directionOfTravel } from '../../../domain/benchmark/index.ts';
import { formatValue } from '../../../domain/format/index.ts';
import { isIsoDay } from '../../../domain/period/index.ts';
import * as kept from '../../../store/peer-challenge-findings.ts';
import type { Sql } from '../../../store/store.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { pathId } from '../../platform/http/request-body.ts';
import type { ChallengeHolding } from '../../../store/peer-challenge-records.ts';
import { challengeRecord, findChallenge, type FoundChallenge } from './challenges.ts';

type Body = Readonly<Record<string, unknown>>;

/** A published version: anyone reads it. */
export const PUBLISHED = guardedRecord('peer_challenge', 'public');

/** The policy's record of the council's actions and evidence on a challenge: read as its drafts are; kept by its holder and the council. */
export function actionRecord(holding: ChallengeHolding): GuardedRecord {
  return guardedRecord('challenge_action', 'restricted', {
    subjectArea: holding.councilCode,
    subjectReads: true,
    ownerOrganisation: holding.heldBy,
    sharedWithUsers: [...holding.teamUsers, ...holding.sharedWithUsers],
  });
}

export interface SinceTheWeek {
  readonly metric: string;
  readonly title: string;
  readonly sentence: string;
  readonly judgement: string;
}

export interface FollowUp {
  readonly found: FoundChallenge;
  readonly findings: readonly (kept.Finding & { readonly since: readonly SinceTheWeek[] })[];
  readonly recommendations: readonly kept.Recommendation[];
  readonly publications: readonly kept.Publication[];
  /** Findings, recommendations and publishing: the managers who run it. */
  readonly mayChange: boolean;
  /** Actions and evidence: those managers and the council's performance officers. */
  readonly mayAct: boolean;
}

/** The drafts and follow-up of a challenge, for those who read its drafts. */
export async function readFollowUp(sql: Sql, access: RequestAccess, index: BenchmarkIndex, idText: unknown): Promise<FollowUp> {
  const found = await findChallenge(sql, access, idText, 'read');
  const draft = challengeRecord(found.holding, null, true);
  access.require('read', draft, `peer challenge ${found.challenge.id}`);
  const id = Number(found.challenge.id);
  const [findings, recommendations, publications] = await Promise.all([kept.findingsOf(sql, id), kept.recommendationsOf(sql, id), kept.publicationsOf(sql, id)]);
  const week = found.challenge.onSite?.to ?? null;
  return {
    found,
    findings: findings.map((f) => ({ ...f, since: f.metrics.map((code) => sinceTheWeek(index, found.challenge.councilCode, code, week)) })),
    recommendations,
    publications,
    mayChange: access.may('change', draft),
    mayAct: access.may('change', actionRecord(found.holding)),
  };
}

/** A cited metric since the week: the last period ended by the week against the latest, as the direction of travel judges it. */
export function sinceTheWeek(index: BenchmarkIndex, councilCode: string, metricCode: string, week: string | null): SinceTheWeek {
  const series = index.metric(metricCode);
  const number = index.areaNumber(councilCode);
  const title = series?.metric.title ?? metricCode;
  const none = (sentence: string): SinceTheWeek => ({ metric: metricCode, title, sentence, judgement: 'not_computed' });
  if (!series || number === undefined) return none(`${title}: the benchmark engine holds no figures of it for the council.`);
  if (week === null) return none(`${title}: the week on site is not yet booked.`);
  const before = [...series.slices].reverse().find((s) => s.end <= week);
  const latest = series.latest();
  if (!before || !latest || latest === before) return none(`${title}: no figure for a period ${before ? 'since' : 'before'} the week on site (ending ${week}).`);
  const figure = (slice: PeriodSlice) => {
    const position = slice.position(number);
    const value = position < 0 ? null : slice.value(position);
    const interval = value === null ? undefined : intervalOf(series.metric, slice, position, 0.95);
    return { value, lower: interval?.lower ?? null, upper: interval?.upper ?? null };
  };
  const [was, now] = [figure(before), figure(latest)];
  const travel = directionOfTravel({ latest: now, previous: was, polarity: series.metric.polarity });
  const shown = (v: number | null) => formatValue(v, series.metric.decimals, series.metric.unit ?? '');
  const judgement = travel.kind === 'ok' ? travel.judgement : 'not_computed';
  const words = travel.kind === 'ok' ? travel.judgement.replaceAll('_', ' ') : 'not worked out: a figure is missing';
  return { metric: metricCode, title, judgement, sentence: `${title}: ${shown(was.value)} in ${before.period}, before the week; ${shown(now.value)} in ${latest.period}: ${words}.` };
}

export async function addChallengeFinding(sql: Sql, access: RequestAccess, index: BenchmarkIndex, idText: unknown, body: Body): Promise<void> {
  const { challenge } = await findChallenge(sql, access, idText, 'change');
  const finding = text(body.finding);
  const metrics = [...new Set(listOf(body.metrics))];
  const problems = [];
  if (finding === '' || finding.length > 4000) problems.push({ field: 'finding', message: `'finding': write what the team found, in up to 4,000 characters` });
  const unknown = metrics.filter((code) => !index.metric(code));
  if (unknown.length > 0) problems.push({ field: 'metrics', message: `'metrics': the library has no metric ${unknown.map((c) => `'${c}'`).join(', ')}` });
  if (problems.length > 0) throw invalidInput(problems);
  await sql.begin(async (tx) => {
    const id = await kept.addFinding(tx, Number(challenge.id), finding, metrics, access.userId);
    await access.audit(tx, 'change', 'peer_challenge', challenge.id, `added finding ${id}, citing ${metrics.length} metrics`);
  });
}

export async function publish(sql: Sql, access: RequestAccess, idText: unknown, body: Body): Promise<number> {
  const { challenge } = await findChallenge(sql, access, idText, 'change');
  const document = text(body.document);
  const content = text(body.body);
  const problems = [];
  if (document !== 'report' && document !== 'action_plan') problems.push({ field: 'document', message: `'document': choose the report or the action plan` });
  if (content === '' || content.length > 100_000) problems.push({ field: 'body', message: `'body': give the text to publish, up to 100,000 characters` });
  if (problems.length > 0) throw invalidInput(problems);
  return sql.begin(async (tx) => {
    const version = await kept.publishDocument(tx, Number(challenge.id), document as kept.ChallengeDocument, content, access.userId);
    await access.audit(tx, 'change', 'peer_challenge', challenge.id, `published the ${document.replace('_', ' ')}, version ${version}`);
    return version;
  });
}

export async function recommend(sql: Sql, access: RequestAccess, idText: unknown, body: Body): Promise<void> {
  const { challenge } = await findChallenge(sql, access, idText, 'change');
  const recommendation = text(body.recommendation);
  if (recommendation === '' || recommendation.length > 2000) throw invalidInput([{ field: 'recommendation', message: `'recommendation': write it, in up to 2,000 characters` }]);
  await sql.begin(async (tx) => {
    const id = await kept.addRecommendation(tx, Number(challenge.id), recommendation, access.userId);
    await access.audit(tx, 'change', 'peer_challenge', challenge.id, `added recommendation ${id}`);
  });
}

/** The challenge whose actions the viewer may record: the one not-found answer if they may not read it, 403 naming the access if they only read it. */
async function forActions(sql: Sql, access: RequestAccess, idText: unknown): Promise<FoundChallenge> {
  const found = await findChallenge(sql, access, idText, 'read');
  access.require('change', actionRecord(found.holding), `the actions of peer challenge ${found.challenge.id}`);
  return found;
}

export async function addAction(sql: Sql, access: RequestAccess, idText: unknown, recommendationText: unknown, body: Body): Promise<void> {
  const { challenge } = await forActions(sql, access, idText);
  const recommendationId = pathId(recommendationText, 'recommendation');
  const action = text(body.action);
  const dueOn = text(body.dueOn);
  const problems = [];
  if (action === '' || action.length > 2000) problems.push({ field: 'action', message: `'action': say what the council will do, in up to 2,000 characters` });
  if (dueOn !== '' && !isIsoDay(dueOn)) problems.push({ field: 'dueOn', message: `'dueOn': give the day as YYYY-MM-DD, or leave it empty` });
  if (problems.length > 0) throw invalidInput(problems);
  await sql.begin(async (tx) => {
    const id = await kept.addAction(tx, Number(challenge.id), recommendationId, action, dueOn === '' ? null : dueOn, access.userId);
    if (id === undefined) throw notSeen(`recommendation ${recommendationId} of peer challenge ${challenge.id}`);
    await access.audit(tx, 'change', 'peer_challenge', challenge.id, `added action ${id} on recommendation ${recommendationId}`);
  });
}

export async function recordEvidence(sql: Sql, access: RequestAccess, idText: unknown, actionText: unknown, body: Body): Promise<void> {
  const { challenge } = await forActions(sql, access, idText);
  const actionId = pathId(actionText, 'action');
  const evidence = text(body.evidence);
  const doneOn = text(body.doneOn);
  const problems = [];
  if (evidence === '' || evidence.length > 2000) problems.push({ field: 'evidence', message: `'evidence': say what shows it was done, in up to 2,000 characters` });
  if (!isIsoDay(doneOn)) problems.push({ field: 'doneOn', message: `'doneOn': give the day it was done as YYYY-MM-DD` });
  if (problems.length > 0) throw invalidInput(problems);
  await sql.begin(async (tx) => {
    if (!(await kept.recordEvidence(tx, Number(challenge.id), actionId, evidence, doneOn)))
      throw new HttpError(409, 'conflict', `'evidence': action ${actionId} of peer challenge ${challenge.id} is not open: it has its evidence already, or is not this challenge's`);
    await access.audit(tx, 'change', 'peer_challenge', challenge.id, `recorded evidence for action ${actionId}`);
  });
}

/** A published version, read by anyone; the one not-found answer for any other id. */
export async function readPublished(sql: Sql, access: RequestAccess, idText: unknown, publicationText: unknown): Promise<kept.Publication & { councilName: string }> {
  const id = pathId(idText, 'peer challenge');
  const publicationId = pathId(publicationText, 'publication');
  const found = await kept.readPublication(sql, id, publicationId);
  if (!found) throw notSeen(`publication ${publicationId} of peer challenge ${id}`);
  access.require('read', PUBLISHED, `publication ${publicationId} of peer challenge ${id}`);
  return { ...found, councilName: await kept.councilNameOf(sql, id) };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return items.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}
