// Savings as pages that work without script: the partnership's totals
// against the goal (a year at a time, with the annual report as PDF), a
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
import { annualReport, pounds, yearRows } from './annual-report.ts';
import { savingFormRoutes, SOURCE_LABELS, STATUS_LABELS } from './savings-forms.ts';
import { savingRecord } from './savings.ts';
import { councilSavings, partnershipSavings, readSaving } from './savings-view.ts';

export function savingsPages(sql: Sql, engine: BenchmarkEngine, printer: PdfPrinter): express.Router {
  const router = express.Router();
  savingFormRoutes(router, sql);

  router.get('/savings', reads('saving'), async (req, res) => {
    const access = accessOf(res);
    const partnership = await partnershipSavings(sql, access, engine.index);
    const asked = typeof req.query.year === 'string' ? req.query.year : '';
    const year = partnership.goal.years.includes(asked) ? asked : partnership.goal.years.at(-1)!;
    const viewer = access.viewer;
    renderPage(res, 'savings/partnership.njk', {
      goal: partnership.goal,
      year,
      years: partnership.years.map((y) => ({
        ...y,
        withEvidence: pounds(y.totals.withEvidence.amount),
        estimated: pounds(y.totals.byStatus.estimated.amount),
        claimed: pounds(y.totals.byStatus.claimed.amount),
        target: y.councilsWithTarget > 0 ? pounds(y.target) : 'no baseline',
      })),
      councilCodes: Object.fromEntries(partnership.councils.map((c) => [c.councilName, c.councilCode])),
      ...yearRows(partnership, year),
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
