// Improvement cases, each use-case once: opened by a principal adviser on a
// flag, an evidenced item or the council's own request, at most one open a
// council (a second answers 409 naming the other); changed from the latest
// reading only (a stale revision answers 409 naming who changed it); closed
// improved only on evidence the store confirms; referred to the Panel, a
// region or a department as a share. Each checks, asks the policy, writes
// and audits in one transaction, for whoever acts (a page, the API, the
// console).
import { given, openedFrom, openingProblems, closingProblems, type ClosureEvidence } from '../../../domain/improvement/index.ts';
import { getArea } from '../../../store/catalogue.ts';
import { citeEvidence, closeCaseRow, createCase, flagsById, getCase, itemsById, openCaseOf, evidenceOf, updateCase, type ImprovementCase } from '../../../store/cases.ts';
import { isUniqueViolation } from '../../../store/organisations.ts';
import { packageEvidence } from '../../../store/support-packages.ts';
import type { Share } from '../../../store/shares.ts';
import type { Db, Sql } from '../../../store/store.ts';
import { getUser } from '../../../store/users.ts';
import { findRecord } from '../../platform/access/find-record.ts';
import { shareWith, stopSharing, type RequestAccess } from '../../platform/access/index.ts';
import { refuseStale } from '../../platform/agreements/agreement-record.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { badRequest, HttpError } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { caseChangeBody, caseBody, closeBody } from './api-inputs.ts';
import { caseRecord, itemRecord, newCaseRecord, sharedCase } from './case-record.ts';

/** The case the path names, if the viewer may do `action` to it; otherwise not found (or 403 when they read it). */
export async function findCase(sql: Db, access: RequestAccess, idText: unknown, action: 'read' | 'change' | 'share'): Promise<ImprovementCase> {
  return findRecord(access, idText, 'case', action, (id) => getCase(sql, id), caseRecord);
}

