// Agreements, each use-case once, called by the API, the pages and the
// command line alike: recorded by a council's performance officer with its
// plan years, areas and partners; changed while a draft or in refresh, from
// the latest reading only; signed off, which freezes the version as it
// stands; opened for the annual refresh, which starts the next version. Every
// change is written with its audit event in one transaction.
import type { UserViewer } from '../../../domain/access/index.ts';
import { parsePeriod, type Period } from '../../../domain/period/index.ts';
import { checkRewardRule } from '../../../domain/targets/index.ts';
import { createAgreement, freezeVersion, getAgreement, setAgreementStatus, updateAgreement, type Agreement, type AgreementDraft } from '../../../store/agreements.ts';
import { recordAgreementChanges } from '../../../store/agreement-changes.ts';
import { getArea } from '../../../store/catalogue.ts';
import { getOrganisation } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { targetsOf } from '../../../store/targets.ts';
import { findRevealed } from '../../platform/access/find-record.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { badRequest, HttpError } from '../../platform/http/http-error.ts';
import { checked, type z } from '../../platform/http/input-schema.ts';
import { agreementRecord, isSigned, refuseStale } from '../../platform/agreements/agreement-record.ts';
import { agreementBody, agreementChangeBody, signOffBody, type refreshChange } from './api-inputs.ts';

/** The agreement the path names, if the viewer may `action` it: otherwise not found (another council's draft is not confirmed), or 403. */
export async function findAgreement(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change'): Promise<Agreement> {
  return findRevealed(access, idText, 'agreement', action, (id) => getAgreement(sql, id), agreementRecord);
}

/** Records a draft agreement, held by the recording officer's council. */
export async function addAgreement(sql: Sql, access: RequestAccess, body: unknown): Promise<Agreement> {
  const user = signedIn(access);
  const given = checked(agreementBody, body);
  const draft = await checkAgreement(sql, given);
  access.require('change', agreementRecord({ status: 'draft', organisationId: user.organisationId, areas: draft.areas, partners: [] }), 'agreement');
  return sql.begin(async (tx) => {
    const made = await createAgreement(tx, draft, user.organisationId, access.actor.actor);
    if (given.status === 'negotiation') {
      await setAgreementStatus(tx, made.id, 'negotiation', 1, access.actor.actor);
    }
    await access.audit(tx, 'change', 'agreement', String(made.id), `recorded agreement '${draft.title}' (${draft.kind}, ${draft.firstYear} to ${draft.lastYear})`);
    return (await getAgreement(tx, made.id))!;
  });
}

/** Changes a draft, or an agreement in refresh; a signed-off agreement waits for its refresh. */
export async function changeAgreement(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<Agreement> {
  const agreement = await findAgreement(sql, access, idText, 'change');
  const given = checked(agreementChangeBody, body);
  refuseStale(`agreement ${agreement.id}`, given.revision, agreement);
  refuseSigned(agreement);
  const change = refreshReason(agreement, given.change);
  const draft = await checkAgreement(sql, given);
  const fields = changedFields(agreement, draft);
  return sql.begin(async (tx) => {
    await updateAgreement(tx, agreement.id, draft, access.actor.actor);
    if (change) {
      await recordAgreementChanges(
        tx,
        agreement.id,
        fields.map((f) => ({ version: agreement.version, ...f, ...change })),
        access.actor.actor,
      );
    }
    if (given.status && given.status !== agreement.status && !isSigned(agreement.status)) {
      await setAgreementStatus(tx, agreement.id, given.status, agreement.version, access.actor.actor);
    }
    await access.audit(tx, 'change', 'agreement', String(agreement.id), `changed agreement '${draft.title}'`);
    return (await getAgreement(tx, agreement.id))!;
  });
}

/** Signs off the agreement: its version, with every target as it stands, is frozen; from now what was signed is public. */
export async function signOff(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<Agreement> {
  const agreement = await findAgreement(sql, access, idText, 'change');
  refuseStale(`agreement ${agreement.id}`, checked(signOffBody, body).revision, agreement);
  if (agreement.status === 'signed_off' || agreement.status === 'closed') {
    throw new HttpError(409, 'conflict', `'status': agreement ${agreement.id} is already ${agreement.status.replace('_', ' ')} (version ${agreement.version})`);
  }
  const targets = await targetsOf(sql, agreement.id);
  if (targets.length === 0) throw badRequest(`'targets': agreement ${agreement.id} has no targets to sign off`);
  return sql.begin(async (tx) => {
    await freezeVersion(tx, agreement.id, agreement.version, access.actor.actor, { agreement: { ...agreement, status: 'signed_off' }, targets });
    await setAgreementStatus(tx, agreement.id, 'signed_off', agreement.version, access.actor.actor);
    await access.audit(tx, 'change', 'agreement', String(agreement.id), `signed off version ${agreement.version} with ${targets.length} targets`);
    return (await getAgreement(tx, agreement.id))!;
  });
}

/** Opens the annual refresh: the next version, whose changes each keep their reason, proposer and approver. */
export async function openRefresh(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<Agreement> {
  const agreement = await findAgreement(sql, access, idText, 'change');
  refuseStale(`agreement ${agreement.id}`, checked(signOffBody, body).revision, agreement);
  if (agreement.status !== 'signed_off') throw new HttpError(409, 'conflict', `'status': only a signed-off agreement is refreshed; agreement ${agreement.id} is ${agreement.status.replace('_', ' ')}`);
  return sql.begin(async (tx) => {
    await setAgreementStatus(tx, agreement.id, 'in_refresh', agreement.version + 1, access.actor.actor);
    await access.audit(tx, 'change', 'agreement', String(agreement.id), `opened the refresh to version ${agreement.version + 1}`);
    return (await getAgreement(tx, agreement.id))!;
  });
}

/** In a refresh a change needs its reason, proposer, approver and date; outside one there is nothing to log. */
export function refreshReason(agreement: Agreement, change: RefreshChange | undefined): RefreshChange | undefined {
  if (agreement.status !== 'in_refresh') return undefined;
  if (!change) throw badRequest(`'change' is required: agreement ${agreement.id} is in its refresh, and every change keeps its reason, proposer, approver and date`);
  return change;
}

type RefreshChange = z.output<typeof refreshChange>;

/** The agreement's own fields a change alters, old and new; partners are only ever added, so the new list is the old one and those named anew. */
function changedFields(agreement: Agreement, draft: AgreementDraft): { field: string; oldValue: unknown; newValue: unknown }[] {
  const known = new Set(agreement.partners.map((p) => p.name.toLowerCase()));
  const partners = agreement.partners.map((p) => p.name);
  const before: Record<string, unknown> = { ...ownFields(agreement), partners, rewardRule: agreement.rewardRule };
  const after: Record<string, unknown> = {
    ...ownFields(draft),
    partners: [...partners, ...draft.partners.filter((p) => !known.has(p.name.toLowerCase())).map((p) => p.name)],
    rewardRule: draft.rewardRule ?? agreement.rewardRule,
  };
  return Object.keys(before)
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, oldValue: before[field], newValue: after[field] }));
}

