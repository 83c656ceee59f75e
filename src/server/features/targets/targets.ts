// Targets, each use-case once: added to an agreement in draft, or in its
// refresh with the change's reason, proposer and approver; changed from the
// latest reading only. A signed-off agreement's targets wait for its refresh;
// a duplicate (the same reference, or the same metric for the same areas) is
// refused; designated targets stop at the agreement's cap. Every change is
// written with its audit event, and in a refresh with its old and new values.
import type { Agreement } from '../../../store/agreements.ts';
import { touchAgreement } from '../../../store/agreements.ts';
import { recordAudit } from '../../../store/audit.ts';
import type { Db, Sql } from '../../../store/store.ts';
import { createTargets, getTarget, recordChanges, targetsOf, updateTarget, type StoredTarget, type TargetChange, type TargetDraft } from '../../../store/targets.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { badRequest, HttpError } from '../../platform/http/http-error.ts';
import { checked, type z } from '../../platform/http/input-schema.ts';
import { pathId } from '../../platform/http/request-body.ts';
import { refuseStale } from '../../platform/agreements/agreement-record.ts';
import { findAgreement, refreshReason, refuseSigned } from './agreements.ts';
import { newTargetBody, targetChangeBody, type refreshChange } from './api-inputs.ts';
import { checkTarget, type TargetInput } from './target-checks.ts';

/** Where the target-import reads it: the rule is the agreement's, kept once. */
export { refreshReason };

type Change = z.output<typeof refreshChange>;

/** Adds a target to an agreement the viewer may change. */
export async function addTarget(sql: Sql, access: RequestAccess, agreementIdText: unknown, body: unknown): Promise<StoredTarget> {
  const agreement = await findAgreement(sql, access, agreementIdText, 'change');
  refuseSigned(agreement);
  const given = checked(newTargetBody, body);
  const change = refreshReason(agreement, given.change);
  const draft = await checkTarget(sql, agreement, given);
  refuseDuplicate(agreement, await targetsOf(sql, agreement.id), [draft]);
  return sql.begin(async (tx) => {
    const [id] = await writeNew(tx, access, agreement, [draft], change);
    return (await getTarget(tx, id!))!;
  });
}

/** Writes new targets of one agreement, each audited (in one statement, for an import), and in a refresh logged as added. */
export async function writeNew(tx: Db, access: RequestAccess, agreement: Agreement, drafts: readonly TargetDraft[], change: Change | undefined): Promise<number[]> {
  const ids = await writeTargets(tx, access, agreement, drafts, change);
  await touchAgreement(tx, agreement.id, access.actor.actor);
  return ids;
}

/** writeNew without touching the agreement: an import writes its targets in parts and touches the agreement once. */
export async function writeTargets(tx: Db, access: RequestAccess, agreement: Agreement, drafts: readonly TargetDraft[], change: Change | undefined): Promise<number[]> {
  const ids = await createTargets(tx, agreement.id, drafts, access.actor.actor);
  if (change) {
    await recordChanges(
      tx,
      ids.map((targetId, i) => logged(targetId, agreement, 'target', null, drafts[i]!.reference, change)),
      access.actor.actor,
    );
  }
  await recordAudit(
    tx,
    ids.map((id, i) => access.entry('change', 'target', String(id), `added target ${drafts[i]!.reference} (${drafts[i]!.metricCode}) to agreement ${agreement.id}`)),
  );
  return ids;
}

/** Changes a target: fields not given stay as they are; a straight line is drawn again from the new baseline and target. */
export async function changeTarget(sql: Sql, access: RequestAccess, agreementIdText: unknown, targetIdText: unknown, body: unknown): Promise<StoredTarget> {
  const agreement = await findAgreement(sql, access, agreementIdText, 'change');
  const target = await targetOf(sql, agreement, targetIdText);
  const { revision, change: changeGiven, ...given } = checked(targetChangeBody, body);
  refuseStale(`target ${target.reference}`, revision, target);
  refuseSigned(agreement);
  const change = refreshReason(agreement, changeGiven);
  const stored = inputOf(target, agreement);
  const redraw = given.trajectory === undefined && (given.trajectoryShape ?? target.trajectoryShape) === 'straight';
  const draft = await checkTarget(sql, agreement, { ...stored, ...given, trajectory: redraw ? undefined : (given.trajectory ?? stored.trajectory) });
  const others = (await targetsOf(sql, agreement.id)).filter((t) => t.id !== target.id);
  refuseDuplicate(agreement, others, [draft]);
  const fields = changedFields(target, draft);
  return sql.begin(async (tx) => {
    await updateTarget(tx, target.id, draft, access.actor.actor);
    await touchAgreement(tx, agreement.id, access.actor.actor);
    if (change) {
      await recordChanges(
        tx,
        fields.map((f) => logged(target.id, agreement, f, target[f], draft[f], change)),
        access.actor.actor,
      );
    }
    await access.audit(tx, 'change', 'target', String(target.id), fields.length > 0 ? `changed ${fields.join(', ')}` : 'saved unchanged');
    return (await getTarget(tx, target.id))!;
  });
}