/** Opens the single conversation with a council. */
export async function openCase(sql: Sql, access: RequestAccess, body: unknown): Promise<ImprovementCase> {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', 'sign in to open an improvement case');
  const input = checked(caseBody, body);
  const area = await getArea(sql, input.area);
  if (!area) throw badRequest(`'area': there is no council ${input.area}`);
  access.require('change', newCaseRecord(area.code, viewer.organisationId, viewer.userId), 'case');
  const leadAdviserId = await leadAdviser(sql, viewer.organisationId, input.leadAdviser ?? viewer.userId);
  const cited = await checkCited(sql, access, area.code, input.flags ?? [], input.items ?? []);
  const basis = { ...cited.basis, councilRequest: input.councilRequest ?? null };
  const problems = openingProblems(basis);
  if (problems.length > 0) throw invalidInput(problems);
  await refuseSecondOpen(sql, area.code, area.name);
  try {
    return await sql.begin(async (tx) => {
      const id = await createCase(
        tx,
        {
          areaCode: area.code,
          strands: input.strands,
          openedFrom: openedFrom(basis),
          councilRequest: input.councilRequest ?? null,
          leadAdviserId,
          ownerOrganisationId: viewer.organisationId,
          liaisedWith: input.liaisedWith ?? [],
          summary: input.summary,
        },
        access.actor.actor,
      );
      await citeEvidence(tx, id, { flags: input.flags ?? [], items: input.items ?? [] }, access.actor.actor);
      await access.audit(tx, 'change', 'improvement_case', String(id), `opened a case about ${area.name} (${basis.flags} flags, ${basis.evidencedItems} items)`);
      return (await getCase(tx, id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) await refuseSecondOpen(sql, area.code, area.name);
    throw error;
  }
}

/** Changes the case's strands, summary, lead or liaison, or cites more evidence; from the latest reading only. */
export async function changeCase(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<ImprovementCase> {
  const found = await findCase(sql, access, idText, 'change');
  const { revision, flags, items, leadAdviser: lead, ...change } = checked(caseChangeBody, body);
  refuseStale(`case ${found.id}`, revision, found);
  refuseClosed(found);
  const leadAdviserId = lead === undefined ? undefined : await leadAdviser(sql, found.ownerOrganisationId, lead);
  await checkCited(sql, access, found.areaCode, flags ?? [], items ?? []);
  return sql.begin(async (tx) => {
    await updateCase(tx, found.id, { ...change, leadAdviserId }, access.actor.actor);
    await citeEvidence(tx, found.id, { flags: flags ?? [], items: items ?? [] }, access.actor.actor);
    const what = [...Object.keys(change), ...(lead ? ['lead adviser'] : []), ...(flags?.length ? ['flags cited'] : []), ...(items?.length ? ['items cited'] : [])];
    await access.audit(tx, 'change', 'improvement_case', String(found.id), what.length > 0 ? `changed ${what.join(', ')}` : 'saved unchanged');
    return (await getCase(tx, found.id))!;
  });
}

/** Closes the case improved, explained, escalated or withdrawn; "improved" only on evidence the store confirms. */
export async function closeCase(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<ImprovementCase> {
  const found = await findCase(sql, access, idText, 'change');
  const input = checked(closeBody, body);
  refuseStale(`case ${found.id}`, input.revision, found);
  refuseClosed(found);
  const evidence = input.evidence ?? [];
  const problems = closingProblems({ closure: input.closure, reason: input.reason, evidence });
  if (problems.length > 0) throw invalidInput(problems);
  await confirmEvidence(sql, found, evidence);
  return sql.begin(async (tx) => {
    const closing = { closure: input.closure as 'improved', reason: input.reason!.trim(), evidence, closedOn: input.closedOn ?? today(access) };
    await closeCaseRow(tx, found.id, closing, access.actor.actor);
    await access.audit(tx, 'change', 'improvement_case', String(found.id), `closed ${input.closure}: ${closing.reason}`);
    return (await getCase(tx, found.id))!;
  });
}

/** Refers the case to the Panel, a region or a department: a share, which the council sees. */
export async function referCase(sql: Sql, access: RequestAccess, idText: unknown, body: Record<string, unknown>): Promise<Share> {
  const found = await findCase(sql, access, idText, 'read');
  return shareWith(sql, access, sharedCase(found), body);
}

export async function stopReferral(sql: Sql, access: RequestAccess, idText: unknown, shareId: number, body: Record<string, unknown>): Promise<Share> {
  const found = await findCase(sql, access, idText, 'read');
  return stopSharing(sql, access, sharedCase(found), shareId, body);
}

/** A closed case changes no more; a new conversation is a new case. */
export function refuseClosed(c: ImprovementCase): void {
  if (c.closure === null) return;
  throw new HttpError(409, 'closed', `case ${c.id} was closed (${c.closure}) on ${c.closedOn}: open a new case for a new conversation`);
}

export function today(access: RequestAccess): string {
  return new Date(access.now).toISOString().slice(0, 10);
}

async function refuseSecondOpen(sql: Db, areaCode: string, areaName: string): Promise<void> {
  const open = await openCaseOf(sql, areaCode);
  if (!open) return;
  const link = `/cases/${open.id}`;
  throw new HttpError(
    409,
    'case_open',
    `'area': ${areaName} already has an open case, case ${open.id} (${link}), led by ${open.leadAdviserName}: a council has one conversation at a time; add to that case`,
    { problems: [{ field: 'area', message: `${areaName} already has an open case, case ${open.id} (${link})` }], case: { id: open.id, link } },
  );
}

/** The lead: a principal adviser of the organisation that holds the case. */
async function leadAdviser(sql: Db, organisationId: number, userId: number): Promise<number> {
  const user = await getUser(sql, userId);
  if (!user || user.disabled || user.role !== 'principal_adviser' || user.organisationId !== organisationId) {
    throw badRequest(`'leadAdviser': user ${userId} is not an active principal adviser of the organisation that holds the case`);
  }
  return user.id;
}

/** Flags and items cited: each about the council, each item one the viewer may read. */
async function checkCited(sql: Db, access: RequestAccess, areaCode: string, flagIds: readonly number[], itemIds: readonly number[]) {
  const flags = await flagsById(sql, flagIds);
  for (const id of flagIds) {
    if (!flags.some((f) => f.id === id && f.areaCode === areaCode)) throw badRequest(`'flags': there is no flag ${id} about ${areaCode}`);
  }
  const items = await itemsById(sql, itemIds);
  for (const id of itemIds) {
    const item = items.find((i) => i.id === id);
    if (!item || item.areaCode !== areaCode || !access.may('read', itemRecord(item))) throw badRequest(`'items': there is no intelligence item ${id} about ${areaCode} that you may see`);
  }
  const evidenced = items.filter((i) => i.evidenceCount > 0).length;
  return { basis: { flags: flags.length, evidencedItems: evidenced, unevidencedItems: items.length - evidenced } };
}

/** "Improved" rests on what the store says: the flag cleared is one the case cited, the package's milestones are all met (packageEvidence, the support store's one read for this). */
async function confirmEvidence(sql: Db, c: ImprovementCase, evidence: readonly ClosureEvidence[]): Promise<void> {
  const cited = await evidenceOf(sql, c.id);
  const packages = evidence.some((e) => e.kind === 'milestones_met') ? await packageEvidence(sql, c.id) : [];
  const met = packages.filter((p) => p.milestonesMet).map((p) => p.packageId);
  evidence.forEach((e, i) => {
    if (e.kind === 'flag_cleared') {
      const flag = cited.flags.find((f) => f.id === e.flagId);
      if (!flag) throw badRequest(`'evidence[${i}].flagId': case ${c.id} does not cite flag ${e.flagId}`);
      if (flag.clearedAt === null) throw badRequest(`'evidence[${i}].flagId': flag ${e.flagId} has not cleared`);
    } else if (e.kind === 'milestones_met' && !met.includes(e.packageId)) {
      throw badRequest(`'evidence[${i}].packageId': support package ${e.packageId} of case ${c.id} does not have every milestone met`);
    } else if (e.kind === 'significant_improvement' && !given(e.note)) {
      throw badRequest(`'evidence[${i}].note': say what the improvement is`);
    }
  });
}
