// Reports as pages: an organisation's drafts, the builder (a plain form),
// the headline report, publishing, and the published versions that anyone
// may read with their PDF, CSV and spreadsheet. A draft is a restricted
// record of the author's organisation; a published version is public and
// frozen: it is drawn from the snapshot kept with it, never from the live
// index, and only figures that the public may read are ever published.
import express, { type Request, type Response } from 'express';
import { decide, guardedRecord, PUBLIC_VIEWER, type GuardedRecord } from '../../../domain/access/index.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { formatDate } from '../../../domain/format/index.ts';
import { checkReportDefinition, type ReportDefinition } from '../../../domain/report/report-definition.ts';
import { reportCsv, reportPrintHtml, reportXlsx } from '../../../reports/report-files.ts';
import { snapshotReport, type ReportSnapshot } from '../../../reports/report-snapshot.ts';
import { reportView } from '../../../reports/report-view.ts';
import { earlySightReleases } from '../../../store/early-sight.ts';
import { createReport, getReport, listReports, publishVersion, updateReport, versionPdf, versionsBySlug, versionsOf, versionSnapshot, type Report } from '../../../store/reports.ts';
import { accessOf, changes, notSeen, observationRecord, reads, readableInFull } from '../../platform/access/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { HttpError, notFound } from '../../platform/http/http-error.ts';
import { localsOf } from '../../platform/http/locals.ts';
import type { FeatureDeps } from '../../platform/feature.ts';
import { builder, checkForm, emptyForm, formFromDefinition, formOf, headline, headlineDefinition, list, text } from './report-form.ts';

