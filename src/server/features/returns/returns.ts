// A council's returns: the local metrics it defines and its commitments to
// send a metric (its own or the library's) at a frequency under a due rule.
// Only the council's performance officers make them (the policy's
// 'council_return', held by the council's organisation); each change is
// audited in its transaction. A return is restricted to its council until
// released; the organisations its release rule names read it through shares.
import type { UserViewer } from '../../../domain/access/index.ts';
import { parsePeriod, type Period } from '../../../domain/period/index.ts';
import { checkDueRule, checkLocalMetric, isReturnPeriodKind, type ReturnPeriodKind, type ReturnProblem } from '../../../domain/returns/index.ts';
import { createLocalMetric, createReturn, getReturn, localMetricsOf, returnMetric, returnShares, type CouncilReturn, type ReturnMetric } from '../../../store/returns.ts';
import type { Sql } from '../../../store/store.ts';
import { councilReturnRecord } from '../../platform/access/held-records.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { pathId } from '../../platform/http/request-body.ts';

/** The policy's record of a return, with the organisations it is shared with now. */
export function returnRecord(found: Pick<CouncilReturn, 'areaCode' | 'organisationId'>, sharedWith: readonly number[] = []) {
  return councilReturnRecord({ areaCode: found.areaCode, ownerOrganisationId: found.organisationId, sharedWithOrganisations: sharedWith });
}

/** The return the path names, if the viewer may `action` it: otherwise the one not-found answer, or 403 when readable but not theirs to change. */
export async function findReturn(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change'): Promise<CouncilReturn> {
  const id = pathId(idText, 'return');
  const found = await getReturn(sql, id);
  if (!found) throw notSeen(`return ${id}`);
  const shares = await returnShares(sql, [id]);
  access.require(action, returnRecord(found, shares.get(id)), `return ${id}`);
  return found;
}

/** Defines a local metric of the viewer's council. */
export async function defineLocalMetric(sql: Sql, access: RequestAccess, body: Readonly<Record<string, unknown>>): Promise<ReturnMetric> {
  const officer = councilOfficer(access, 'define local metrics');
  const checked = checkLocalMetric(officer.councilArea, body);
  if (checked.kind === 'refused') throw refused(checked.problems);
  return sql.begin(async (tx) => {
    const id = await createLocalMetric(tx, checked.metric, officer.councilArea, officer.userId);
    if (id === undefined) throw new HttpError(409, 'conflict', `'title': your council already has a local metric titled '${checked.metric.title}' (${checked.metric.code})`);
    await access.audit(tx, 'change', 'metric', checked.metric.code, `defined local metric '${checked.metric.title}'`);
    return (await returnMetric(tx, checked.metric.code))!;
  });
}

/** Commits the viewer's council to send a metric at a frequency, from a first period, under a due rule (20 working days when none is given). */
export async function addReturn(sql: Sql, access: RequestAccess, body: Readonly<Record<string, unknown>>): Promise<CouncilReturn> {
  const officer = councilOfficer(access, 'add returns');
  const problems: ReturnProblem[] = [];
  const metric = typeof body.metric === 'string' && body.metric.trim() !== '' ? await returnMetric(sql, body.metric.trim()) : undefined;
  if (!metric)
    problems.push({ field: 'metric', message: typeof body.metric === 'string' && body.metric.trim() !== '' ? `'metric': there is no metric '${body.metric.trim()}'` : `'metric' is required` });
  else if (!returnable(metric, officer.councilArea)) problems.push({ field: 'metric', message: `'metric': ${metric.code} is not a metric your council may return` });
  const periodKind = frequencyOf(body.periodKind, metric, problems);
  const firstPeriod = periodOf(body.firstPeriod, 'firstPeriod', periodKind, problems, true);
  const lastPeriod = periodOf(body.lastPeriod, 'lastPeriod', periodKind, problems, false);
  if (firstPeriod && lastPeriod && lastPeriod.end < firstPeriod.end)
    problems.push({ field: 'lastPeriod', message: `'lastPeriod' ${lastPeriod.label} comes before the first period, ${firstPeriod.label}` });
  const dueRule = checkDueRule(body.dueRule);
  if (dueRule.kind === 'refused') problems.push(...dueRule.problems);
  if (problems.length > 0 || !metric || !periodKind || !firstPeriod || dueRule.kind !== 'ok') throw refused(problems);
  const holding = { areaCode: officer.councilArea, organisationId: officer.organisationId };
  access.require('change', returnRecord(holding), 'return');
  return sql.begin(async (tx) => {
    const draft = { ...holding, metricCode: metric.code, periodKind, firstPeriod, lastPeriod: lastPeriod ?? null, dueRule: dueRule.rule };
    const id = await createReturn(tx, draft, officer.userId);
    if (id === undefined) throw new HttpError(409, 'conflict', `'metric': your council already returns ${metric.code} by ${periodKind.replace('_', ' ')}`);
    await access.audit(tx, 'change', 'council_return', String(id), `added return of ${metric.code} by ${periodKind}`);
    return (await getReturn(tx, id))!;
  });
}

