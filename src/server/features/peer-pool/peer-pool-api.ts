// The peer pool over HTTP: peers (listed with filters, read, added), their
// declared conflicts and days away (and their withdrawal), feed address; "Giving and taking" as
// JSON or CSV; and a challenge's team (read, book, release). Each route
// declares its rule and calls one use-case. A booking that clashes (a
// double booking, days the peer cannot give, a conflict) answers 409 naming
// the clash.
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { checkedQuery } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { peerDaysCsv } from '../../../reports/peer-days-csv.ts';
import { givingQuery, poolQuery } from './api-inputs.ts';
import { renewFeed } from './calendars.ts';
import { givingAndTaking } from './giving.ts';
import { addPeerAs, declareConflictAs, listVisiblePeers, readPeer, recordUnavailable, withdrawConflictAs, withdrawUnavailableAs } from './pool.ts';
import { bookToTeam, readTeam, releaseFromTeam, type TeamReading } from './team.ts';

const json = express.json({ limit: '100kb' });
const PRIVATE = 'private, no-store';

export function peerPoolRouter(sql: Sql, router: express.Router = express.Router()): express.Router {
  router.get('/peers', reads('peer'), async (req, res) => {
    const { freeFrom, freeTo, page, pageSize, ...filter } = checkedQuery(poolQuery, req.query);
    const free = freeFrom && freeTo ? { from: freeFrom, to: freeTo } : undefined;
    const listed = await listVisiblePeers(sql, accessOf(res), { ...filter, free }, page, pageSize);
    res.set('Cache-Control', PRIVATE).json({ ...listed, pages: Math.max(1, Math.ceil(listed.total / pageSize)) });
  });

  router.post('/peers', changes('peer'), json, async (req, res) => {
    const added = await addPeerAs(sql, accessOf(res), bodyOf(req));
    res.status(201).set('Location', `/api/peers/${added.id}`).json(added);
  });

  router.get('/peers/giving-and-taking', reads('peer'), async (req, res) => {
    const { format } = checkedQuery(givingQuery, req.query);
    const reading = await givingAndTaking(sql, accessOf(res));
    if (format === 'csv') {
      res.set('Cache-Control', PRIVATE).type('text/csv').attachment(`giving-and-taking-${reading.asOf}.csv`).send(peerDaysCsv(reading.councils));
      return;
    }
    res.set('Cache-Control', PRIVATE).json(reading);
  });

  router.get('/peers/:id', reads('peer'), async (req, res) => {
    res.set('Cache-Control', PRIVATE).json(await readPeer(sql, accessOf(res), req.params.id));
  });

  router.post('/peers/:id/conflicts', changes('peer'), json, async (req, res) => {
    res.status(201).json(await declareConflictAs(sql, accessOf(res), req.params.id, bodyOf(req)));
  });

  router.post('/peers/:id/unavailable', changes('peer'), json, async (req, res) => {
    res.status(201).json(await recordUnavailable(sql, accessOf(res), req.params.id, bodyOf(req)));
  });

  router.post('/peers/:id/unavailable/:span/withdraw', changes('peer'), json, async (req, res) => {
    res.json(await withdrawUnavailableAs(sql, accessOf(res), req.params.id, req.params.span, req.body === undefined ? {} : bodyOf(req)));
  });

  router.post('/peers/:id/conflicts/:council/withdraw', changes('peer'), json, async (req, res) => {
    res.json(await withdrawConflictAs(sql, accessOf(res), req.params.id, req.params.council, bodyOf(req)));
  });

  router.post('/peers/:id/feed', changes('peer'), async (req, res) => {
    const { token } = await renewFeed(sql, accessOf(res), req.params.id);
    res
      .status(201)
      .set('Cache-Control', PRIVATE)
      .json({ token, address: `/peers/feed/${token}.ics` });
  });

  router.get('/peer-challenges/:id/team', reads('peer_challenge'), async (req, res) => {
    res.set('Cache-Control', PRIVATE).json(teamJson(await readTeam(sql, accessOf(res), req.params.id, 10)));
  });

  router.post('/peer-challenges/:id/team', changes('peer_challenge'), json, async (req, res) => {
    res.status(201).json(await bookToTeam(sql, accessOf(res), req.params.id, bodyOf(req)));
  });

  router.post('/peer-challenges/:id/team/release', changes('peer_challenge'), json, async (req, res) => {
    res.json(await releaseFromTeam(sql, accessOf(res), req.params.id, bodyOf(req)));
  });

  return router;
}

function teamJson(reading: TeamReading) {
  const { challenge, team, problems, suggestion } = reading;
  return {
    challenge: { id: challenge.id, council: { code: challenge.councilCode, name: challenge.councilName }, kind: challenge.kind, stage: challenge.stage, onSite: challenge.onSite },
    team: team.map((m) => ({ bookingId: m.bookingId, peerId: Number(m.peerId), name: m.name, role: m.role, lead: m.lead, onSite: m.onSite, bookedAt: m.bookedAt })),
    meetsComposition: team.length > 0 && !problems.some((p) => p.field === 'team'),
    problems,
    suggestion:
      suggestion === null
        ? null
        : {
            byRole: Object.fromEntries(
              Object.entries(suggestion.byRole).map(([role, candidates]) => [
                role,
                candidates.map((c) => ({ peerId: Number(c.peer.id), name: c.peer.name, party: c.peer.party, councilCode: c.peer.councilCode, reasons: c.reasons })),
              ]),
            ),
            available: suggestion.available,
            proposed: suggestion.proposed.map((m) => ({ peerId: Number(m.peerId), name: m.name, role: m.role, lead: m.lead })),
            unfilled: suggestion.unfilled,
            excluded: suggestion.excluded.length,
          },
  };
}
