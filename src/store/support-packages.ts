// Support packages as kept: a package of a case with its objectives and
// providers, its milestones (each with an owner and a due date, met on a day)
// and the metrics it should move. What the access policy needs comes with
// each package: the case's council, holder, lead adviser and current shares,
// since a package is guarded as its case. `packageEvidence` is the one read
// the closing of a case as improved asks for; its shape stays as it is.
import type { MilestoneDraft, PackageDraft, PackageMetricDraft, Provider } from '../domain/support/index.ts';
import type { Db } from './store.ts';

/** The case a package belongs to, as the policy and the pages read it. */
export interface CaseHeld {
  readonly caseId: number;
  readonly areaCode: string;
  readonly areaName: string;
  readonly stage: string;
  readonly summary: string;
  readonly closure: string | null;
  readonly leadAdviserId: number;
  readonly leadAdviserName: string;
  readonly ownerOrganisationId: number;
  /** The case's latest outcome: a package is agreed only when it is 'support_package'. */
  readonly outcome: string | null;
  readonly sharedWithOrganisations: readonly number[];
  readonly sharedWithUsers: readonly number[];
}

export interface Milestone extends MilestoneDraft {
  readonly id: number;
  readonly metOn: string | null;
}

export interface PackageMetric extends PackageMetricDraft {
  readonly id: number;
}

export type PackageStatus = 'active' | 'completed' | 'withdrawn';

export interface SupportPackage {
  readonly id: number;
  readonly caseId: number;
  readonly objectives: readonly string[];
  readonly providers: readonly Provider[];
  readonly agreedOn: string;
  readonly status: PackageStatus;
  readonly revision: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
  readonly milestones: readonly Milestone[];
  readonly metrics: readonly PackageMetric[];
}

const SHARED = (column: string) => `coalesce((select array_agg(s.${column} order by s.${column}) from share s
    where s.record_kind = 'improvement_case' and s.record_id = c.id::text and s.revoked_at is null and s.${column} is not null), '{}')`;
const CASE_SELECT = `c.id as "caseId", c.area_code as "areaCode", a.name as "areaName", c.stage, c.summary, c.closure,
  c.lead_adviser_id as "leadAdviserId", u.name as "leadAdviserName", c.owner_organisation_id as "ownerOrganisationId",
  (select o.outcome from case_outcome o where o.case_id = c.id order by o.id desc limit 1) as outcome,
  ${SHARED('with_organisation_id')} as "sharedWithOrganisations", ${SHARED('with_user_id')} as "sharedWithUsers"`;
const CASE_FROM = `improvement_case c join area a on a.code = c.area_code join user_account u on u.id = c.lead_adviser_id`;

export async function caseHeld(sql: Db, caseId: number): Promise<CaseHeld | undefined> {
  const [row] = await sql<CaseHeld[]>`select ${sql.unsafe(CASE_SELECT)} from ${sql.unsafe(CASE_FROM)} where c.id = ${caseId}`;
  return row;
}

export function casesHeld(sql: Db, caseIds: readonly number[]): Promise<CaseHeld[]> {
  return sql<CaseHeld[]>`select ${sql.unsafe(CASE_SELECT)} from ${sql.unsafe(CASE_FROM)} where c.id = any(${caseIds as number[]}) order by a.name`;
}

const PACKAGE_SELECT = `p.id, p.case_id as "caseId", p.objectives, p.providers, to_char(p.agreed_on, 'YYYY-MM-DD') as "agreedOn", p.status,
  p.revision, p.updated_by as "updatedBy", p.updated_at as "updatedAt",
  coalesce((select json_agg(json_build_object('id', m.id, 'title', m.title, 'ownerName', m.owner_name, 'ownerUserId', m.owner_user_id,
      'dueOn', to_char(m.due_on, 'YYYY-MM-DD'), 'metOn', to_char(m.met_on, 'YYYY-MM-DD')) order by m.due_on, m.id)
    from package_milestone m where m.package_id = p.id), '[]') as milestones,
  coalesce((select json_agg(json_build_object('id', k.id, 'metricCode', k.metric_code, 'baselinePeriod', k.baseline_period,
      'baselineValue', k.baseline_value, 'direction', k.direction, 'byPeriod', k.by_period) order by k.id)
    from package_metric k where k.package_id = p.id), '[]') as metrics`;

export async function getPackage(sql: Db, id: number): Promise<SupportPackage | undefined> {
  const [row] = await sql<SupportPackage[]>`select ${sql.unsafe(PACKAGE_SELECT)} from support_package p where p.id = ${id}`;
  return row;
}

