// Peer challenges over HTTP: the programme (signed-in readers), a challenge
// (its holder, council and team), and its changes by peer challenge
// managers, each route declaring its rule and calling the use-case the pages
// call.
import express from 'express';
import { londonDay } from '../../../domain/format/index.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { checkedQuery } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { programmeQuery } from './api-inputs.ts';
import { readChallengeView } from './challenge-view.ts';
import { CHALLENGE_CHANGES, enquire } from './challenges.ts';
import { PROGRAMME_RECORD, programmeAsk, readProgramme } from './programme.ts';

const json = express.json({ limit: '100kb' });
const PRIVATE = 'private, no-store';

export function challengesRouter(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/peer-challenges', reads('peer_challenge'), async (req, res) => {
    const access = accessOf(res);
    access.require('read', PROGRAMME_RECORD, 'peer challenge programme');
    const ask = programmeAsk(checkedQuery(programmeQuery, req.query));
    res.set('Cache-Control', PRIVATE).json(await readProgramme(sql, access, londonDay(new Date(access.now)), ask));
  });

  router.post('/peer-challenges', changes('peer_challenge'), json, async (req, res) => {
    res.status(201).json(await enquire(sql, accessOf(res), bodyOf(req)));
  });

  router.get('/peer-challenges/:id', reads('peer_challenge'), async (req, res) => {
    const view = await readChallengeView(sql, accessOf(res), req.params.id);
    res.set('Cache-Control', PRIVATE).json({ ...view.challenge, steps: view.steps, dueMoves: view.moves, nextSteps: view.nextSteps });
  });

  for (const [path, useCase] of CHALLENGE_CHANGES) {
    router.post(`/peer-challenges/:id/${path}`, changes('peer_challenge'), json, async (req, res) => {
      res.json(await useCase(sql, accessOf(res), req.params.id, bodyOf(req)));
    });
  }

  return router;
}
