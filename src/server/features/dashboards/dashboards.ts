// Dashboards, each use-case once: found as the policy allows, made by someone
// signed in as their own, changed by whoever may change it; the title and
// tiles checked against the metrics and councils the index holds, and each
// change written with its audit event. A council's default dashboard is made
// the first time one of its members asks for their dashboards, unaudited:
// no one chose to make it.
import { guardedRecord, type GuardedRecord, type UserViewer } from '../../../domain/access/index.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { isContextual } from '../../../domain/metric/index.ts';
import { checkDashboard, defaultTiles } from '../../../domain/report/dashboard.ts';
import { createDashboard, defaultDashboard, getDashboard, updateDashboard, type Dashboard } from '../../../store/dashboards.ts';
import type { Sql } from '../../../store/store.ts';
import { findRecord } from '../../platform/access/find-record.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';

/** A dashboard as it is given: its title and tiles, not yet checked. */
export interface DashboardInput {
  readonly title: string;
  readonly tiles: readonly unknown[];
}

/** A user's own dashboard is theirs alone; a council's default is its members'. */
export function dashboardRecord(dashboard: Pick<Dashboard, 'ownerId' | 'organisationId' | 'createdBy'>): GuardedRecord {
  return dashboard.ownerId === null
    ? guardedRecord('dashboard', 'restricted', { ownerOrganisation: dashboard.organisationId, author: dashboard.createdBy })
    : guardedRecord('dashboard', 'confidential', { ownerOrganisation: dashboard.organisationId, author: dashboard.ownerId });
}

/** The dashboard the path names, if the viewer may `action` it: otherwise not found, or 403 when readable but not theirs to change. */
export async function findDashboard(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change'): Promise<Dashboard> {
  return findRecord(access, idText, 'dashboard', action, (id) => getDashboard(sql, id), dashboardRecord);
}

/** Makes a dashboard of the viewer's own. */
export async function addDashboard(sql: Sql, access: RequestAccess, index: BenchmarkIndex, input: DashboardInput): Promise<Dashboard> {
  const user = signedIn(access);
  const checked = check(index, input);
  access.require('change', dashboardRecord({ ownerId: user.userId, organisationId: user.organisationId, createdBy: user.userId }), 'dashboard');
  return sql.begin(async (tx) => {
    const dashboard = await createDashboard(tx, { organisationId: user.organisationId, ownerId: user.userId, createdBy: user.userId, title: checked.title, tiles: checked.tiles });
    await access.audit(tx, 'change', 'dashboard', String(dashboard.id), `made dashboard '${checked.title}'`);
    return dashboard;
  });
}

/** Changes a dashboard's title and tiles. */
export async function changeDashboard(sql: Sql, access: RequestAccess, index: BenchmarkIndex, idText: unknown, input: DashboardInput): Promise<Dashboard> {
  const dashboard = await findDashboard(sql, access, idText, 'change');
  const checked = check(index, input);
  return sql.begin(async (tx) => {
    await updateDashboard(tx, dashboard.id, checked.title, checked.tiles);
    await access.audit(tx, 'change', 'dashboard', String(dashboard.id), `changed dashboard '${checked.title}'`);
    return (await getDashboard(tx, dashboard.id))!;
  });
}

/** A council's default dashboard, made the first time one of its members asks: its own figures against its neighbours. */
export async function councilDashboard(sql: Sql, access: RequestAccess, index: BenchmarkIndex): Promise<Dashboard | undefined> {
  const user = signedIn(access);
  if (!user.councilArea) return undefined;
  const existing = await defaultDashboard(sql, user.organisationId);
  if (existing) return existing;
  const metrics = index
    .metricsByTitle()
    .filter((s) => !isContextual(s.metric) && s.metric.status === 'published')
    .map((s) => s.metric.code);
  const area = index.area(user.councilArea);
  return createDashboard(sql, {
    organisationId: user.organisationId,
    ownerId: null,
    createdBy: user.userId,
    title: `${area?.name ?? user.councilArea}: our figures`,
    tiles: defaultTiles(user.councilArea, metrics),
  });
}

/** Dashboards are someone's: the public is asked to sign in. */
export function signedIn(access: RequestAccess): UserViewer {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', 'Sign in to see your dashboards.');
  return viewer;
}

function check(index: BenchmarkIndex, input: DashboardInput) {
  const checked = checkDashboard(
    { title: input.title, tiles: input.tiles },
    (c) => index.metric(c) !== undefined,
    (c) => index.area(c) !== undefined,
  );
  if (checked.kind === 'invalid') throw invalidInput(checked.problems);
  return checked;
}
