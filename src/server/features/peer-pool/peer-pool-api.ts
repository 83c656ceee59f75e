// The peer pool over HTTP: a challenge's team (read, book, release), each
// route declaring its rule and calling one use-case. A booking that clashes
// (a double booking, days the peer cannot give, a conflict) answers 409
// naming the clash.
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { bookToTeam, readTeam, releaseFromTeam, type TeamReading } from './team.ts';

const json = express.json({ limit: '100kb' });
const PRIVATE = 'private, no-store';

export function peerPoolRouter(sql: Sql, router: express.Router = express.Router()): express.Router {
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