export function reportPages(deps: Pick<FeatureDeps, 'sql' | 'engine' | 'printer' | 'maps'>): express.Router {
  const { sql, engine } = deps;
  const router = express.Router();

  router.get('/reports', reads('report'), async (_req, res) => {
    const user = signedIn(res);
    const reports = await listReports(sql, user.organisationId);
    const access = accessOf(res);
    const readable = await access.reveal(reports, draftRecord, (r) => String(r.id), 'report drafts listed');
    renderPage(res, 'reports/list.njk', {
      mayEdit: access.may('change', guardedRecord('report', 'restricted', { ownerOrganisation: user.organisationId, author: user.id })),
      reports: readable.map((r) => ({ ...r, updated: formatDate(r.updatedAt) })),
    });
  });

  router.get('/reports/new', changes('report'), (_req, res) => {
    const council = signedIn(res).councilArea;
    builder(res, engine.index, emptyForm(council), 1, '/reports', []);
  });

  router.post('/reports', changes('report'), async (req, res) => {
    const user = signedIn(res);
    const form = formOf(bodyOf(req));
    if (form.add) return builder(res, engine.index, form, form.sections.length + 1, '/reports', []);
    const checked = checkForm(engine.index, form);
    if (checked.kind === 'invalid') return builder(res, engine.index, form, form.sections.length, '/reports', checked.problems, 400);
    const report = await sql.begin(async (tx) => {
      const made = await createReport(tx, checked.definition, user.id, user.organisationId);
      await accessOf(res).audit(tx, 'change', 'report', String(made.id), `drafted report '${made.title}'`);
      return made;
    });
    res.redirect(303, `/reports/${report.id}`);
  });

  router.get('/reports/headline/new', changes('report'), (_req, res) => {
    headline(res, engine.index, { area: signedIn(res).councilArea ?? '', metrics: [] }, []);
  });

  router.post('/reports/headline', changes('report'), async (req, res) => {
    const user = signedIn(res);
    const body = bodyOf(req);
    const form = { area: text(body.area).toUpperCase(), metrics: list(body.metrics) };
    const checked = checkReportDefinition(headlineDefinition(engine.index, form), (c) => engine.index.metric(c) !== undefined, (c) => engine.index.area(c) !== undefined);
    if (checked.kind === 'invalid') {
      return headline(res, engine.index, form, checked.problems.map((p) => ({ field: p.field === 'areas' ? 'area' : p.field.startsWith('sections') ? 'metrics' : p.field, message: p.message })), 400);
    }
    const report = await sql.begin(async (tx) => {
      const made = await createReport(tx, checked.definition, user.id, user.organisationId);
      await accessOf(res).audit(tx, 'change', 'report', String(made.id), `made headline report '${made.title}'`);
      return made;
    });
    res.redirect(303, `/reports/${report.id}`);
  });

  router.get('/reports/:id', reads('report'), async (req, res) => {
    const report = await draft(req, res, 'read');
    const index = engine.index;
    const definition = await publishable(res, index, report.definition, 'viewer');
    const versions = await versionsOf(sql, report.id);
    renderPage(res, 'reports/draft.njk', {
      reportId: report.id, slug: report.slug, mayEdit: accessOf(res).may('change', draftRecord(report)),
      versions: versions.map((v) => ({ version: v.version, published: formatDate(v.publishedAt) })),
      report: reportView(snapshotReport(index, definition, new Date()), await deps.maps),
    });
  });

  router.get('/reports/:id/edit', changes('report'), async (req, res) => {
    const report = await draft(req, res, 'change');
    const form = formFromDefinition(report.definition);
    builder(res, engine.index, form, form.sections.length, `/reports/${report.id}`, [], 200, report.id);
  });

  router.post('/reports/:id', changes('report'), async (req, res) => {
    const report = await draft(req, res, 'change');
    const form = formOf(bodyOf(req));
    const action = `/reports/${report.id}`;
    if (form.add) return builder(res, engine.index, form, form.sections.length + 1, action, [], 200, report.id);
    const checked = checkForm(engine.index, form);
    if (checked.kind === 'invalid') return builder(res, engine.index, form, form.sections.length, action, checked.problems, 400, report.id);
    await sql.begin(async (tx) => {
      await updateReport(tx, report.id, checked.definition);
      await accessOf(res).audit(tx, 'change', 'report', String(report.id), `changed report '${checked.definition.title}'`);
    });
    res.redirect(303, action);
  });

  router.post('/reports/:id/publish', changes('report'), async (req, res) => {
    const report = await draft(req, res, 'change');
    const user = signedIn(res);
    const definition = await publishable(res, engine.index, report.definition, 'public');
    const snapshot = snapshotReport(engine.index, definition, new Date());
    const versions = await versionsOf(sql, report.id);
    const next = (versions[0]?.version ?? 0) + 1;
    const pdf = await deps.printer.print(reportPrintHtml(reportView(snapshot, await deps.maps), { number: next, publishedOn: formatDate(new Date()) }), snapshot.title);
    const version = await publishVersion(sql, report.id, snapshot, pdf, user.id);
    await accessOf(res).audit(sql, 'change', 'report', String(report.id), `published version ${version.version} of '${report.title}'`);
    res.redirect(303, `/published/${version.slug}/${version.version}`);
  });

  router.get('/published/:slug', reads('report'), async (req, res) => {
    const versions = await versionsBySlug(sql, slugOf(req));
    if (versions.length === 0) throw notFound('There is no published report at this address.');
    res.redirect(303, `/published/${versions[0]!.slug}/${versions[0]!.version}`);
  });

  router.get('/published/:slug/:version', reads('report'), async (req, res) => {
    const [number, format] = versionOf(req);
    const found = await versionSnapshot(sql, slugOf(req), number);
    if (!found) throw notFound('There is no such published version of this report.');
    const snapshot = found.snapshot as ReportSnapshot;
    const name = `${found.version.slug}-v${found.version.version}`;
    const frozen = (type: string) => res.set('Cache-Control', 'public, max-age=86400, immutable').type(type);
    if (format === 'pdf') return void frozen('application/pdf').attachment(`${name}.pdf`).send(await versionPdf(sql, found.version.slug, number));
    if (format === 'csv') return void frozen('text/csv; charset=utf-8').attachment(`${name}.csv`).send(reportCsv(snapshot));
    if (format === 'xlsx') return void frozen('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${name}.xlsx`).send(await reportXlsx(snapshot));
    const versions = await versionsBySlug(sql, found.version.slug);
    // A version never changes, but the list of later versions does: kept for five minutes.
    renderPage(res, 'reports/published.njk', {
      slug: found.version.slug, report: reportView(snapshot, await deps.maps),
      version: { ...found.version, published: formatDate(found.version.publishedAt) },
      versions: versions.map((v) => ({ version: v.version, published: formatDate(v.publishedAt) })),
    }, 200, 'public, max-age=300');
  });

  return router;

  /** The draft the path names, if the viewer may `action` it; otherwise not found (or 403 when they may read but not change it). */
  async function draft(req: Request, res: Response, action: 'read' | 'change'): Promise<Report> {
    const id = pathId(req.params.id, 'report');
    const access = accessOf(res);
    // No draft is public: a visitor not signed in is asked to sign in, whether
    // or not the report exists, which confirms nothing either way.
    if (access.viewer.kind === 'public') throw new HttpError(401, 'sign_in_required', 'sign in to see draft reports');
    const report = await getReport(sql, id);
    if (!report) throw notSeen(`report ${id}`);
    access.require(action, draftRecord(report), `report ${report.id}`);
    if (action === 'read') await access.auditReads('report', [String(report.id)], `read draft '${report.title}'`);
    return report;
  }

  /**
   * The definition with only the metrics its readers may see in full: for
   * publishing, those the public may read (an early-sight metric before its
   * embargo ends is never published); for a draft, those the viewer may.
   */
  async function publishable(res: Response, index: BenchmarkIndex, definition: ReportDefinition, readers: 'public' | 'viewer'): Promise<ReportDefinition> {
    const codes = [...new Set(definition.sections.flatMap((s) => s.metrics))];
    const metrics = codes.map((code) => index.metric(code)?.metric).filter((m) => m !== undefined);
    let allowed: Set<string>;
    if (readers === 'viewer') {
      allowed = new Set((await readableInFull(res, sql, metrics)).map((m) => m.code));
    } else {
      const releases = await earlySightReleases(sql, metrics.filter((m) => m.status === 'early_sight').map((m) => m.code));
      const now = Date.now();
      allowed = new Set(metrics.filter((m) => decide(PUBLIC_VIEWER, 'read', observationRecord(m.status, releases.get(m.code), null), now).allowed).map((m) => m.code));
    }
    return { ...definition, sections: definition.sections.map((s) => ({ ...s, metrics: s.metrics.filter((m) => allowed.has(m)) })) };
  }
}

/** A draft: restricted to the organisation that holds it, changed by its members. */
function draftRecord(report: Report): GuardedRecord {
  return guardedRecord('report', 'restricted', { ownerOrganisation: report.organisationId, author: report.authorId });
}

function signedIn(res: Response): { id: number; organisationId: number; councilArea: string | null; organisationName: string } {
  const { user } = localsOf(res);
  const viewer = accessOf(res).viewer;
  if (!user || viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', 'Sign in to see your organisation\'s reports.');
  return { id: user.id, organisationId: viewer.organisationId, councilArea: viewer.councilArea, organisationName: user.organisationName };
}

function slugOf(req: Request): string {
  const slug = String(req.params.slug);
  if (!/^[a-z0-9][a-z0-9-]{0,80}$/.test(slug)) throw notFound('There is no published report at this address.');
  return slug;
}

function versionOf(req: Request): [number, 'html' | 'pdf' | 'csv' | 'xlsx'] {
  const match = /^(\d{1,6})(?:\.(pdf|csv|xlsx))?$/.exec(String(req.params.version));
  if (!match) throw notFound('There is no such published version of this report.');
  return [Number(match[1]), (match[2] as 'pdf' | 'csv' | 'xlsx' | undefined) ?? 'html'];
}
