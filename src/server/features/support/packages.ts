// Support packages, each use-case once, called by the API and the pages
// alike: agreed by the sector body's advisers when the case's outcome is "a
// bigger degree of support is needed" (004, appendix 1); changed from the
// latest reading only (a stale revision answers 409 naming who changed it);
// a milestone marked met. Each checks its input, asks the policy about the
// package as its case, and writes the change with its audit event in one
// transaction. The council it is about reads it, with the Panel's decisions
// about it taken in public; decisions taken in private only those who may
// read them.
import { checkPackage, type PackageDraft } from '../../../domain/support/index.ts';
import { getMetric } from '../../../store/catalogue.ts';
import { decisionsAboutCase, type PanelDecision } from '../../../store/panel.ts';
import type { Sql } from '../../../store/store.ts';
import { caseHeld, createPackage, getPackage, packagesOf, setMilestoneMet, updatePackage, type CaseHeld, type SupportPackage } from '../../../store/support-packages.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { refuseStale } from '../../platform/agreements/agreement-record.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { checked, type z } from '../../platform/http/input-schema.ts';
import { pathId } from '../../platform/http/request-body.ts';
import { milestoneBody, packageBody, packageChangeBody } from './api-inputs.ts';
import { packageRecord, privateItemRecord } from './support-records.ts';

export interface PackageRead {
  readonly held: CaseHeld;
  /** The case's latest package; null before one is agreed. */
  readonly package: SupportPackage | null;
  readonly decisions: readonly (PanelDecision & { heldOn: string; confidential: boolean })[];
  readonly mayChange: boolean;
}

/** The case the path names, if the viewer may `action` its package: otherwise not found, or 403 for one they read but may not change. */
export async function findCase(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change'): Promise<CaseHeld> {
  const id = pathId(idText, 'case');
  const held = await caseHeld(sql, id);
  if (!held) throw notSeen(`improvement case ${id}`);
  access.require(action, packageRecord(held), `improvement case ${id}`);
  return held;
}

/** The case's package as the viewer may read it, the read audited; the Panel's private decisions only for those who may read them. */
export async function readPackage(sql: Sql, access: RequestAccess, idText: unknown): Promise<PackageRead> {
  const held = await findCase(sql, access, idText, 'read');
  const [latest] = await packagesOf(sql, held.caseId);
  await access.reveal([held], packageRecord, () => String(latest?.id ?? `case:${held.caseId}`), `support package of case ${held.caseId}`);
  const all = await decisionsAboutCase(sql, held.caseId);
  const shown = all.filter((d) => !d.confidential);
  const secret = await access.reveal(
    all.filter((d) => d.confidential),
    (d) => privateItemRecord(d, held),
    (d) => String(d.meetingId),
    `a decision taken in private about case ${held.caseId}`,
  );
  const decisions = [...shown, ...secret].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id);
  return { held, package: latest ?? null, decisions, mayChange: access.may('change', packageRecord(held)) };
}