function ownFields(a: Pick<AgreementDraft, 'kind' | 'title' | 'firstYear' | 'lastYear' | 'areas' | 'designatedCap'>) {
  return { kind: a.kind, title: a.title, firstYear: a.firstYear, lastYear: a.lastYear, areas: [...a.areas], designatedCap: a.designatedCap };
}

/** Signed off or closed: nothing changes until a refresh is opened. */
export function refuseSigned(agreement: Agreement): void {
  if (agreement.status !== 'signed_off' && agreement.status !== 'closed') return;
  throw new HttpError(
    409,
    'signed_off',
    `'status': agreement ${agreement.id} is ${agreement.status === 'closed' ? 'closed' : 'signed off'} (version ${agreement.version}): targets change only in its annual refresh`,
  );
}

/** Agreements are recorded by someone: the public is asked to sign in. */
function signedIn(access: RequestAccess): UserViewer {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', 'Sign in to record an agreement.');
  return viewer;
}

async function checkAgreement(sql: Sql, given: z.output<typeof agreementBody>): Promise<AgreementDraft> {
  const first = planYear(given.firstYear, 'firstYear');
  const last = planYear(given.lastYear, 'lastYear');
  if (first.kind !== last.kind) throw badRequest(`'lastYear' ${last.label} must be the same kind of year as 'firstYear' (${first.label})`);
  if (last.end < first.start) throw badRequest(`'lastYear' ${last.label} must not come before 'firstYear' (${first.label})`);
  const areas = [...new Set(given.areas)].sort();
  for (const [i, code] of areas.entries()) {
    if (!(await getArea(sql, code))) throw badRequest(`'areas[${i}]': ${code} is not an area Lantern knows`);
  }
  const names = new Set<string>();
  for (const [i, p] of given.partners.entries()) {
    if (names.has(p.name.toLowerCase())) throw badRequest(`'partners[${i}].name': ${p.name} is named twice`);
    names.add(p.name.toLowerCase());
    if (p.organisation !== undefined && !(await getOrganisation(sql, p.organisation))) throw badRequest(`'partners[${i}].organisation': there is no organisation ${p.organisation}`);
  }
  const reward = given.rewardRule === undefined ? undefined : checkRewardRule(given.rewardRule, 'rewardRule');
  if (reward?.kind === 'invalid') throw invalidInput(reward.problems);
  return {
    kind: given.kind,
    title: given.title,
    firstYear: first.label,
    lastYear: last.label,
    planStart: first.start,
    planEnd: last.end,
    areas,
    designatedCap: given.designatedCap ?? 35,
    partners: given.partners.map((p) => ({ kind: p.kind, name: p.name, organisationId: p.organisation ?? null })),
    ...(reward ? { rewardRule: reward.rule } : {}),
  };
}

function planYear(text: string, field: string): Period {
  const parsed = parsePeriod(text);
  if (parsed.kind !== 'ok') throw badRequest(`'${field}': ${parsed.reason}`);
  if (parsed.period.kind !== 'financial_year' && parsed.period.kind !== 'calendar_year')
    throw badRequest(`'${field}' must be a financial or calendar year such as 2008/09, not ${parsed.period.label}`);
  return parsed.period;
}
