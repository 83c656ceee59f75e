// A challenge's findings and follow-up over HTTP, the same use-cases the
// pages call: the follow-up as JSON (findings with each cited metric since
// the week, recommendations with their actions and evidence, the published
// versions), read through the policy as the challenge's drafts are; adding
// findings, recommendations and publishing (the managers who run it);
// actions and evidence (those managers and the council's performance
// officers); and a published version, public. Each change answers with the
// follow-up as it now stands.
import express from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads, type RequestAccess } from '../../platform/access/index.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { addAction, addChallengeFinding, publish, readFollowUp, readPublished, recommend, recordEvidence, type FollowUp } from './findings.ts';

const json = express.json({ limit: '200kb' });
const PRIVATE = 'private, no-store';

export function findingsRouter(sql: Sql, engine: BenchmarkEngine, router: express.Router): express.Router {
  const followUp = async (access: RequestAccess, id: unknown) => followUpJson(await readFollowUp(sql, access, engine.index, id));

  router.get('/peer-challenges/:id/findings', reads('peer_challenge'), async (req, res) => {
    res.set('Cache-Control', PRIVATE).json(await followUp(accessOf(res), req.params.id));
  });

  const posts = [
    ['findings', 'peer_challenge', (req: express.Request, res: express.Response) => addChallengeFinding(sql, accessOf(res), engine.index, req.params.id, bodyOf(req))],
    ['recommendations', 'peer_challenge', (req: express.Request, res: express.Response) => recommend(sql, accessOf(res), req.params.id, bodyOf(req))],
    ['publications', 'peer_challenge', (req: express.Request, res: express.Response) => publish(sql, accessOf(res), req.params.id, bodyOf(req))],
    [
      'recommendations/:recommendation/actions',
      'challenge_action',
      (req: express.Request, res: express.Response) => addAction(sql, accessOf(res), req.params.id, req.params.recommendation, bodyOf(req)),
    ],
    ['actions/:action/evidence', 'challenge_action', (req: express.Request, res: express.Response) => recordEvidence(sql, accessOf(res), req.params.id, req.params.action, bodyOf(req))],
  ] as const;
  for (const [path, kind, useCase] of posts) {
    router.post(`/peer-challenges/:id/${path}`, changes(kind), json, async (req, res) => {
      await useCase(req, res);
      res
        .status(path.endsWith('evidence') ? 200 : 201)
        .set('Cache-Control', PRIVATE)
        .json(await followUp(accessOf(res), req.params.id));
    });
  }

  router.get('/peer-challenges/:id/publications/:publication', reads('peer_challenge'), async (req, res) => {
    res.json(await readPublished(sql, accessOf(res), req.params.id, req.params.publication));
  });

  return router;
}

function followUpJson(view: FollowUp) {
  const c = view.found.challenge;
  return {
    challenge: { id: Number(c.id), council: { code: c.councilCode, name: c.councilName }, kind: c.kind, stage: c.stage, onSite: c.onSite },
    findings: view.findings.map((f) => ({ id: f.id, finding: f.finding, metrics: f.metrics, writtenAt: f.writtenAt, sinceTheWeek: f.since })),
    recommendations: view.recommendations,
    publications: view.publications.map((p) => ({ id: p.id, document: p.document, version: p.version, publishedAt: p.publishedAt, superseded: p.superseded })),
    mayChange: view.mayChange,
    mayRecordActions: view.mayAct,
  };
}