/** Agrees a package: only for an open case whose outcome is a support package, and only one active at a time. */
export async function agreePackage(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<SupportPackage> {
  const held = await findCase(sql, access, idText, 'change');
  const given = checked(packageBody, body);
  if (held.closure !== null) throw new HttpError(409, 'conflict', `'case': improvement case ${held.caseId} is closed (${held.closure})`);
  if (held.outcome !== 'support_package') {
    throw new HttpError(
      409,
      'conflict',
      `'outcome': a package is agreed when the case's outcome is a support package; case ${held.caseId}'s is ${held.outcome?.replaceAll('_', ' ') ?? 'not yet agreed'}`,
    );
  }
  const active = (await packagesOf(sql, held.caseId)).find((p) => p.status === 'active');
  if (active) throw new HttpError(409, 'conflict', `'case': improvement case ${held.caseId} already has an active support package, ${active.id}, agreed on ${active.agreedOn}`);
  const draft = await draftOf(sql, given);
  return sql.begin(async (tx) => {
    const id = await createPackage(tx, held.caseId, draft, access.actor.actor);
    await access.audit(tx, 'change', 'support_package', String(id), `agreed a support package for case ${held.caseId}: ${draft.milestones.length} milestones, ${draft.metrics.length} metrics`);
    return (await getPackage(tx, id))!;
  });
}

/** Changes the case's latest package from the reading given; milestones are added or changed, never removed. */
export async function changePackage(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<SupportPackage> {
  const held = await findCase(sql, access, idText, 'change');
  const current = await latestOf(sql, held);
  const { revision, status, ...given } = checked(packageChangeBody, body);
  refuseStale(`support package ${current.id}`, revision, current);
  const known = new Set(current.milestones.map((m) => m.id));
  const unknown = given.milestones.findIndex((m) => m.id !== undefined && !known.has(m.id));
  if (unknown >= 0) throw invalidInput([{ field: `milestones[${unknown}].id`, message: `'milestones': package ${current.id} has no milestone ${given.milestones[unknown]!.id}` }]);
  const kept = current.milestones.filter((m) => !given.milestones.some((g) => g.id === m.id)).map((m) => ({ ...m, owner: m.ownerName, ownerUser: m.ownerUserId ?? undefined }));
  const draft = await draftOf(sql, { ...given, milestones: [...kept, ...given.milestones] });
  return sql.begin(async (tx) => {
    await updatePackage(tx, current.id, { ...draft, status: status ?? current.status, milestones: draft.milestones }, access.actor.actor);
    await access.audit(tx, 'change', 'support_package', String(current.id), `changed the support package of case ${held.caseId}`);
    return (await getPackage(tx, current.id))!;
  });
}

/** Marks a milestone met on a day, or not met (null), from the package's latest reading. */
export async function meetMilestone(sql: Sql, access: RequestAccess, idText: unknown, milestoneIdText: unknown, body: unknown): Promise<SupportPackage> {
  const held = await findCase(sql, access, idText, 'change');
  const current = await latestOf(sql, held);
  const milestoneId = pathId(milestoneIdText, 'milestone');
  const milestone = current.milestones.find((m) => m.id === milestoneId);
  if (!milestone) throw notSeen(`milestone ${milestoneId} of case ${held.caseId}`);
  const given = checked(milestoneBody, body);
  refuseStale(`support package ${current.id}`, given.revision, current);
  return sql.begin(async (tx) => {
    await setMilestoneMet(tx, current.id, milestone.id, given.metOn, access.actor.actor);
    await access.audit(tx, 'change', 'support_package', String(current.id), given.metOn ? `milestone '${milestone.title}' met on ${given.metOn}` : `milestone '${milestone.title}' marked not met`);
    return (await getPackage(tx, current.id))!;
  });
}

async function latestOf(sql: Sql, held: CaseHeld): Promise<SupportPackage> {
  const [latest] = await packagesOf(sql, held.caseId);
  if (!latest) throw notSeen(`support package of improvement case ${held.caseId}`);
  return latest;
}

type Given = Omit<z.output<typeof packageBody>, 'milestones'> & { milestones: (z.output<typeof packageBody>['milestones'][number] & { id?: number })[] };

/** The body as the domain checks it, each metric known to the hub; every problem said at once, each naming its field. */
async function draftOf(sql: Sql, given: Given): Promise<PackageDraft & { milestones: (PackageDraft['milestones'][number] & { id?: number })[] }> {
  const draft = {
    objectives: given.objectives,
    providers: given.providers,
    milestones: given.milestones.map((m) => ({ ...(m.id === undefined ? {} : { id: m.id }), title: m.title, ownerName: m.owner, ownerUserId: m.ownerUser ?? null, dueOn: m.dueOn })),
    metrics: given.metrics.map((m) => ({ metricCode: m.metric, baselinePeriod: m.baselinePeriod, baselineValue: m.baselineValue, direction: m.direction, byPeriod: m.byPeriod })),
    agreedOn: given.agreedOn,
  };
  const problems = checkPackage(draft);
  for (const [i, m] of draft.metrics.entries()) {
    if (!(await getMetric(sql, m.metricCode))) problems.push({ field: `metrics[${i}].metric`, message: `'metrics': there is no metric ${m.metricCode} in the hub` });
  }
  if (problems.length > 0) throw invalidInput(problems);
  return draft;
}
