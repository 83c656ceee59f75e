// The peer pool as pages that work without script: the pool with its
// filters (a form that only reads), a peer's page with their days away,
// conflicts, bookings and, for the peer alone, their calendar feed's
// address; "Giving and taking" as a page and CSV; and the calendars: a
// challenge's days on site, and a peer's private feed at its token.
import express from 'express';
import { londonDay } from '../../../domain/format/index.ts';
import { FOCUS_AREA_LABELS, PEER_ROLE_LABELS, PEER_ROLES } from '../../../domain/peer-challenge/index.ts';
import { peerDaysCsv } from '../../../reports/peer-days-csv.ts';
import type { Sql } from '../../../store/store.ts';
import type { PeerRow } from '../../../store/peer-records.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { peerRecord } from '../../platform/access/peer-records.ts';
import { checkedQuery } from '../../platform/http/input-schema.ts';
import { notFound } from '../../platform/http/http-error.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { listPage } from '../../../web/views/list-pages.ts';
import { poolQuery } from './api-inputs.ts';
import { feedCalendar, onSiteCalendar, ownFeedMadeAt } from './calendars.ts';
import { givingAndTaking } from './giving.ts';
import { listVisiblePeers, PEER_PAGE_SIZE, readPeer } from './pool.ts';
import { shownDay } from './team-pages.ts';

/** The kinds of council a peer may have worked in. */
export const COUNCIL_KINDS = ['county', 'district', 'unitary', 'metropolitan_district', 'london_borough', 'city_corporation', 'fire_authority'] as const;
const todayOf = (access: { readonly now: number }) => londonDay(new Date(access.now));
const kindLabel = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1).replaceAll('_', ' ');
const skillLabel = (skill: string) => FOCUS_AREA_LABELS[skill] ?? skill;

export function poolPages(sql: Sql, router: express.Router): void {
  router.get('/peers', reads('peer'), async (req, res) => {
    const access = accessOf(res);
    const { freeFrom, freeTo, page, pageSize, ...filter } = checkedQuery(poolQuery, req.query);
    const free = freeFrom && freeTo ? { from: freeFrom, to: freeTo } : undefined;
    const listed = await listVisiblePeers(sql, access, { ...filter, free }, page, pageSize);
    const manager = access.may('change', peerRecord({ userId: null }));
    const asked = Object.entries({ ...filter, freeFrom, freeTo, pageSize: pageSize === PEER_PAGE_SIZE ? undefined : String(pageSize) }).filter(
      (e): e is [string, string] => e[1] !== undefined && e[1] !== '',
    );
    const href = (n: number) => `/peers?${new URLSearchParams([...asked, ...(n > 1 ? [['page', String(n)]] : [])]).toString()}`.replace(/\?$/, '');
    renderPage(res, 'peer-pool/pool.njk', {
      peers: listed.items.map((p) => rowView(p, todayOf(access))),
      listed: listPage(listed.total, page, pageSize, href),
      manager,
      filter: { ...filter, freeFrom, freeTo },
      roles: PEER_ROLES.map((r) => ({ value: r, text: PEER_ROLE_LABELS[r], selected: filter.role === r })),
      skills: Object.entries(FOCUS_AREA_LABELS).map(([value, text]) => ({ value, text, selected: filter.skill === value })),
      kinds: COUNCIL_KINDS.map((k) => ({ value: k, text: kindLabel(k), selected: filter.experience === k })),
    });
  });

  router.get('/peers/giving-and-taking', reads('peer'), async (_req, res) => {
    const reading = await givingAndTaking(sql, accessOf(res));
    renderPage(res, 'peer-pool/giving.njk', { ...reading, asOfText: shownDay(reading.asOf) });
  });

  router.get('/peers/giving-and-taking.csv', reads('peer'), async (_req, res) => {
    const reading = await givingAndTaking(sql, accessOf(res));
    res.set('Cache-Control', 'private, no-store').type('text/csv').attachment(`giving-and-taking-${reading.asOf}.csv`).send(peerDaysCsv(reading.councils));
  });

  router.get('/peers/feed/:file', reads('peer_challenge'), async (req, res) => {
    const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(String(req.params.file))?.[1];
    if (!token) throw notFound('there is no calendar feed at this address');
    const body = await feedCalendar(sql, token, calendarOptions(req));
    res.set('Cache-Control', 'private, no-store').type('text/calendar; charset=utf-8').send(body);
  });

  router.get('/peers/:id', reads('peer'), async (req, res) => {
    const access = accessOf(res);
    const peer = await readPeer(sql, access, req.params.id);
    const feedMade = await ownFeedMadeAt(sql, access, peer);
    renderPage(res, 'peer-pool/peer.njk', {
      peer: {
        ...rowView(peer, todayOf(access)),
        conflicts: peer.conflicts.map((c) => ({ ...c, declaredOn: shownDay(String(c.declaredAt).slice(0, 10)) })),
        bookings: peer.bookings.map((b) => ({ ...b, kindLabel: kindLabel(b.kind), onSiteText: `${shownDay(b.onSite.from)} to ${shownDay(b.onSite.to)}` })),
        withdrawnAway: peer.withdrawnAway.map((u) => ({ ...u, text: `${shownDay(u.from)} to ${shownDay(u.to)}`, withdrawnOn: shownDay(londonDay(new Date(u.withdrawnAt))) })),
        withdrawnConflicts: peer.withdrawnConflicts.map((c) => ({
          ...c,
          declaredOn: shownDay(String(c.declaredAt).slice(0, 10)),
          withdrawnOn: shownDay(londonDay(new Date(c.withdrawnAt))),
        })),
      },
      mayChange: access.may('change', peerRecord(peer)),
      own: access.viewer.kind === 'user' && access.viewer.userId === peer.userId,
      feed: feedMade && { madeOn: shownDay(feedMade.toISOString().slice(0, 10)) },
    });
  });

  router.get('/peer-challenges/:id/on-site.ics', reads('peer_challenge'), async (req, res) => {
    const body = await onSiteCalendar(sql, accessOf(res), req.params.id, calendarOptions(req));
    res.set('Cache-Control', 'private, no-store').type('text/calendar; charset=utf-8').attachment(`peer-challenge-${req.params.id}.ics`).send(body);
  });
}

function calendarOptions(req: express.Request) {
  const host = req.get('host') ?? 'localhost';
  return { uidDomain: req.hostname || 'localhost', urlOf: (id: number) => `${req.protocol}://${host}/peer-challenges/${id}/team` };
}

function rowView(p: PeerRow, today: string) {
  return {
    ...p,
    roleLabel: PEER_ROLE_LABELS[p.role],
    skillsText: p.skills.map(skillLabel).join('; '),
    experienceText: p.sectorExperience.map(kindLabel).join('; '),
    away: p.unavailable.map((u) => ({ id: u.id, text: `${shownDay(u.from)} to ${shownDay(u.to)}`, reason: u.reason, past: u.to < today })),
  };
}