/** A council's performance officer: others are told who may. */
export function councilOfficer(access: RequestAccess, doing: string): UserViewer & { readonly councilArea: string } {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', `Sign in to ${doing}.`);
  if (viewer.councilArea === null || viewer.role !== 'performance_officer')
    throw new HttpError(403, 'forbidden', `only a council's performance officers ${doing}`, { missing: 'role', action: 'change', kind: 'council_return' });
  return viewer as UserViewer & { readonly councilArea: string };
}

/** The library's published and early-sight metrics, and the council's own local ones; never another council's, nor survey results. */
function returnable(metric: ReturnMetric, councilArea: string): boolean {
  if (metric.status === 'local') return metric.ownerArea === councilArea;
  return metric.status === 'published' || metric.status === 'early_sight';
}

/** A local metric is returned at its own period kind; a library metric at any return frequency, its own by default where it is one. */
function frequencyOf(given: unknown, metric: ReturnMetric | undefined, problems: ReturnProblem[]): ReturnPeriodKind | undefined {
  const own = metric && isReturnPeriodKind(metric.periodKind) ? metric.periodKind : undefined;
  if (given === undefined || given === null || given === '') {
    if (own || !metric) return own;
    problems.push({ field: 'periodKind', message: `'periodKind' is required: quarter, month or financial_year` });
    return undefined;
  }
  if (!isReturnPeriodKind(given)) {
    problems.push({ field: 'periodKind', message: `'periodKind' must be quarter, month or financial_year` });
    return undefined;
  }
  if (metric?.status === 'local' && given !== metric.periodKind) {
    problems.push({ field: 'periodKind', message: `'periodKind': ${metric.code} is defined by ${metric.periodKind.replace('_', ' ')}` });
    return undefined;
  }
  return given;
}

function periodOf(given: unknown, field: string, kind: ReturnPeriodKind | undefined, problems: ReturnProblem[], required: boolean): Period | undefined {
  if (given === undefined || given === null || given === '') {
    if (required) problems.push({ field, message: `'${field}' is required` });
    return undefined;
  }
  const parsed = typeof given === 'string' ? parsePeriod(given) : undefined;
  if (!parsed || parsed.kind === 'invalid') {
    problems.push({ field, message: `'${field}' is not a period${parsed?.kind === 'invalid' ? `: ${parsed.reason}` : ''}` });
    return undefined;
  }
  if (kind && parsed.period.kind !== kind) {
    problems.push({ field, message: `'${field}' ${parsed.period.label} is not a ${kind.replace('_', ' ')}` });
    return undefined;
  }
  return parsed.period;
}

/** A refusal of checked input: 400, each problem naming its field (and line, for a file). */
export function refused(problems: readonly ReturnProblem[]): HttpError {
  return invalidInput(problems);
}

/** The local metrics of the viewer's council: none for those who belong to no council. */
export async function localMetrics(sql: Sql, access: RequestAccess): Promise<ReturnMetric[]> {
  const viewer = access.viewer;
  return viewer.kind === 'user' && viewer.councilArea !== null ? localMetricsOf(sql, viewer.councilArea) : [];
}
