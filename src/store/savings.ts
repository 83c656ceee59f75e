// Councils' efficiency savings as kept (migration 041): each in the domain's
// shape (src/domain/savings/), with the council's name, who verified it, its
// revision, and the steps of its status. A saving moves on only from the
// revision its changer read, so that two people cannot both move it.
import type { Evidence, Saving, SavingSource, SavingStatus } from '../domain/savings/index.ts';
import type { Db } from './store.ts';

export interface StoredSaving extends Saving {
  readonly id: number;
  readonly areaName: string;
  readonly organisationId: number;
  readonly verifiedAt: string | null;
  readonly recordedByName: string | null;
  readonly revision: number;
}

export interface SavingStep {
  readonly status: SavingStatus;
  readonly takenByName: string | null;
  readonly takenAt: string;
}

interface Row {
  id: number;
  councilCode: string;
  areaName: string;
  organisationId: number;
  year: string;
  amount: string;
  cashReleasing: boolean;
  lastsFullYears: number;
  source: SavingSource;
  description: string;
  status: SavingStatus;
  evidenceKind: 'document' | 'observation' | null;
  evidenceReference: string | null;
  evidenceMetric: string | null;
  evidenceArea: string | null;
  evidencePeriod: string | null;
  verifiedBy: string | null;
  verifiedAt: Date | null;
  recordedByName: string | null;
  revision: number;
}

function evidenceOf(row: Row): Evidence | null {
  if (row.evidenceKind === 'document') return { kind: 'document', reference: row.evidenceReference ?? '' };
  if (row.evidenceKind === 'observation') return { kind: 'observation', metricCode: row.evidenceMetric ?? '', areaCode: row.evidenceArea ?? '', period: row.evidencePeriod ?? '' };
  return null;
}

function savingOf(row: Row): StoredSaving {
  return {
    id: row.id,
    councilCode: row.councilCode,
    areaName: row.areaName,
    organisationId: row.organisationId,
    year: row.year,
    amount: Number(row.amount),
    cashReleasing: row.cashReleasing,
    lastsFullYears: row.lastsFullYears,
    source: row.source,
    description: row.description,
    status: row.status,
    evidence: evidenceOf(row),
    verifiedBy: row.verifiedBy,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    recordedByName: row.recordedByName,
    revision: row.revision,
  };
}

function evidenceColumns(evidence: Evidence | null) {
  return {
    evidence_kind: evidence?.kind ?? null,
    evidence_reference: evidence?.kind === 'document' ? evidence.reference.trim() : null,
    evidence_metric: evidence?.kind === 'observation' ? evidence.metricCode.trim() : null,
    evidence_area: evidence?.kind === 'observation' ? evidence.areaCode.trim() : null,
    evidence_period: evidence?.kind === 'observation' ? evidence.period.trim() : null,
  };
}

const SELECTED = (sql: Db) => sql`
  select s.id, s.area_code as "councilCode", a.name as "areaName", s.organisation_id as "organisationId", s.year, s.amount::text as amount,
    s.cash_releasing as "cashReleasing", s.lasts_full_years as "lastsFullYears", s.source, s.description, s.status,
    s.evidence_kind as "evidenceKind", s.evidence_reference as "evidenceReference", s.evidence_metric as "evidenceMetric",
    s.evidence_area as "evidenceArea", s.evidence_period as "evidencePeriod", v.name as "verifiedBy", s.verified_at as "verifiedAt",
    r.name as "recordedByName", s.revision
  from saving s join area a on a.code = s.area_code
    left join user_account v on v.id = s.verified_by left join user_account r on r.id = s.recorded_by`;