/** The case's packages, the latest agreed first. */
export function packagesOf(sql: Db, caseId: number): Promise<SupportPackage[]> {
  return sql<SupportPackage[]>`select ${sql.unsafe(PACKAGE_SELECT)} from support_package p where p.case_id = ${caseId} order by p.id desc`;
}

/** Every active package, for the Panel's agenda and pack. */
export function activePackages(sql: Db): Promise<SupportPackage[]> {
  return sql<SupportPackage[]>`select ${sql.unsafe(PACKAGE_SELECT)} from support_package p where p.status = 'active' order by p.agreed_on, p.id`;
}

export async function createPackage(sql: Db, caseId: number, draft: PackageDraft, by: string): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into support_package (case_id, objectives, providers, agreed_on, created_by, updated_by)
    values (${caseId}, ${sql.json(draft.objectives as never)}, ${sql.json(draft.providers as never)}, ${draft.agreedOn}, ${by}, ${by})
    returning id`;
  const id = row!.id;
  await addMilestones(sql, id, draft.milestones);
  await replaceMetrics(sql, id, draft.metrics);
  return id;
}

/** A package as changed: milestones given with their id are changed, those without added. */
export type PackageChange = Omit<PackageDraft, 'milestones'> & { readonly status: PackageStatus; readonly milestones: readonly (MilestoneDraft & { readonly id?: number })[] };

/**
 * Changes a package: objectives, providers and metrics as given; milestones
 * given with their id changed, new ones added. A milestone is never removed:
 * what was agreed, and whether it was met, stays for the Panel to read.
 */
export async function updatePackage(sql: Db, id: number, draft: PackageChange, by: string): Promise<void> {
  await sql`
    update support_package set objectives = ${sql.json(draft.objectives as never)}, providers = ${sql.json(draft.providers as never)},
      agreed_on = ${draft.agreedOn}, status = ${draft.status}, revision = revision + 1, updated_by = ${by}, updated_at = now()
    where id = ${id}`;
  for (const m of draft.milestones.filter((m) => m.id !== undefined)) {
    await sql`update package_milestone set title = ${m.title}, owner_name = ${m.ownerName}, owner_user_id = ${m.ownerUserId}, due_on = ${m.dueOn}
      where id = ${m.id!} and package_id = ${id}`;
  }
  await addMilestones(
    sql,
    id,
    draft.milestones.filter((m) => m.id === undefined),
  );
  await replaceMetrics(sql, id, draft.metrics);
}

async function addMilestones(sql: Db, packageId: number, milestones: readonly MilestoneDraft[]): Promise<void> {
  if (milestones.length === 0) return;
  await sql`insert into package_milestone ${sql(milestones.map((m) => ({ package_id: packageId, title: m.title, owner_name: m.ownerName, owner_user_id: m.ownerUserId, due_on: m.dueOn })))}`;
}

async function replaceMetrics(sql: Db, packageId: number, metrics: readonly PackageMetricDraft[]): Promise<void> {
  await sql`delete from package_metric where package_id = ${packageId}`;
  if (metrics.length === 0) return;
  await sql`insert into package_metric ${sql(
    metrics.map((m) => ({ package_id: packageId, metric_code: m.metricCode, baseline_period: m.baselinePeriod, baseline_value: m.baselineValue, direction: m.direction, by_period: m.byPeriod })),
  )}`;
}

/** Marks a milestone met on a day (or not met, with null); its package moves on a revision. */
export async function setMilestoneMet(sql: Db, packageId: number, milestoneId: number, metOn: string | null, by: string): Promise<boolean> {
  const rows = await sql`update package_milestone set met_on = ${metOn} where id = ${milestoneId} and package_id = ${packageId} returning id`;
  if (rows.length === 0) return false;
  await sql`update support_package set revision = revision + 1, updated_by = ${by}, updated_at = now() where id = ${packageId}`;
  return true;
}

/** What closing a case as improved reads of its packages: each milestone and whether met, and the metrics to judge against the index. */
export interface PackageEvidence {
  readonly packageId: number;
  readonly status: PackageStatus;
  readonly milestonesMet: boolean;
  readonly milestones: readonly Milestone[];
  readonly metrics: readonly PackageMetric[];
}

/**
 * The evidence of a case's packages, the latest first: whether every
 * milestone is met (a package with none has met none), and its metrics, whose
 * progress the caller reads from the benchmark index with `latestFigure` and
 * `metricProgress` (src/domain/support/), as the package page does.
 */
export async function packageEvidence(sql: Db, caseId: number): Promise<PackageEvidence[]> {
  return (await packagesOf(sql, caseId)).map((p) => ({
    packageId: p.id,
    status: p.status,
    milestonesMet: p.milestones.length > 0 && p.milestones.every((m) => m.metOn !== null),
    milestones: p.milestones,
    metrics: p.metrics,
  }));
}
