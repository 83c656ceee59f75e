// The release calendar as a page: for each of a council's metrics, its rule
// in words, with whom its values are shared before release, and each
// period's value with when it becomes (or became) public. It reads the same
// use-case as the API, so it shows only what the policy lets the viewer read:
// the public sees what has been released, the council everything it holds.
import express from 'express';
import { formatDate, formatNumber } from '../../../domain/format/index.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { readCalendar, type CalendarMetric } from './releases.ts';

export function releasesPages(sql: Sql): express.Router {
  const router = express.Router();
  router.get('/releases/:area', reads('council_return'), async (req, res) => {
    const calendar = await readCalendar(sql, accessOf(res), req.params);
    res.set('Cache-Control', 'private, no-store');
    renderPage(res, 'releases/calendar.njk', { council: calendar.council, metrics: calendar.metrics.map(metricRows) });
  });
  return router;
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
