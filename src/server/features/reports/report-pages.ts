// Reports as pages: an organisation's drafts, the builder (a plain form),
// the headline report, publishing (after a page showing what will be
// public) and withdrawing, and the published versions that anyone
// may read with their PDF, CSV and spreadsheet. A draft is a restricted
// record of the author's organisation; a published version is public and
// frozen: it is drawn from the snapshot kept with it, never from the live
// index, and only figures that the public may read are ever published.
import express, { type Request, type Response } from 'express';
import { guardedRecord } from '../../../domain/access/index.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { formatDate } from '../../../domain/format/index.ts';
import type { ReportDefinition } from '../../../domain/report/report-definition.ts';
import { reportCsv, reportPrintHtml, reportXlsx, type Withdrawal } from '../../../reports/report-files.ts';
import type { ReportSnapshot } from '../../../reports/report-snapshot.ts';
import { reportView } from '../../../reports/report-view.ts';
import { listReports, versionPdf, versionsBySlug, versionsOf, versionSnapshot, type ReportVersion } from '../../../store/reports.ts';
import { accessOf, changes, reads, readableInFull } from '../../platform/access/index.ts';
import { problemsAsGiven } from '../../platform/http/checked-input.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { notFound } from '../../platform/http/http-error.ts';
import type { FeatureDeps } from '../../platform/feature.ts';
import { addDraft, changeDraft, draftRecord, findDraft, onlyMetrics, previewPublishing, publishDraft, signedIn, snapshotNow, withdrawPublished } from './drafts.ts';
import { councilNamed } from '../../../web/views/named-choices.ts';
import { builder, definitionOf, emptyForm, formFromDefinition, formOf, headline, headlineDefinition, list, text } from './report-form.ts';

