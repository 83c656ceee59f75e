// A council's efficiency savings: recorded by the council's performance
// officers (held by the council's organisation, the policy's 'saving'),
// moved on from estimated to claimed to evidenced by them, and verified by a
// named regional partner (the policy's stewards of savings). The domain's
// checkSaving refuses each bad field by name: a negative saving, a year that
// is not a financial year, "evidenced" without its evidence. Each change is
// audited in its transaction.
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';
import { checkSaving, SAVING_STATUSES, type Evidence, type Saving, type SavingStatus } from '../../../domain/savings/index.ts';
import { councilOrganisation, createSaving, getSaving, moveSaving, type StoredSaving } from '../../../store/savings.ts';
import type { Sql } from '../../../store/store.ts';
import { findRecord } from '../../platform/access/find-record.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { invalidInput, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';

type Body = Readonly<Record<string, unknown>>;

/** The policy's record of a saving: restricted to the council that holds it, read by the regional partnership. */
export function savingRecord(held: { readonly councilCode: string; readonly organisationId: number }): GuardedRecord {
  return guardedRecord('saving', 'restricted', { subjectArea: held.councilCode, subjectReads: true, ownerOrganisation: held.organisationId });
}

/** The saving the path names, if the viewer may `action` it: otherwise the one not-found answer, or 403 when readable but not theirs to change. */
export async function findSaving(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change'): Promise<StoredSaving> {
  return findRecord(access, idText, 'saving', action, (id) => getSaving(sql, id), savingRecord);
}

/** Records a saving of a council: the viewer's own unless `council` names another. A saving is recorded estimated, claimed or evidenced; only a regional partner verifies. */
export async function recordSaving(sql: Sql, access: RequestAccess, body: Body): Promise<StoredSaving> {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', 'Sign in to record savings.');
  const council = text(body.council) || viewer.councilArea || '';
  const saving = savingFrom(body, council);
  const problems: FieldProblem[] = checkSaving(saving);
  if (saving.description === '') problems.push({ field: 'description', message: "'description': say what the saving is" });
  else if (saving.description.length > 2000) problems.push({ field: 'description', message: "'description': at most 2,000 characters" });
  if (saving.status === 'verified') problems.push({ field: 'status', message: "'status': a saving is verified by a regional partner once it is evidenced, not when it is recorded" });
  const organisationId = council === '' ? undefined : await councilOrganisation(sql, council);
  if (council !== '' && organisationId === undefined && !problems.some((p) => p.field === 'councilCode'))
    problems.push({ field: 'council', message: `'council': no council organisation in Lantern stands for '${council}'` });
  if (problems.length > 0 || organisationId === undefined)
    throw invalidInput(problems.map((p) => (p.field === 'councilCode' ? { ...p, field: 'council', message: p.message.replace("'councilCode'", "'council'") } : p)));
  access.require('change', savingRecord({ councilCode: council, organisationId }), `savings of ${council}`);
  return sql.begin(async (tx) => {
    const id = await createSaving(tx, saving, organisationId, viewer.userId);
    await access.audit(tx, 'change', 'saving', String(id), `recorded a saving of £${saving.amount} in ${saving.year}, ${saving.status}`);
    return (await getSaving(tx, id))!;
  });
}

/**
 * Moves a saving on: its council to claimed or evidenced (with the evidence),
 * a regional partner to verified, named as the verifier. Never back; a
 * revision read before someone else moved it answers 409 naming the status
 * they left it at.
 */
export async function moveSavingOn(sql: Sql, access: RequestAccess, idText: unknown, body: Body): Promise<StoredSaving> {
  const found = await findSaving(sql, access, idText, 'change');
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', 'Sign in to move a saving on.');
  const status = text(body.status) as SavingStatus;
  if (!(SAVING_STATUSES as readonly string[]).includes(status)) throw invalidInput([{ field: 'status', message: `'status' must be one of ${SAVING_STATUSES.join(', ')}` }]);
  const from = SAVING_STATUSES.indexOf(found.status);
  if (SAVING_STATUSES.indexOf(status) <= from)
    throw invalidInput([{ field: 'status', message: `'status': saving ${found.id} is ${found.status} already; a saving moves on from estimated to claimed, evidenced and verified, never back` }]);
  const verifying = status === 'verified';
  if (verifying && viewer.role !== 'regional_partner') throw new HttpError(403, 'forbidden', 'only a regional partner verifies a saving', { missing: 'role', action: 'change', kind: 'saving' });
  if (!verifying && viewer.role === 'regional_partner')
    throw new HttpError(403, 'forbidden', 'the council moves its own saving on to claimed and evidenced; a regional partner verifies it', { missing: 'role', action: 'change', kind: 'saving' });
  const given = body.evidence === undefined || body.evidence === null ? null : evidenceFrom(body.evidence);
  const evidence = given ?? found.evidence;
  const moved: Saving = { ...found, status, evidence, verifiedBy: verifying ? access.actor.actor : null };
  const problems = checkSaving(moved);
  if (problems.length > 0) throw invalidInput(problems);
  const revision = body.revision === undefined || body.revision === null || body.revision === '' ? found.revision : Number(body.revision);
  return sql.begin(async (tx) => {
    const done = await moveSaving(tx, found.id, revision, { status, evidence, verifiedBy: verifying ? viewer.userId : null }, viewer.userId);
    if (!done) {
      const now = await getSaving(tx, found.id);
      throw new HttpError(409, 'conflict', `'revision': saving ${found.id} was moved on since you read it; it is ${now?.status ?? 'gone'} now (revision ${now?.revision ?? '?'})`);
    }
    await access.audit(tx, 'change', 'saving', String(found.id), `moved the saving from ${found.status} to ${status}`);
    return (await getSaving(tx, found.id))!;
  });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** A number as typed: '£12,500.50' is 12500.5; anything else is NaN, which the domain refuses by name. */
function amountOf(value: unknown): number {
  if (typeof value === 'number') return value;
  const typed = text(value).replace(/^£/, '').replaceAll(',', '');
  return typed === '' || !/^-?\d+(\.\d+)?$/.test(typed) ? Number.NaN : Number(typed);
}

function yesNo(value: unknown): boolean {
  return value === true || value === 'true' || value === 'yes';
}

function evidenceFrom(value: unknown): Evidence | null {
  const given = (value ?? {}) as Record<string, unknown>;
  if (given.kind === 'document') return { kind: 'document', reference: text(given.reference) };
  if (given.kind === 'observation') return { kind: 'observation', metricCode: text(given.metricCode), areaCode: text(given.areaCode), period: text(given.period) };
  return null;
}

/** The body as the domain's saving, every field as given so that the domain names what is wrong. */
export function savingFrom(body: Body, council: string): Saving {
  const lasts = text(body.lastsFullYears);
  return {
    councilCode: council,
    year: text(body.year),
    amount: amountOf(body.amount),
    cashReleasing: yesNo(body.cashReleasing),
    lastsFullYears: lasts === '' ? Number.NaN : Number(lasts),
    source: text(body.source) as Saving['source'],
    description: text(body.description),
    status: (text(body.status) || 'estimated') as SavingStatus,
    evidence: evidenceFrom(body.evidence),
    verifiedBy: null,
  };
}
