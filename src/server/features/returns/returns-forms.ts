// The forms that start a return, without script: a council's officer defines
// a local metric (title, definition, unit, polarity, value kind, period
// kind), then commits to send it, or a library metric, from a first period
// under a due rule. A refusal is the form again, what was typed kept.
import express from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes } from '../../platform/access/index.ts';
import { capitalise, shownProblems, type FieldProblem } from '../../platform/http/checked-input.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { addReturn, councilOfficer, defineLocalMetric, localMetrics } from './returns.ts';

type Form = Record<string, string | undefined>;

const METRIC_LABELS: Readonly<Record<string, string>> = {
  title: 'Title',
  definition: 'Definition',
  unit: 'Unit',
  polarity: 'Which way is better',
  valueKind: 'Kind of value',
  periodKind: 'How often',
};
const RETURN_LABELS: Readonly<Record<string, string>> = {
  metric: 'Metric',
  periodKind: 'How often',
  firstPeriod: 'First period',
  lastPeriod: 'Last period',
  'dueRule.kind': 'When values are due',
  'dueRule.days': 'Working days',
  'dueRule.months': 'Months',
};

export function returnFormRoutes(router: express.Router, sql: Sql, engine: BenchmarkEngine): void {
  router.get('/returns/local-metrics/new', changes('council_return'), (_req, res) => {
    councilOfficer(accessOf(res), 'define local metrics');
    localMetricForm(res, {}, [], 200);
  });

  router.post('/returns/local-metrics/new', changes('council_return'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      const metric = await defineLocalMetric(sql, accessOf(res), form);
      res.redirect(303, `/returns/new?metric=${encodeURIComponent(metric.code)}`);
    } catch (error) {
      localMetricForm(res, form, pageProblems(error, labelled(METRIC_LABELS)), 400);
    }
  });

  router.get('/returns/new', changes('council_return'), async (req, res) => {
    councilOfficer(accessOf(res), 'add returns');
    const metric = typeof req.query.metric === 'string' ? req.query.metric : undefined;
    await returnForm(res, { metric, dueKind: 'working_days_after', days: '20' }, [], 200);
  });

  router.post('/returns/new', changes('council_return'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const dueRule = form.dueKind === 'months_after' ? { kind: form.dueKind, months: form.months } : { kind: form.dueKind, days: form.days };
    try {
      const made = await addReturn(sql, accessOf(res), { metric: form.metric, periodKind: form.periodKind, firstPeriod: form.firstPeriod, lastPeriod: form.lastPeriod, dueRule });
      res.redirect(303, `/returns/${made.id}`);
    } catch (error) {
      await returnForm(res, form, pageProblems(error, labelled(RETURN_LABELS)), 400);
    }
  });

  async function returnForm(res: express.Response, form: Form, problems: readonly FieldProblem[], status: number): Promise<void> {
    const own = await localMetrics(sql, accessOf(res));
    const library = engine.index.metricsByTitle().filter((s) => s.metric.status === 'published' || s.metric.status === 'early_sight');
    renderPage(res, 'returns/return-form.njk', { form, ownMetrics: own, libraryMetrics: library.map((s) => ({ code: s.metric.code, title: s.metric.title })), ...shownProblems(problems) }, status);
  }
}

function localMetricForm(res: express.Response, form: Form, problems: readonly FieldProblem[], status: number): void {
  renderPage(res, 'returns/local-metric-form.njk', { form, ...shownProblems(problems) }, status);
}

function labelled(labels: Readonly<Record<string, string>>) {
  return (field: string) => ({ id: field.replace('dueRule.kind', 'dueKind').replace('dueRule.', ''), label: labels[field] ?? '' });
}

/** A use-case's refusal as the form's problems, each named by its field's label. */
export function pageProblems(error: unknown, fieldOf: (field: string) => { id: string; label: string }): FieldProblem[] {
  if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 409)) throw error;
  const listed = (error.details as { problems?: FieldProblem[] } | undefined)?.problems ?? [{ field: /^'([\w.[\]]+)'/.exec(error.message)?.[1] ?? '', message: error.message }];
  return listed.map((p) => {
    const { id, label } = fieldOf(p.field);
    const message = label ? p.message.replace(/^'[\w.[\]]+'/, label) : p.message.replace(/^'[\w.[\]]+':? ?/, '');
    return { field: id, message: capitalise(message) };
  });
}
