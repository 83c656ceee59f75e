// The release calendar as a page: for each of a council's metrics, its rule
// in words, with whom its values are shared before release, and each
// period's value with when it becomes (or became) public. It reads the same
// use-case as the API, so it shows only what the policy lets the viewer read:
// the public sees what has been released, the council everything it holds.
// The council's performance officers set a metric's rule by a form that
// calls the API's use-case (setRule); a refusal shows the form again naming
// the field, with what was typed.
import express from 'express';
import { formatDate, formatNumber } from '../../../domain/format/index.ts';
import { MAX_MONTHS_AFTER } from '../../../domain/release/index.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { errorsOf, problemsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { readCalendar, readRule, setRule, type CalendarMetric } from './releases.ts';
import { formOfRule, ruleField, ruleFromForm, type Form } from './rule-form.ts';

export function releasesPages(sql: Sql): express.Router {
  const router = express.Router();
  router.get('/releases/:area', reads('council_return'), async (req, res) => {
    const calendar = await readCalendar(sql, accessOf(res), req.params);
    res.set('Cache-Control', 'private, no-store');
    renderPage(res, 'releases/calendar.njk', { council: calendar.council, mayChange: calendar.mayChange, metrics: calendar.metrics.map(metricRows) });
  });

  router.get('/releases/:area/:metric/edit', changes('council_return'), async (req, res) => {
    const held = await readRule(sql, accessOf(res), req.params);
    ruleForm(res, held, formOfRule(held.rule), []);
  });

  router.post('/releases/:area/:metric/edit', changes('council_return'), async (req, res) => {
    const held = await readRule(sql, accessOf(res), req.params);
    const form = bodyOf(req) as Form;
    const { body, problems } = ruleFromForm(form);
    if (problems.length > 0) return ruleForm(res, held, form, problems, 400);
    try {
      await setRule(sql, accessOf(res), req.params, body);
      res.redirect(303, `/releases/${held.council.code}`);
    } catch (error) {
      const named = problemsOf(error, ruleField).map((p) => ({ ...p, message: p.message.replace(/^'(\w+)'/, (_m, field: string) => LABELS[field] ?? field) }));
      ruleForm(res, held, form, named, 400);
    }
  });
  return router;
}

/** The use-case's fields as the form names them, for its messages. */
const LABELS: Readonly<Record<string, string>> = { kind: 'When the values become public', publicFrom: 'The day and time', monthsAfter: 'The months after the period' };

function ruleForm(res: express.Response, held: Awaited<ReturnType<typeof readRule>>, form: Form, problems: readonly FieldProblem[], status = 200) {
  const errors = errorsOf(problems);
  res.set('Cache-Control', 'private, no-store');
  renderPage(res, 'releases/rule-form.njk', { held, form, problems, errors, maxMonths: MAX_MONTHS_AFTER }, status);
}

function metricRows(metric: CalendarMetric) {
  return {
    metric: metric.metric,
    title: metric.title,
    ruleText: metric.ruleText.charAt(0).toUpperCase() + metric.ruleText.slice(1),
    sharedWith: metric.sharedWith.map((s) => s.name),
    rows: metric.values.map((v) => ({
      period: v.period,
      // as entered: a count is whole, a rate to two decimals at most
      value: v.value === null ? 'Not submitted' : formatNumber(v.value, Number.isInteger(v.value) ? 0 : 2),
      status: statusOf(v),
    })),
  };
}

/** Where a value stands on its way to the public, in words. */
function statusOf(v: CalendarMetric['values'][number]): { text: string; tag: string } {
  if (v.officialStands) return { text: 'The official figure stands', tag: 'grey' };
  if (v.releasedAt) return { text: `Public since ${formatDate(v.releasedAt)}`, tag: 'green' };
  if (v.value === null) return { text: 'Not submitted: nothing to release', tag: 'grey' };
  if (v.provisional) return { text: 'Provisional: released only once confirmed', tag: 'yellow' };
  if (v.releaseAt) return { text: `Public from ${formatDate(v.releaseAt, 'minute')}`, tag: 'blue' };
  return { text: 'Private to the council', tag: 'purple' };
}
