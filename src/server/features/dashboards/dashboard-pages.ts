// Dashboards as pages: the figures a signed-in user follows, as tiles. Each
// council's members share a default dashboard of the council's own figures
// (made the first time one of them opens it); anyone may compose their own.
// A user's own dashboard is confidential to them; a council's default is
// restricted to the council. Tiles whose figures the viewer may not read in
// full (early-sight data not shared with them) are left out, and counted.
// What is made and changed goes through the use-cases of dashboards.ts.
import express, { type Response } from 'express';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { TILE_KINDS, type DashboardTile } from '../../../domain/report/dashboard.ts';
import { problemsAsGiven, type FieldProblem } from '../../platform/http/checked-input.ts';
import { GROUP_CHOICES } from '../../../web/views/words.ts';
import { dashboardTiles, tileFigures } from '../../../web/views/dashboard-view.ts';
import { sourceVerdictsOfFigures } from '../../../store/source-verdicts.ts';
import type { AreaMaps } from '../../../web/views/comparison-map.ts';
import { dashboardsOf } from '../../../store/dashboards.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads, readableInFull } from '../../platform/access/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { addDashboard, changeDashboard, councilDashboard, dashboardRecord, findDashboard, signedIn } from './dashboards.ts';

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
    const user = signedIn(accessOf(res));
    const own = await dashboardsOf(sql, user.userId, user.organisationId);
    const first = own.find((d) => d.ownerId === null) ?? own[0] ?? (await councilDashboard(sql, accessOf(res), engine.index));
    if (!first) return void res.redirect(303, '/dashboards/new');
    res.redirect(303, `/dashboards/${first.id}`);
  });

  router.get('/dashboards/new', changes('dashboard'), (_req, res) => {
    const user = signedIn(accessOf(res));
    composer(res, engine.index, { title: '', tiles: [{ kind: 'value', metric: '', area: user.councilArea ?? '', group: 'neighbours' }] }, '/dashboards', []);
  });

  router.post('/dashboards', changes('dashboard'), async (req, res) => {
    const user = signedIn(accessOf(res));
    const form = formOf(bodyOf(req));
    if (form.add) return composer(res, engine.index, { ...form, tiles: [...form.tiles, { kind: 'value', metric: '', area: user.councilArea ?? '', group: 'neighbours' }] }, '/dashboards', []);
    try {
      const made = await addDashboard(sql, accessOf(res), engine.index, form);
      res.redirect(303, `/dashboards/${made.id}`);
    } catch (error) {
      composer(res, engine.index, form, '/dashboards', problemsAsGiven(error), 400);
    }
  });

  router.get('/dashboards/:id', reads('dashboard'), async (req, res) => {
    const user = signedIn(accessOf(res));
    const dashboard = await findDashboard(sql, accessOf(res), req.params.id, 'read');
    const index = engine.index;
    const metrics = [...new Set(dashboard.tiles.map((t) => t.metric))].map((code) => index.metric(code)?.metric).filter((m) => m !== undefined);
    const readable = new Set((await readableInFull(res, sql, metrics)).map((m) => m.code));
    const tiles = dashboard.tiles.filter((t) => readable.has(t.metric));
    renderPage(res, 'dashboards/show.njk', {
      dashboard,
      tiles: dashboardTiles(index, tiles, await deps.maps, await sourceVerdictsOfFigures(sql, tileFigures(index, tiles))),
      hidden: dashboard.tiles.length - tiles.length,
      dashboards: await dashboardsOf(sql, user.userId, user.organisationId),
      mayEdit: accessOf(res).may('change', dashboardRecord(dashboard)),
    });
  });

  router.get('/dashboards/:id/edit', changes('dashboard'), async (req, res) => {
    const dashboard = await findDashboard(sql, accessOf(res), req.params.id, 'change');
    composer(res, engine.index, { title: dashboard.title, tiles: [...dashboard.tiles] }, `/dashboards/${dashboard.id}`, []);
  });

  router.post('/dashboards/:id', changes('dashboard'), async (req, res) => {
    const action = `/dashboards/${pathId(req.params.id, 'dashboard')}`;
    const form = formOf(bodyOf(req));
    try {
      if (form.add) {
        await findDashboard(sql, accessOf(res), req.params.id, 'change');
        return composer(res, engine.index, { ...form, tiles: [...form.tiles, { kind: 'value', metric: '', area: '', group: 'neighbours' }] }, action, []);
      }
      await changeDashboard(sql, accessOf(res), engine.index, req.params.id, form);
      res.redirect(303, action);
    } catch (error) {
      composer(res, engine.index, form, action, problemsAsGiven(error), 400);
    }
  });

  return router;
}

interface DashboardForm {
  title: string;
  tiles: DashboardTile[];
  add: boolean;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function formOf(body: Record<string, unknown>): DashboardForm {
  const count = Math.min(Math.max(Number(text(body.tiles)) || 0, 0), 48);
  const tiles = Array.from({ length: count }, (_, i) => ({
    kind: text(body[`tile_kind_${i}`]),
    metric: text(body[`tile_metric_${i}`]),
    area: text(body[`tile_area_${i}`]),
    group: text(body[`tile_group_${i}`]),
  })).filter((t) => t.metric !== '' || t.area !== '') as unknown as DashboardTile[];
  return { title: text(body.title), tiles, add: text(body.do) === 'add' };
}

function composer(res: Response, index: BenchmarkIndex, form: { title: string; tiles: readonly DashboardTile[] }, action: string, problems: readonly FieldProblem[], status = 200): void {
  const metrics = index.metricsByTitle();
  renderPage(
    res,
    'dashboards/edit.njk',
    {
      form,
      action,
      problems,
      rows: form.tiles.map((tile) => ({
        area: tile.area,
        kinds: TILE_KINDS.map((k) => ({ value: k, text: KIND_TEXT[k], selected: k === tile.kind })),
        metrics: [{ value: '', text: 'Choose a metric' }, ...metrics.map((s) => ({ value: s.metric.code, text: s.metric.title, selected: s.metric.code === tile.metric }))],
        groups: GROUP_CHOICES.map((c) => ({ ...c, selected: c.value === tile.group })),
      })),
    },
    status,
  );
}