/** Records a saving held by the council's organisation, with its first step; the domain has checked it. */
export async function createSaving(sql: Db, saving: Saving, organisationId: number, by: number | null): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into saving ${sql({
      area_code: saving.councilCode,
      organisation_id: organisationId,
      year: saving.year,
      amount: saving.amount,
      cash_releasing: saving.cashReleasing,
      lasts_full_years: saving.lastsFullYears,
      source: saving.source,
      description: saving.description.trim(),
      status: saving.status,
      ...evidenceColumns(saving.evidence),
      recorded_by: by,
    })}
    returning id`;
  await sql`insert into saving_step (saving_id, status, taken_by) values (${row!.id}, ${saving.status}, ${by})`;
  return row!.id;
}

export async function getSaving(sql: Db, id: number): Promise<StoredSaving | undefined> {
  const [row] = await sql<Row[]>`${SELECTED(sql)} where s.id = ${id}`;
  return row ? savingOf(row) : undefined;
}

/** A council's savings, latest year first. */
export async function savingsOfCouncil(sql: Db, areaCode: string): Promise<StoredSaving[]> {
  const rows = await sql<Row[]>`${SELECTED(sql)} where s.area_code = ${areaCode} order by s.year desc, s.id`;
  return rows.map(savingOf);
}

/** Every council's savings of the years, by council and year. */
export async function savingsOfYears(sql: Db, years: readonly string[]): Promise<StoredSaving[]> {
  const rows = await sql<Row[]>`${SELECTED(sql)} where s.year = any(${years as string[]}) order by a.name, s.area_code, s.year, s.id`;
  return rows.map(savingOf);
}

/** The savings of one council, holder, year and status that the indicator rule reads alike (cash-releasing or not, full years lasted), added up. */
export interface SavingGroup {
  readonly councilCode: string;
  readonly areaName: string;
  readonly organisationId: number;
  readonly year: string;
  readonly status: SavingStatus;
  readonly cashReleasing: boolean;
  readonly lastsFullYears: number;
  /** Their amounts added up, in whole pence. */
  readonly pence: number;
  readonly count: number;
}

/**
 * Every council's savings of the years, added up by council, holder, year,
 * status and what the indicator rule reads of them: the partnership page's
 * totals, with no saving read one by one. By council name.
 */
export function savingGroupsOfYears(sql: Db, years: readonly string[]): Promise<SavingGroup[]> {
  return sql<SavingGroup[]>`
    select s.area_code as "councilCode", a.name as "areaName", s.organisation_id as "organisationId", s.year, s.status,
      s.cash_releasing as "cashReleasing", s.lasts_full_years as "lastsFullYears", sum(round(s.amount * 100))::float8 as pence, count(*)::integer as count
    from saving s join area a on a.code = s.area_code
    where s.year = any(${years as string[]})
    group by a.name, s.area_code, s.organisation_id, s.year, s.status, s.cash_releasing, s.lasts_full_years
    order by a.name, s.area_code`;
}

/** The savings of the councils in a year whose kind (cash-releasing, full years lasted) is one of those given: the few records a page shows. */
export async function savingsOfKinds(
  sql: Db,
  councilCodes: readonly string[],
  year: string,
  kinds: readonly { readonly cashReleasing: boolean; readonly lastsFullYears: number }[],
): Promise<StoredSaving[]> {
  if (councilCodes.length === 0 || kinds.length === 0) return [];
  const rows = await sql<Row[]>`${SELECTED(sql)}
    where s.area_code = any(${[...councilCodes]}) and s.year = ${year}
      and (s.cash_releasing::integer, s.lasts_full_years) in (
        select * from unnest(${kinds.map((k) => (k.cashReleasing ? 1 : 0))}::integer[], ${kinds.map((k) => k.lastsFullYears)}::integer[]))
    order by a.name, s.area_code, s.id`;
  return rows.map(savingOf);
}

export interface SavingMove {
  readonly status: SavingStatus;
  readonly evidence: Evidence | null;
  /** The user who verifies it, when the move is to verified. */
  readonly verifiedBy: number | null;
}

/** Moves a saving to a status (with its evidence), from the revision read; false when someone moved it since. */
export async function moveSaving(sql: Db, id: number, revision: number, move: SavingMove, by: number | null): Promise<boolean> {
  const verified = move.status === 'verified';
  const updated = await sql`
    update saving set ${sql({ status: move.status, ...evidenceColumns(move.evidence), verified_by: verified ? move.verifiedBy : null })},
      verified_at = ${verified ? sql`now()` : null}, revision = revision + 1, updated_at = now()
    where id = ${id} and revision = ${revision}`;
  if (updated.count === 0) return false;
  await sql`insert into saving_step (saving_id, status, taken_by) values (${id}, ${move.status}, ${by})`;
  return true;
}

/** The steps a saving's status took, first first. */
export function savingSteps(sql: Db, id: number): Promise<SavingStep[]> {
  return sql<SavingStep[]>`
    select st.status, u.name as "takenByName", to_char(st.taken_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "takenAt"
    from saving_step st left join user_account u on u.id = st.taken_by
    where st.saving_id = ${id} order by st.taken_at, array_position(array['estimated', 'claimed', 'evidenced', 'verified'], st.status)`;
}

/** The organisation that holds a council's records: its council organisation, if it has one. */
export async function councilOrganisation(sql: Db, areaCode: string): Promise<number | undefined> {
  const [row] = await sql<{ id: number }[]>`select id from organisation where area_code = ${areaCode}`;
  return row?.id;
}