/** The agreement's target the path names; another agreement's target is not found here. */
export async function targetOf(sql: Db, agreement: Agreement, idText: unknown): Promise<StoredTarget> {
  const id = pathId(idText, 'target');
  const target = await getTarget(sql, id);
  if (!target || target.agreementId !== agreement.id) throw notSeen(`target ${id} of agreement ${agreement.id}`);
  return target;
}

/** Refuses targets that repeat a reference or a metric for the same areas, or pass the designated cap. */
export function refuseDuplicate(agreement: Agreement, existing: readonly Pick<TargetDraft, 'reference' | 'metricCode' | 'areas' | 'kind'>[], drafts: readonly TargetDraft[]): void {
  const seen = targetLines(agreement, existing);
  for (const draft of drafts) seen.add(draft);
}

type Line = Pick<TargetDraft, 'reference' | 'metricCode' | 'areas' | 'kind'>;

/**
 * The targets of an agreement as keys, to which each new target is added in
 * turn: `add` refuses a repeated reference, a metric already set for the same
 * areas, or a designated target past the cap. Lookups are by key, so an
 * import of thousands checks each line at once.
 */
export function targetLines(agreement: Agreement, existing: readonly Line[]): { add(draft: Line): void } {
  const references = new Map<string, string>();
  const lines = new Map<string, string>();
  let designated = 0;
  const add = (t: Line, check: boolean) => {
    const reference = t.reference.toLowerCase();
    const line = `${t.metricCode}|${t.areas.join()}`;
    if (check) {
      const same = references.get(reference);
      if (same !== undefined) throw new HttpError(409, 'duplicate', `'reference': agreement ${agreement.id} already has a target ${same}`);
      const twin = lines.get(line);
      if (twin !== undefined) throw new HttpError(409, 'duplicate', `'metric': target ${twin} already sets ${t.metricCode} for ${t.areas.join(', ')}`);
      if (t.kind === 'designated' && designated + 1 > agreement.designatedCap) {
        throw badRequest(`'kind': agreement ${agreement.id} allows ${agreement.designatedCap} designated targets, and has them all`);
      }
    }
    references.set(reference, t.reference);
    lines.set(line, t.reference);
    if (t.kind === 'designated') designated++;
  };
  for (const t of existing) add(t, false);
  return { add: (draft) => add(draft, true) };
}

/** A target's plan: the fields a draft and a targets file's columns name alike. */
export const PLAN_FIELDS = ['areas', 'kind', 'indicatorRole', 'baselinePeriod', 'baselineValue', 'targetPeriod', 'targetValue', 'trajectoryShape', 'trajectory'] as const;

const FIELDS = [
  'reference',
  'metricCode',
  ...PLAN_FIELDS,
  'leadPartnerId',
  'contributingPartnerIds',
  'toleranceRule',
  'placeholderDue',
  'worseReason',
  'replacesTargetId',
] as const satisfies readonly (keyof TargetDraft)[];

function changedFields(target: StoredTarget, draft: TargetDraft): (typeof FIELDS)[number][] {
  return FIELDS.filter((f) => canonical(target[f]) !== canonical(draft[f]));
}

/** JSON with object keys in order: jsonb reads back a rule's keys in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function logged(targetId: number, agreement: Agreement, field: string, oldValue: unknown, newValue: unknown, change: Change): TargetChange {
  return { targetId, version: agreement.version, field, oldValue, newValue, ...change };
}

/** A stored target as it would be given, so that a change names only what it changes. */
function inputOf(target: StoredTarget, agreement: Agreement): TargetInput {
  const name = (id: number) => agreement.partners.find((p) => p.id === id)?.name ?? String(id);
  return {
    reference: target.reference,
    metric: target.metricCode,
    areas: [...target.areas],
    kind: target.kind,
    indicatorRole: target.indicatorRole,
    baseline: target.baselinePeriod === null || target.baselineValue === null ? null : { period: target.baselinePeriod, value: target.baselineValue },
    targetPeriod: target.targetPeriod,
    targetValue: target.targetValue,
    trajectoryShape: target.trajectoryShape,
    trajectory: target.trajectory.map((p) => ({ ...p })),
    leadPartner: name(target.leadPartnerId),
    contributingPartners: target.contributingPartnerIds.map(name),
    toleranceRule: target.toleranceRule,
    placeholderDue: target.placeholderDue,
    worseThanBaselineReason: target.worseReason,
    replacesTarget: target.replacesTargetId,
  };
}
