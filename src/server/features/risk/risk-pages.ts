// The risk view as pages: a council's rows by cause, with a form beside each
// flag for an adviser to acknowledge it; a patch's (or England's) councils
// side by side, what is new since the last visit, and its CSV; and the form
// that chooses the patch. Each goes through the same use-cases as the API,
// so the policy and the audit trail are the same; a refused form comes back
// with its problem named beside the field.
import express, { type Request, type Response } from 'express';
import Papa from 'papaparse';
import { CAUSE_LABELS } from '../../../domain/early-warning/index.ts';
import { formatDate } from '../../../domain/format/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { PATCH_CSV_HEADER, cellHtml, compactCellHtml, newSince, patchCsvLines } from '../../../web/views/risk-patch.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { problemsOf, shownProblems, type FieldProblem } from '../../platform/http/checked-input.ts';
import { onlyKnown } from '../../platform/http/query-params.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { REASON_LENGTH, acknowledge } from './acknowledgements.ts';
import type { EnglandReads } from './england-reads.ts';
import type { NotLooked } from './not-looked.ts';
import { changePatch, readPatch } from './patch.ts';
import { councilRisk, patchRisk, scopeOf } from './risk.ts';

export function riskPages(sql: Sql, engine: BenchmarkEngine, notLooked: NotLooked, england: EnglandReads): express.Router {
  const router = express.Router();

  const showCouncil = async (req: Request, res: Response, form: { flag: number; reason: string; problems: FieldProblem[] } | null = null) => {
    const risk = await councilRisk(sql, accessOf(res), engine.index, notLooked, String(req.params.code));
    const problems = form?.problems.map((p) => ({ ...p, field: `reason-${form.flag}` })) ?? [];
    renderPage(res, 'risk/council.njk', { risk, form, problems, reasonLength: REASON_LENGTH }, problems.length ? 400 : 200);
  };

  router.get('/areas/:code/risk', reads('flag'), async (req, res) => {
    onlyKnown(req.query, []);
    await showCouncil(req, res);
  });

  router.post('/areas/:code/risk/flags/:id/acknowledgements', changes('flag'), async (req, res) => {
    const form = bodyOf(req);
    try {
      const made = await acknowledge(sql, accessOf(res), req.params.id, form);
      res.redirect(303, `/areas/${encodeURIComponent(String(req.params.code).toUpperCase())}/risk#flag-${made.flag}`);
    } catch (error) {
      const flag = pathId(req.params.id, 'flag');
      await showCouncil(req, res, { flag, reason: typeof form.reason === 'string' ? form.reason : '', problems: problemsOf(error) });
    }
  });

  router.get('/risk', reads('flag'), async (req, res) => {
    onlyKnown(req.query, ['scope']);
    const risk = await patchRisk(sql, accessOf(res), engine.index, england, scopeOf(req.query.scope), new Date());
    // England's grid is an overview: its cells count, a patch's name each flag and item.
    const cellOf = risk.scope === 'england' ? compactCellHtml : cellHtml;
    renderPage(res, 'risk/patch.njk', {
      risk,
      grid: risk.rows.map((row) => ({ ...row, cellsHtml: row.cells.map((cell) => cellOf(row, cell)) })),
      since: risk.since ? formatDate(risk.since, 'minute') : null,
      ...freshOf(newSince(risk.rows)),
      causeLabels: CAUSE_LABELS,
      csvHref: risk.scope === 'england' ? '/risk.csv?scope=england' : '/risk.csv',
    });
  });

  router.get('/risk.csv', reads('flag'), async (req, res) => {
    onlyKnown(req.query, ['scope']);
    const risk = await patchRisk(sql, accessOf(res), engine.index, england, scopeOf(req.query.scope), null);
    const csv = Papa.unparse({ fields: [...PATCH_CSV_HEADER], data: patchCsvLines(risk.rows, `${req.protocol}://${req.get('host') ?? 'localhost'}`) }, { escapeFormulae: true, newline: '\r\n' });
    res
      .set('Cache-Control', 'private, no-store')
      .type('text/csv; charset=utf-8')
      .attachment(`risk-${risk.scope}.csv`)
      .send(csv + '\r\n');
  });

  router.get('/risk/patch/edit', changes('flag'), async (_req, res) => {
    const areas = await readPatch(sql, accessOf(res));
    patchForm(res, areas.map((code) => engine.index.area(code)?.name ?? code).join('\n'), []);
  });

  router.post('/risk/patch', changes('flag'), async (req, res) => {
    const form = bodyOf(req);
    try {
      await changePatch(sql, accessOf(res), engine.index, form);
      res.redirect(303, '/risk');
    } catch (error) {
      patchForm(res, typeof form.areas === 'string' ? form.areas : '', problemsOf(error), 400);
    }
  });

  return router;
}

/** What is new, the newest first, at most a page's worth: the rest are in the grid and the CSV. */
const MOST_NEW_LISTED = 200;
function freshOf(found: ReturnType<typeof newSince>) {
  return { fresh: found.slice(0, MOST_NEW_LISTED), freshMore: Math.max(0, found.length - MOST_NEW_LISTED) };
}

function patchForm(res: Response, areas: string, problems: FieldProblem[], status = 200): void {
  renderPage(res, 'risk/patch-edit.njk', { areas, ...shownProblems(problems) }, status);
}
