// Dashboards as pages: the figures a signed-in user follows, as tiles. Each
// council's members share a default dashboard of the council's own figures
// (made the first time one of them opens it); anyone may compose their own.
// A user's own dashboard is confidential to them; a council's default is
// restricted to the council. Tiles whose figures the viewer may not read in
// full (early-sight data not shared with them) are left out, and counted.
import express, { type Request, type Response } from 'express';
import { guardedRecord, type GuardedRecord } from '../../../domain/access/index.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { isContextual } from '../../../domain/metric/index.ts';
import { checkDashboard, defaultTiles, TILE_KINDS, type DashboardTile } from '../../../domain/report/dashboard.ts';
import type { FieldProblem } from '../../platform/http/checked-input.ts';
import { GROUP_CHOICES } from '../../../web/views/words.ts';
import { dashboardTiles } from '../../../web/views/dashboard-view.ts';
import type { AreaMaps } from '../../../web/views/comparison-map.ts';
import { createDashboard, dashboardsOf, defaultDashboard, getDashboard, updateDashboard, type Dashboard } from '../../../store/dashboards.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, notSeen, reads, readableInFull } from '../../platform/access/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { HttpError } from '../../platform/http/http-error.ts';

export interface DashboardDeps {
  readonly sql: Sql;
  readonly engine: BenchmarkEngine;
  readonly log: (line: string) => void;
  readonly maps: Promise<AreaMaps | null>;
}

const KIND_TEXT = { value: 'Value and verdict', league: 'League position', trend: 'Trend', map: 'Map' } as const;

export function dashboardPages(deps: DashboardDeps): express.Router {
  const { sql, engine } = deps;
  const router = express.Router();

  router.get('/dashboards', reads('dashboard'), async (_req, res) => {
    const user = signedIn(res);
    const own = await dashboardsOf(sql, user.id, user.organisationId);
    const first = own.find((d) => d.ownerId === null) ?? own[0] ?? (await councilDefault(user));
    if (!first) return void res.redirect(303, '/dashboards/new');
    res.redirect(303, `/dashboards/${first.id}`);
  });

  router.get('/dashboards/new', changes('dashboard'), (_req, res) => {
    const user = signedIn(res);
    composer(res, engine.index, { title: '', tiles: [{ kind: 'value', metric: '', area: user.councilArea ?? '', group: 'neighbours' }] }, '/dashboards', []);
  });

  router.post('/dashboards', changes('dashboard'), async (req, res) => {
    const user = signedIn(res);
    const form = formOf(bodyOf(req));
    if (form.add) return composer(res, engine.index, { ...form, tiles: [...form.tiles, { kind: 'value', metric: '', area: user.councilArea ?? '', group: 'neighbours' }] }, '/dashboards', []);
    const checked = check(engine.index, form);
    if (checked.kind === 'invalid') return composer(res, engine.index, form, '/dashboards', checked.problems, 400);
    const made = await sql.begin(async (tx) => {
      const dashboard = await createDashboard(tx, { organisationId: user.organisationId, ownerId: user.id, createdBy: user.id, title: checked.title, tiles: checked.tiles });
      await accessOf(res).audit(tx, 'change', 'dashboard', String(dashboard.id), `made dashboard '${checked.title}'`);
      return dashboard;
    });
    res.redirect(303, `/dashboards/${made.id}`);
  });

  router.get('/dashboards/:id', reads('dashboard'), async (req, res) => {
    const user = signedIn(res);
    const dashboard = await found(req, res, 'read');
    const index = engine.index;
    const metrics = [...new Set(dashboard.tiles.map((t) => t.metric))].map((code) => index.metric(code)?.metric).filter((m) => m !== undefined);
    const readable = new Set((await readableInFull(res, sql, metrics)).map((m) => m.code));
    const tiles = dashboard.tiles.filter((t) => readable.has(t.metric));
    renderPage(res, 'dashboards/show.njk', {
      dashboard, tiles: dashboardTiles(index, tiles, await deps.maps), hidden: dashboard.tiles.length - tiles.length,
      dashboards: await dashboardsOf(sql, user.id, user.organisationId), mayEdit: accessOf(res).may('change', recordOf(dashboard)),
    });
  });

  router.get('/dashboards/:id/edit', changes('dashboard'), async (req, res) => {
    const dashboard = await found(req, res, 'change');
    composer(res, engine.index, { title: dashboard.title, tiles: [...dashboard.tiles] }, `/dashboards/${dashboard.id}`, []);
  });

  router.post('/dashboards/:id', changes('dashboard'), async (req, res) => {
    const dashboard = await found(req, res, 'change');
    const action = `/dashboards/${dashboard.id}`;
    const form = formOf(bodyOf(req));
    if (form.add) return composer(res, engine.index, { ...form, tiles: [...form.tiles, { kind: 'value', metric: '', area: '', group: 'neighbours' }] }, action, []);
    const checked = check(engine.index, form);
    if (checked.kind === 'invalid') return composer(res, engine.index, form, action, checked.problems, 400);
    await sql.begin(async (tx) => {
      await updateDashboard(tx, dashboard.id, checked.title, checked.tiles);
      await accessOf(res).audit(tx, 'change', 'dashboard', String(dashboard.id), `changed dashboard '${checked.title}'`);
    });
    res.redirect(303, action);
  });

  return router;

  /** The dashboard the path names, if the viewer may `action` it: otherwise not found, or 403 when readable but not theirs to change. */
  async function found(req: Request, res: Response, action: 'read' | 'change'): Promise<Dashboard> {
    const id = pathId(req.params.id, 'dashboard');
    const dashboard = await getDashboard(sql, id);
    if (!dashboard) throw notSeen(`dashboard ${id}`);
    accessOf(res).require(action, recordOf(dashboard), `dashboard ${dashboard.id}`);
    return dashboard;
  }

  /** A council's default dashboard, made the first time one of its members asks: its own figures against its neighbours. */
  async function councilDefault(user: SignedIn): Promise<Dashboard | undefined> {
    if (!user.councilArea) return undefined;
    const existing = await defaultDashboard(sql, user.organisationId);
    if (existing) return existing;
    const index = engine.index;
    const metrics = index.metricsByTitle().filter((s) => !isContextual(s.metric) && s.metric.status === 'published').map((s) => s.metric.code);
    const area = index.area(user.councilArea);
    return createDashboard(sql, {
      organisationId: user.organisationId, ownerId: null, createdBy: user.id,
      title: `${area?.name ?? user.councilArea}: our figures`, tiles: defaultTiles(user.councilArea, metrics),
    });
  }
}

