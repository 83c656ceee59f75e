// Agreements of targets: the agreement, its partners and the versions its
// sign-offs froze. An agreement is held by one organisation (the council);
// its partners' organisations, where Lantern knows them, read its drafts.
// Each change counts in `revision`, so that an edit made from an older
// reading is found out and refused rather than silently overwriting.
import type { AgreementKind, AgreementStatus, PartnerKind, RewardRule } from '../domain/targets/index.ts';
import type { Db } from './store.ts';

export interface AgreementPartner {
  readonly id: number;
  readonly kind: PartnerKind;
  readonly name: string;
  readonly organisationId: number | null;
}

export interface Agreement {
  readonly id: number;
  readonly organisationId: number;
  readonly organisationName: string;
  readonly kind: AgreementKind;
  readonly title: string;
  readonly firstYear: string;
  readonly lastYear: string;
  /** ISO dates the plan's years span. */
  readonly planStart: string;
  readonly planEnd: string;
  readonly status: AgreementStatus;
  readonly version: number;
  readonly areas: readonly string[];
  readonly designatedCap: number;
  /** How the reward for its targets is shared out at its end, as data with its version. */
  readonly rewardRule: RewardRule;
  readonly revision: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
  readonly partners: readonly AgreementPartner[];
}

export interface AgreementDraft {
  readonly kind: AgreementKind;
  readonly title: string;
  readonly firstYear: string;
  readonly lastYear: string;
  readonly planStart: string;
  readonly planEnd: string;
  readonly areas: readonly string[];
  readonly designatedCap: number;
  readonly partners: readonly Omit<AgreementPartner, 'id'>[];
  /** Absent: the default (2008's) on a new agreement, the one it has on a change. */
  readonly rewardRule?: RewardRule;
}

const SELECT = `g.id, g.organisation_id as "organisationId", o.name as "organisationName", g.kind, g.title, g.first_year as "firstYear",
  g.last_year as "lastYear", g.plan_start::text as "planStart", g.plan_end::text as "planEnd", g.status, g.version, g.areas,
  g.designated_cap as "designatedCap", g.reward_rule as "rewardRule", g.revision, g.updated_by as "updatedBy", g.updated_at as "updatedAt",
  coalesce((select json_agg(json_build_object('id', p.id, 'kind', p.kind, 'name', p.name, 'organisationId', p.organisation_id) order by p.id)
    from agreement_partner p where p.agreement_id = g.id), '[]') as partners`;
const FROM = `agreement g join organisation o on o.id = g.organisation_id`;

export async function createAgreement(sql: Db, draft: AgreementDraft, organisationId: number, who: string): Promise<Agreement> {
  const [row] = await sql<{ id: number }[]>`
    insert into agreement (organisation_id, kind, title, first_year, last_year, plan_start, plan_end, areas, designated_cap, created_by, updated_by)
    values (${organisationId}, ${draft.kind}, ${draft.title}, ${draft.firstYear}, ${draft.lastYear}, ${draft.planStart}, ${draft.planEnd},
      ${sql.array([...draft.areas])}, ${draft.designatedCap}, ${who}, ${who})
    returning id`;
  await addPartners(sql, row!.id, draft.partners);
  if (draft.rewardRule) await setRewardRule(sql, row!.id, draft.rewardRule);
  return (await getAgreement(sql, row!.id))!;
}

/** Rewrites the agreement's fields; partners named anew are added, none is removed (targets may name them). */
export async function updateAgreement(sql: Db, id: number, draft: AgreementDraft, who: string): Promise<Agreement> {
  await sql`
    update agreement set kind = ${draft.kind}, title = ${draft.title}, first_year = ${draft.firstYear}, last_year = ${draft.lastYear},
      plan_start = ${draft.planStart}, plan_end = ${draft.planEnd}, areas = ${sql.array([...draft.areas])}, designated_cap = ${draft.designatedCap},
      revision = revision + 1, updated_by = ${who}, updated_at = now()
    where id = ${id}`;
  if (draft.rewardRule) await setRewardRule(sql, id, draft.rewardRule);
  const known = new Set((await getAgreement(sql, id))!.partners.map((p) => p.name.toLowerCase()));
  await addPartners(
    sql,
    id,
    draft.partners.filter((p) => !known.has(p.name.toLowerCase())),
  );
  return (await getAgreement(sql, id))!;
}

async function setRewardRule(sql: Db, id: number, rule: RewardRule): Promise<void> {
  await sql`update agreement set reward_rule = ${sql.json(rule as never)} where id = ${id}`;
}

async function addPartners(sql: Db, agreementId: number, partners: AgreementDraft['partners']): Promise<void> {
  for (const p of partners) {
    await sql`insert into agreement_partner (agreement_id, kind, name, organisation_id) values (${agreementId}, ${p.kind}, ${p.name}, ${p.organisationId})`;
  }
}

export async function setAgreementStatus(sql: Db, id: number, status: AgreementStatus, version: number, who: string): Promise<void> {
  await sql`update agreement set status = ${status}, version = ${version}, revision = revision + 1, updated_by = ${who}, updated_at = now() where id = ${id}`;
}

/** Counts a change to one of its targets as a change to the agreement, for a stale edit to be found out. */
export async function touchAgreement(sql: Db, id: number, who: string): Promise<void> {
  await sql`update agreement set revision = revision + 1, updated_by = ${who}, updated_at = now() where id = ${id}`;
}

export async function getAgreement(sql: Db, id: number): Promise<Agreement | undefined> {
  const [row] = await sql<Agreement[]>`select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} where g.id = ${id}`;
  return row;
}

/** Every agreement, or those touching any of `areas`, oldest first. */
export function agreementsOf(sql: Db, areas?: readonly string[]): Promise<Agreement[]> {
  return areas === undefined
    ? sql<Agreement[]>`select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} order by g.id`
    : sql<Agreement[]>`select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} where g.areas && ${sql.array([...areas])} order by g.id`;
}

/** The agreements touching any area of a region (or the region itself), oldest first. */
export function agreementsInRegion(sql: Db, region: string): Promise<Agreement[]> {
  return sql<Agreement[]>`
    select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)}
    where exists (select from area a where a.code = any(g.areas) and (a.region_code = ${region} or a.code = ${region})) order by g.id`;
}

export async function freezeVersion(sql: Db, agreementId: number, version: number, who: string, snapshot: unknown): Promise<void> {
  await sql`insert into agreement_version (agreement_id, version, signed_off_by, snapshot) values (${agreementId}, ${version}, ${who}, ${sql.json(snapshot as never)})`;
}

export interface AgreementVersion {
  readonly version: number;
  readonly signedOffAt: Date;
  readonly signedOffBy: string;
}

export function versionsOf(sql: Db, agreementId: number): Promise<AgreementVersion[]> {
  return sql<AgreementVersion[]>`
    select v.version, v.signed_off_at as "signedOffAt", v.signed_off_by as "signedOffBy"
    from agreement_version v where v.agreement_id = ${agreementId} order by v.version`;
}
