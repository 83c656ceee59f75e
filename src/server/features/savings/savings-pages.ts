// Savings as pages that work without script: the partnership's totals
// against the goal (a year at a time, its councils 25 a page with the
// filters a partner asks for, and the annual report as PDF), a
// council's savings with its progress, and one saving with the steps of its
// status. The forms to record a saving and to move one on are in
// savings-forms.ts. Each page calls the same use-case as the API.
import express from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { PdfPrinter } from '../../../reports/pdf.ts';
import type { SavingsGoal } from '../../../domain/savings/index.ts';
import type { StoredSaving } from '../../../store/savings.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { listPage } from '../../../web/views/list-pages.ts';
import { keptSavingsGoal } from '../../../ingest/savings-goal.ts';
import { annualReport, pounds } from './annual-report.ts';
import { PARTNERSHIP_PAGE_SIZE, partnershipAsk, partnershipPage } from './partnership-page.ts';
import { savingFormRoutes, SOURCE_LABELS, STATUS_LABELS } from './savings-forms.ts';
import { savingRecord } from './savings.ts';
import { councilSavings, readSaving } from './savings-view.ts';

export function savingsPages(sql: Sql, engine: BenchmarkEngine, printer: PdfPrinter): express.Router {
  const router = express.Router();
  savingFormRoutes(router, sql);

  router.get('/savings', reads('saving'), async (req, res) => {
    const access = accessOf(res);
    const goal = keptSavingsGoal();
    const ask = partnershipAsk(req.query as Record<string, unknown>, goal);
    const view = await partnershipPage(sql, access, engine.index, goal, ask);
    const filters = Object.entries({ year: ask.year, council: ask.council, status: ask.status, verified: ask.verified }).filter((e): e is [string, string] => e[1] !== undefined);
    const href = (page: number) => `/savings?${new URLSearchParams([...filters, ...(page > 1 ? [['page', String(page)]] : [])]).toString()}`;
    const viewer = access.viewer;
    renderPage(res, 'savings/partnership.njk', {
      goal,
      year: ask.year,
      ask,
      years: view.years.map((y) => ({
        ...y,
        withEvidence: pounds(y.totals.withEvidence.amount),
        estimated: pounds(y.totals.byStatus.estimated.amount),
        claimed: pounds(y.totals.byStatus.claimed.amount),
        target: y.councilsWithTarget > 0 ? pounds(y.target) : 'no baseline',
      })),
      councils: view.councils,
      rows: view.rows,
      total: view.total,
      notCounted: view.notCounted,
      listed: listPage(view.councils, ask.page, PARTNERSHIP_PAGE_SIZE, href),
      filtered: filters.length > 1,
      yearHref: (year: string) => `/savings?${new URLSearchParams([['year', year], ...filters.filter(([name]) => name !== 'year')]).toString()}`,
      statusChoices: Object.entries(STATUS_LABELS).map(([value, text]) => ({ value, text })),
      ownCouncil: viewer.kind === 'user' ? viewer.councilArea : null,
      mayRecord: viewer.kind === 'user' && viewer.role === 'performance_officer' && viewer.councilArea !== null,
    });
  });

  router.get('/savings/report.pdf', reads('saving'), async (req, res) => {
    const { pdf, view } = await annualReport(sql, accessOf(res), engine.index, printer, req.query.year);
    res
      .set('Cache-Control', 'private, no-store')
      .type('application/pdf')
      .attachment(`savings-${view.year.replace('/', '-')}.pdf`)
      .send(pdf);
  });

  router.get('/savings/councils/:code', reads('saving'), async (req, res) => {
    const access = accessOf(res);
    const council = await councilSavings(sql, access, engine.index, String(req.params.code));
    const holding = { councilCode: council.councilCode, organisationId: council.organisationId };
    renderPage(res, 'savings/council.njk', {
      council,
      years: council.years.map((y) => ({
        year: y.year,
        totals: Object.fromEntries(Object.entries(y.totals.byStatus).map(([s, t]) => [s, pounds(t.amount)])),
        withEvidence: pounds(y.totals.withEvidence.amount),
      })),
      savings: council.savings.map((s) => shown(s)),
      progress: council.progress.years.map((y) => y.sentence),
      notCounted: council.progress.notCounted.map((n) => `${n.saving.year}: ${pounds(n.saving.amount)}, ${n.saving.description} (${n.reason})`),
      rule: council.progress.rule.source,
      baseline: baselineShown(council.progress.goal, council.baselineSpend),
      mayRecord: access.viewer.kind === 'user' && access.viewer.role === 'performance_officer' && access.may('change', savingRecord(holding)),
    });
  });

  router.get('/savings/:id', reads('saving'), async (req, res) => {
    const access = accessOf(res);
    const { saving, steps } = await readSaving(sql, access, req.params.id);
    renderPage(res, 'savings/saving.njk', {
      saving: shown(saving),
      steps: steps.map((s) => ({ ...s, label: STATUS_LABELS[s.status] })),
      mayMove: saving.status !== 'verified' && access.may('change', savingRecord(saving)),
    });
  });

  /** The baseline spend the targets are a share of, with its metric's title (which says where a figure is illustrative) and page. */
  function baselineShown(goal: SavingsGoal, spend: number | null) {
    if (spend === null) return null;
    const title = engine.index.metric(goal.baselineMetric)?.metric.title ?? goal.baselineMetric;
    return {
      share: `${Math.round(goal.share * 1000) / 10}%`,
      spend: pounds(spend),
      title,
      year: goal.baselineYear,
      href: `/metrics/${goal.baselineMetric}?period=${encodeURIComponent(goal.baselineYear)}`,
    };
  }

  return router;
}

function shown(s: StoredSaving) {
  const evidence =
    s.evidence === null ? null : s.evidence.kind === 'document' ? `Document: ${s.evidence.reference}` : `Observation: ${s.evidence.metricCode}, ${s.evidence.areaCode}, ${s.evidence.period}`;
  return { ...s, amountShown: pounds(s.amount), sourceLabel: SOURCE_LABELS[s.source], statusLabel: STATUS_LABELS[s.status], evidenceShown: evidence };
}
