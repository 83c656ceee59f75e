// Returns as pages that work without script: the calendar of a council's
// returns (or of one metric across councils), a return's page with its
// values beside the published series and the form of its periods, and the
// forms to define a local metric and commit to a return. Each calls the
// same use-case as the API; a refusal comes back as the form again with
// what was typed kept and each problem named by its field's label.
import { Readable } from 'node:stream';
import express from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { returnChart, shownDay, shownValue, STATE_LABELS, STATE_TAGS } from '../../../web/views/return-page.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import type { FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { isPageFile } from '../../platform/http/page-upload.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { readReturn, returnsCalendar, type ReturnReading } from './return-view.ts';
import { confirmValues, enterValues, importValues } from './values.ts';
import { pageProblems, returnFormRoutes } from './returns-forms.ts';
import { returnRecord } from './returns.ts';

type Form = Record<string, string | undefined>;

export function returnsPages(sql: Sql, engine: BenchmarkEngine): express.Router {
  const router = express.Router();
  returnFormRoutes(router, sql, engine);

  router.get('/returns', reads('council_return'), async (req, res) => {
    const council = typeof req.query.council === 'string' ? req.query.council : undefined;
    const metric = typeof req.query.metric === 'string' ? req.query.metric : undefined;
    await calendarPage(res, { council, metric }, [], 200);
  });

  router.post('/returns/upload', changes('council_return'), async (req, res) => {
    const file = (req.body as Record<string, unknown>).file;
    try {
      if (!isPageFile(file))
        throw new HttpError(400, 'bad_request', `'file': choose a CSV or spreadsheet of your council's values`, {
          problems: [{ field: 'file', message: `Choose a CSV or spreadsheet of your council's values` }],
        });
      await importValues(sql, accessOf(res), { fileName: file.fileName, input: Readable.from(file.content) });
      res.redirect(303, '/returns');
    } catch (error) {
      await calendarPage(
        res,
        {},
        pageProblems(error, () => ({ id: 'file', label: 'The file' })),
        400,
      );
    }
  });

  router.get('/returns/:id', reads('council_return'), async (req, res) => {
    await returnPage(res, await readReturn(sql, accessOf(res), engine.index, req.params.id), {}, [], 200);
  });

  router.post('/returns/:id/values', changes('council_return'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const values = Object.keys(form)
      .filter((name) => /^period-\d+$/.test(name))
      .map((name) => name.slice('period-'.length))
      .map((n) => ({ period: form[`period-${n}`], value: form[`value-${n}`] ?? '', note: form[`note-${n}`] ?? '', row: n }));
    try {
      await enterValues(sql, accessOf(res), req.params.id, { values: values.map(({ period, value, note }) => ({ period, value, note })) });
      res.redirect(303, `/returns/${req.params.id}`);
    } catch (error) {
      const problems = pageProblems(error, (field) => {
        const [, index, part] = /^values\[(\d+)\]\.(\w+)$/.exec(field) ?? [];
        const row = index === undefined ? undefined : values[Number(index)];
        if (!row || !part) return { id: 'values', label: '' };
        return { id: `${part === 'note' ? 'note' : 'value'}-${row.row}`, label: `${part === 'note' ? 'The note' : 'The value'} for ${row.period ?? ''}` };
      });
      await returnPage(res, await readReturn(sql, accessOf(res), engine.index, req.params.id), form, problems, 400);
    }
  });

  router.post('/returns/:id/confirm', changes('council_return'), async (req, res) => {
    await confirmValues(sql, accessOf(res), req.params.id, {});
    res.redirect(303, `/returns/${req.params.id}`);
  });

  async function calendarPage(res: express.Response, ask: { council?: string | undefined; metric?: string | undefined }, problems: readonly FieldProblem[], status: number) {
    const access = accessOf(res);
    const rows = access.viewer.kind === 'user' ? await returnsCalendar(sql, access, ask) : [];
    const officer = access.viewer.kind === 'user' && access.viewer.role === 'performance_officer' && access.viewer.councilArea !== null;
    renderPage(
      res,
      'returns/calendar.njk',
      {
        rows: rows.map((r) => ({ ...r, dueShown: shownDay(r.due), stateLabel: STATE_LABELS[r.state], stateTag: STATE_TAGS[r.state] })),
        overdue: rows.filter((r) => r.state === 'overdue').length,
        officer,
        ownCouncil: access.viewer.kind === 'user' ? access.viewer.councilArea : null,
        signedIn: access.viewer.kind === 'user',
        ask,
        problems,
        errors: Object.fromEntries(problems.map((p) => [p.field, { text: p.message }])),
      },
      status,
    );
  }

  return router;
}

function returnPage(res: express.Response, reading: ReturnReading, form: Form, problems: readonly FieldProblem[], status: number): void {
  const found = reading.return;
  const decimals = found.metric.decimals;
  const current = new Map(reading.periods.map((p) => [p.period, p]));
  const mayChange = accessOf(res).may('change', returnRecord(found));
  const rows = reading.calendar.map((entry, n) => {
    const held = current.get(entry.period);
    return {
      n,
      period: entry.period,
      due: shownDay(entry.due),
      stateLabel: STATE_LABELS[entry.state],
      stateTag: STATE_TAGS[entry.state],
      value: held ? shownValue(held.value, decimals) : '',
      provisional: held?.value !== null && held?.provisional === true,
      note: held?.note ?? '',
      history: (held?.history ?? []).map((h) => ({
        value: shownValue(h.value, decimals),
        provisional: h.provisional,
        by: h.enteredByName ?? 'Lantern',
        at: h.enteredAt.toISOString(),
        current: h.current,
      })),
      formValue: form[`value-${n}`] ?? (held?.value === null || held === undefined ? '' : String(held.value)),
      formNote: form[`note-${n}`] ?? held?.note ?? '',
    };
  });
  renderPage(
    res,
    'returns/return.njk',
    {
      found,
      dueRule: reading.dueRule,
      chart: returnChart({
        id: found.id,
        areaName: found.areaName,
        metricTitle: found.metric.title,
        unit: found.metric.unit,
        decimals,
        published: reading.published,
        held: reading.periods.map((p) => ({ period: p.period, value: p.value, provisional: p.provisional })),
      }),
      published: reading.published.map((p) => ({ period: p.period, value: shownValue(p.value, decimals) })),
      rows,
      provisionalCount: rows.filter((r) => r.provisional).length,
      mayChange,
      problems,
      errors: Object.fromEntries(problems.map((p) => [p.field, { text: p.message }])),
    },
    status,
  );
}