/** A user's own dashboard is theirs alone; a council's default is its members'. */
function recordOf(dashboard: Dashboard): GuardedRecord {
  return dashboard.ownerId === null
    ? guardedRecord('dashboard', 'restricted', { ownerOrganisation: dashboard.organisationId, author: dashboard.createdBy })
    : guardedRecord('dashboard', 'confidential', { ownerOrganisation: dashboard.organisationId, author: dashboard.ownerId });
}

interface SignedIn { id: number; organisationId: number; councilArea: string | null }

function signedIn(res: Response): SignedIn {
  const viewer = accessOf(res).viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', 'Sign in to see your dashboards.');
  return { id: viewer.userId, organisationId: viewer.organisationId, councilArea: viewer.councilArea };
}

interface DashboardForm { title: string; tiles: DashboardTile[]; add: boolean }

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function formOf(body: Record<string, unknown>): DashboardForm {
  const count = Math.min(Math.max(Number(text(body.tiles)) || 0, 0), 48);
  const tiles = Array.from({ length: count }, (_, i) => ({
    kind: text(body[`tile_kind_${i}`]), metric: text(body[`tile_metric_${i}`]), area: text(body[`tile_area_${i}`]), group: text(body[`tile_group_${i}`]),
  })).filter((t) => t.metric !== '' || t.area !== '') as unknown as DashboardTile[];
  return { title: text(body.title), tiles, add: text(body.do) === 'add' };
}

function check(index: BenchmarkIndex, form: DashboardForm) {
  return checkDashboard({ title: form.title, tiles: form.tiles }, (c) => index.metric(c) !== undefined, (c) => index.area(c) !== undefined);
}

function composer(res: Response, index: BenchmarkIndex, form: { title: string; tiles: readonly DashboardTile[] }, action: string, problems: readonly FieldProblem[], status = 200): void {
  const metrics = index.metricsByTitle();
  renderPage(res, 'dashboards/edit.njk', {
    form, action, problems,
    rows: form.tiles.map((tile) => ({
      area: tile.area,
      kinds: TILE_KINDS.map((k) => ({ value: k, text: KIND_TEXT[k], selected: k === tile.kind })),
      metrics: [{ value: '', text: 'Choose a metric' }, ...metrics.map((s) => ({ value: s.metric.code, text: s.metric.title, selected: s.metric.code === tile.metric }))],
      groups: GROUP_CHOICES.map((c) => ({ ...c, selected: c.value === tile.group })),
    })),
  }, status);
}
