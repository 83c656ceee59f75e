// Organisations: councils (each standing for its area), the sector body,
// regional partnerships, government, inspectorates, support panels.
import type { OrganisationKind } from '../domain/access/index.ts';
import type { Db } from './store.ts';

export interface Organisation {
  readonly id: number;
  readonly name: string;
  readonly kind: OrganisationKind;
  /** The area a council stands for; null for partners. */
  readonly areaCode: string | null;
  readonly areaName: string | null;
  readonly users: number;
}

const SELECT = `o.id, o.name, o.kind, o.area_code as "areaCode", a.name as "areaName",
  (select count(*)::int from user_account u where u.organisation_id = o.id and u.disabled_at is null) as users`;

export async function createOrganisation(sql: Db, organisation: { name: string; kind: OrganisationKind; areaCode: string | null }): Promise<Organisation> {
  const [row] = await sql<{ id: number }[]>`
    insert into organisation (name, kind, area_code) values (${organisation.name}, ${organisation.kind}, ${organisation.areaCode}) returning id`;
  return (await getOrganisation(sql, row!.id))!;
}

export async function getOrganisation(sql: Db, id: number): Promise<Organisation | undefined> {
  const [row] = await sql<Organisation[]>`select ${sql.unsafe(SELECT)} from organisation o left join area a on a.code = o.area_code where o.id = ${id}`;
  return row;
}

export async function findOrganisationByName(sql: Db, name: string): Promise<Organisation | undefined> {
  const [row] = await sql<Organisation[]>`
    select ${sql.unsafe(SELECT)} from organisation o left join area a on a.code = o.area_code where lower(o.name) = lower(${name})`;
  return row;
}

export function listOrganisations(sql: Db) {
  return sql<Organisation[]>`select ${sql.unsafe(SELECT)} from organisation o left join area a on a.code = o.area_code order by o.name, o.id`;
}

/** Whether an error is PostgreSQL's refusal of a duplicate: the caller says which field. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === '23505';
}
