// The programme as a page and as CSV: the same rows, the same filters (kind,
// stage, overdue, the council's name, and which councils: those that need
// attention or all), all in the query string. The page shows the councils
// that need attention unless asked for all, 25 at a time, the filters kept
// from page to page and across the switch; the CSV gives every council the
// filters keep (those needing attention alone when the page it came from
// showed those). The public is asked to sign in;
// the page reads the store once (the programme's two queries) and does
// little more than filter.
import express from 'express';
import { londonDay } from '../../../domain/format/index.ts';
import { CHALLENGE_KINDS } from '../../../domain/peer-challenge/index.ts';
import { programmeCsv } from '../../../reports/peer-programme-csv.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { listPage } from '../../../web/views/list-pages.ts';
import { KIND_CHOICES, KIND_LABELS, PROGRAMME_PAGE_SIZE, PROGRAMME_RECORD, programmeAsk, readProgramme, STAGE_CHOICES } from './programme.ts';

export function programmePages(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/peer-challenges', reads('peer_challenge'), async (req, res) => {
    const access = accessOf(res);
    const ask = programmeAsk(req.query, 'attention');
    const view = await readProgramme(sql, access, londonDay(new Date(access.now)), ask);
    const filters = Object.entries({ kind: ask.kind, stage: ask.stage, overdue: ask.overdue ? 'yes' : undefined, council: ask.council }).filter((e): e is [string, string] => e[1] !== undefined);
    // The page shows those needing attention by default, so "all" is what its address names; the CSV's default is every council.
    const showing: [string, string][] = ask.show === 'all' ? [['show', 'all']] : [];
    const addressOf = (pairs: [string, string][]) => `/peer-challenges${pairs.length > 0 ? `?${new URLSearchParams(pairs).toString()}` : ''}`;
    const href = (page: number) => addressOf([...filters, ...showing, ...(page > 1 ? [['page', String(page)] as [string, string]] : [])]);
    const switchTo = { attention: addressOf(filters), all: addressOf([...filters, ['show', 'all']]) };
    const csvQuery = new URLSearchParams([...filters, ...(ask.show === 'attention' ? [['show', 'attention'] as [string, string]] : [])]);
    const listed = view ? listPage(view.rows.length, ask.page, PROGRAMME_PAGE_SIZE, href) : null;
    const viewer = access.viewer;
    renderPage(res, 'peer-challenges/programme.njk', {
      view,
      listed,
      rows: view && listed ? view.rows.slice(listed.offset, listed.offset + PROGRAMME_PAGE_SIZE) : [],
      ask,
      csvHref: `/peer-challenges/programme.csv${csvQuery.size > 0 ? `?${csvQuery.toString()}` : ''}`,
      switchTo,
      filters,
      kindChoices: KIND_CHOICES,
      stageChoices: STAGE_CHOICES,
      kindLabels: KIND_LABELS,
      counts: view ? CHALLENGE_KINDS.map((kind) => ({ kind: KIND_LABELS[kind], ...view.counts[kind] })) : [],
      mayOpen: viewer.kind === 'user' && viewer.role === 'peer_challenge_manager',
    });
  });

  router.get('/peer-challenges/programme.csv', reads('peer_challenge'), async (req, res) => {
    const access = accessOf(res);
    access.require('read', PROGRAMME_RECORD, 'peer challenge programme');
    const today = londonDay(new Date(access.now));
    const view = (await readProgramme(sql, access, today, programmeAsk(req.query)))!;
    res.type('text/csv; charset=utf-8').attachment(`peer-challenge-programme-${today}.csv`).send(programmeCsv(view.rows));
  });

  return router;
}