export function reportPages(deps: Pick<FeatureDeps, 'sql' | 'engine' | 'printer' | 'maps'>): express.Router {
  const { sql, engine } = deps;
  const router = express.Router();

  router.get('/reports', reads('report'), async (_req, res) => {
    const access = accessOf(res);
    const user = signedIn(access);
    const reports = await listReports(sql, user.organisationId);
    const readable = await access.reveal(reports, draftRecord, (r) => String(r.id), 'report drafts listed');
    renderPage(res, 'reports/list.njk', {
      mayEdit: access.may('change', guardedRecord('report', 'restricted', { ownerOrganisation: user.organisationId, author: user.userId })),
      reports: readable.map((r) => ({ ...r, updated: formatDate(r.updatedAt) })),
    });
  });

  router.get('/reports/new', changes('report'), (_req, res) => {
    const council = signedIn(accessOf(res)).councilArea;
    builder(res, engine.index, emptyForm(engine.index, council), 1, '/reports', []);
  });

  router.post('/reports', changes('report'), async (req, res) => {
    signedIn(accessOf(res));
    const form = formOf(bodyOf(req));
    if (form.add) return builder(res, engine.index, form, form.sections.length + 1, '/reports', []);
    try {
      const report = await addDraft(sql, accessOf(res), engine.index, definitionOf(engine.index, form));
      res.redirect(303, `/reports/${report.id}`);
    } catch (error) {
      builder(res, engine.index, form, form.sections.length, '/reports', problemsAsGiven(error), 400);
    }
  });

  router.get('/reports/headline/new', changes('report'), (_req, res) => {
    const council = signedIn(accessOf(res)).councilArea;
    headline(res, engine.index, { area: (council && engine.index.area(council)?.name) ?? '', metrics: [] }, []);
  });

  router.post('/reports/headline', changes('report'), async (req, res) => {
    signedIn(accessOf(res));
    const body = bodyOf(req);
    // The council is chosen by name (or code); one not found is the form's problem, not guessed at.
    const form = { area: text(body.area), metrics: list(body.metrics) };
    const council = councilNamed(engine.index, form.area, 'Council');
    if (council.kind === 'not_found') return headline(res, engine.index, form, [{ field: 'area', message: council.message }], 400);
    try {
      const report = await addDraft(sql, accessOf(res), engine.index, headlineDefinition(engine.index, { ...form, area: council.code }), 'headline report');
      res.redirect(303, `/reports/${report.id}`);
    } catch (error) {
      // The headline form has one field of areas and one of metrics, where the definition has sections.
      const problems = problemsAsGiven(error).map((p) =>
        p.field.startsWith('sections') ? { field: 'metrics', message: 'tick at least one figure' } : { field: p.field === 'areas' ? 'area' : p.field, message: p.message },
      );
      headline(res, engine.index, form, problems, 400);
    }
  });

  router.get('/reports/:id', reads('report'), async (req, res) => {
    const report = await findDraft(sql, accessOf(res), req.params.id, 'read');
    const index = engine.index;
    const definition = await readableDefinition(res, index, report.definition);
    const versions = await versionsOf(sql, report.id);
    renderPage(res, 'reports/draft.njk', {
      reportId: report.id,
      slug: report.slug,
      mayEdit: accessOf(res).may('change', draftRecord(report)),
      versions: versions.map(versionWords),
      report: reportView(await snapshotNow(sql, index, definition), await deps.maps),
    });
  });

  // What will be public, before it is: the figures as they would be frozen, the address and files, and what is held back.
  router.get('/reports/:id/publish', changes('report'), async (req, res) => {
    const preview = await previewPublishing(sql, accessOf(res), engine.index, req.params.id);
    renderPage(res, 'reports/publish.njk', {
      reportId: preview.report.id,
      version: preview.version,
      slug: preview.slug,
      heldBack: preview.heldBack,
      report: reportView(preview.snapshot, await deps.maps),
    });
  });

  router.get('/reports/:id/versions/:version/withdraw', changes('report'), async (req, res) => {
    await withdrawalForm(req, res, '', []);
  });

  router.post('/reports/:id/versions/:version/withdraw', changes('report'), async (req, res) => {
    const body = bodyOf(req);
    try {
      const version = await withdrawPublished(sql, accessOf(res), req.params.id, req.params.version, body);
      res.redirect(303, `/published/${version.slug}/${version.version}`);
    } catch (error) {
      await withdrawalForm(req, res, typeof body.reason === 'string' ? body.reason : '', problemsAsGiven(error), 400);
    }
  });

  router.get('/reports/:id/edit', changes('report'), async (req, res) => {
    const report = await findDraft(sql, accessOf(res), req.params.id, 'change');
    const form = formFromDefinition(engine.index, report.definition);
    builder(res, engine.index, form, form.sections.length, `/reports/${report.id}`, [], 200, report.id);
  });

  router.post('/reports/:id', changes('report'), async (req, res) => {
    const report = await findDraft(sql, accessOf(res), req.params.id, 'change');
    const form = formOf(bodyOf(req));
    const action = `/reports/${report.id}`;
    if (form.add) return builder(res, engine.index, form, form.sections.length + 1, action, [], 200, report.id);
    try {
      await changeDraft(sql, accessOf(res), engine.index, report.id, definitionOf(engine.index, form));
      res.redirect(303, action);
    } catch (error) {
      builder(res, engine.index, form, form.sections.length, action, problemsAsGiven(error), 400, report.id);
    }
  });

  router.post('/reports/:id/publish', changes('report'), async (req, res) => {
    const version = await publishDraft(sql, accessOf(res), engine.index, req.params.id, async (snapshot, number) =>
      deps.printer.print(reportPrintHtml(reportView(snapshot, await deps.maps), { number, publishedOn: formatDate(new Date()) }), snapshot.title),
    );
    res.redirect(303, `/published/${version.slug}/${version.version}`);
  });

  router.get('/published/:slug', reads('report'), async (req, res) => {
    const versions = await versionsBySlug(sql, slugOf(req));
    if (versions.length === 0) throw notFound('There is no published report at this address.');
    // The latest version still standing; the latest of all when every one was withdrawn.
    const latest = versions.find((v) => v.withdrawn === null) ?? versions[0]!;
    res.redirect(303, `/published/${latest.slug}/${latest.version}`);
  });

  router.get('/published/:slug/:version', reads('report'), async (req, res) => {
    const [number, format] = versionOf(req);
    const found = await versionSnapshot(sql, slugOf(req), number);
    if (!found) throw notFound('There is no such published version of this report.');
    const snapshot = found.snapshot as ReportSnapshot;
    const name = `${found.version.slug}-v${found.version.version}`;
    const withdrawal = versionWords(found.version).withdrawn;
    // A version's files change once, when it is withdrawn: kept for five minutes, as its page is, not for ever.
    const frozen = (type: string) => res.set('Cache-Control', 'public, max-age=300').type(type);
    if (format === 'pdf')
      return void frozen('application/pdf')
        .attachment(`${name}.pdf`)
        .send(withdrawal ? await withdrawnPdf(snapshot, found.version, withdrawal) : await versionPdf(sql, found.version.slug, number));
    if (format === 'csv') return void frozen('text/csv; charset=utf-8').attachment(`${name}.csv`).send(reportCsv(snapshot, withdrawal));
    if (format === 'xlsx')
      return void frozen('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`${name}.xlsx`)
        .send(await reportXlsx(snapshot, withdrawal));
    const versions = await versionsBySlug(sql, found.version.slug);
    // A version never changes, but the list of later versions does: kept for five minutes.
    renderPage(
      res,
      'reports/published.njk',
      {
        slug: found.version.slug,
        report: reportView(snapshot, await deps.maps),
        version: versionWords(found.version),
        versions: versions.map(versionWords),
      },
      200,
      'public, max-age=300',
    );
  });

  return router;

  async function withdrawalForm(req: Request, res: Response, reason: string, problems: readonly { field: string; message: string }[], status = 200): Promise<void> {
    const report = await findDraft(sql, accessOf(res), req.params.id, 'change');
    const number = pathId(req.params.version, 'version');
    const version = (await versionsOf(sql, report.id)).find((v) => v.version === number);
    if (!version) throw notFound(`${report.title} has no published version ${number}.`);
    renderPage(res, 'reports/withdraw.njk', { reportId: report.id, title: report.title, version: versionWords(version), reason, problems }, status);
  }

  /**
   * A withdrawn version's PDF: printed again from its frozen snapshot, as at
   * publishing, with the withdrawal on its title page. The PDF kept from
   * publishing stays as it was.
   */
  async function withdrawnPdf(snapshot: ReportSnapshot, version: ReportVersion, withdrawn: Withdrawal): Promise<Buffer> {
    const html = reportPrintHtml(reportView(snapshot, await deps.maps), { number: version.version, publishedOn: formatDate(version.publishedAt), withdrawn });
    return deps.printer.print(html, snapshot.title);
  }

  /** The definition with only the metrics the viewer may read in full, for a draft they read. */
  async function readableDefinition(res: Response, index: BenchmarkIndex, definition: ReportDefinition): Promise<ReportDefinition> {
    const codes = [...new Set(definition.sections.flatMap((s) => s.metrics))];
    const metrics = codes.map((code) => index.metric(code)?.metric).filter((m) => m !== undefined);
    return onlyMetrics(definition, new Set((await readableInFull(res, sql, metrics)).map((m) => m.code)));
  }
}

/** A version as pages word it: its dates written out, and its withdrawal if any. */
function versionWords(version: ReportVersion) {
  const { withdrawn } = version;
  return {
    ...version,
    published: formatDate(version.publishedAt),
    withdrawn: withdrawn ? { ...withdrawn, on: formatDate(withdrawn.at) } : null,
  };
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
