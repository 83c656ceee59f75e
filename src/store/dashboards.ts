// Dashboards: a user's own, and each council's default (held by the council's
// organisation, with no owner).
import type { DashboardTile } from '../domain/report/dashboard.ts';
import type { Db } from './store.ts';

export interface Dashboard {
  readonly id: number;
  readonly organisationId: number;
  readonly ownerId: number | null;
  readonly createdBy: number;
  readonly title: string;
  readonly tiles: readonly DashboardTile[];
  readonly updatedAt: Date;
}

const SELECT = `id, organisation_id as "organisationId", owner_id as "ownerId", created_by as "createdBy", title, tiles, updated_at as "updatedAt"`;

export interface DashboardDraft {
  readonly organisationId: number;
  /** The user whose own it is; null for a council's default. */
  readonly ownerId: number | null;
  readonly createdBy: number;
  readonly title: string;
  readonly tiles: readonly DashboardTile[];
}

export async function createDashboard(sql: Db, dashboard: DashboardDraft): Promise<Dashboard> {
  const [row] = await sql<Dashboard[]>`
    insert into dashboard (organisation_id, owner_id, created_by, title, tiles)
    values (${dashboard.organisationId}, ${dashboard.ownerId}, ${dashboard.createdBy}, ${dashboard.title}, ${sql.json(dashboard.tiles as never)})
    on conflict (organisation_id) where owner_id is null do update set updated_at = dashboard.updated_at
    returning ${sql.unsafe(SELECT)}`;
  return row!;
}

export async function updateDashboard(sql: Db, id: number, title: string, tiles: readonly DashboardTile[]): Promise<Dashboard> {
  const [row] = await sql<Dashboard[]>`
    update dashboard set title = ${title}, tiles = ${sql.json(tiles as never)}, updated_at = now() where id = ${id} returning ${sql.unsafe(SELECT)}`;
  return row!;
}

export async function getDashboard(sql: Db, id: number): Promise<Dashboard | undefined> {
  const [row] = await sql<Dashboard[]>`select ${sql.unsafe(SELECT)} from dashboard where id = ${id}`;
  return row;
}

/** The dashboards a user sees: their own, then their organisation's default. */
export function dashboardsOf(sql: Db, userId: number, organisationId: number) {
  return sql<Dashboard[]>`
    select ${sql.unsafe(SELECT)} from dashboard where owner_id = ${userId} or (owner_id is null and organisation_id = ${organisationId})
    order by owner_id nulls last, updated_at desc`;
}

export async function defaultDashboard(sql: Db, organisationId: number): Promise<Dashboard | undefined> {
  const [row] = await sql<Dashboard[]>`select ${sql.unsafe(SELECT)} from dashboard where organisation_id = ${organisationId} and owner_id is null`;
  return row;
}
