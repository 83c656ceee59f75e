// A challenge's findings and follow-up as pages, without script: the
// follow-up (findings with each cited metric since the week, the report and
// action plan as published, recommendations with their actions and
// evidence), its forms (findings, recommendations and publishing for the
// managers; actions and evidence for them and the council's performance
// officers), and each published version for anyone. A refusal shows the forms again, what was typed kept and each
// problem beside its field.
import express from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { formatDate } from '../../../domain/format/index.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { problemsOf, shownProblems, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { addAction, addChallengeFinding, publish, readFollowUp, readPublished, recommend, recordEvidence } from './findings.ts';

type Form = Record<string, unknown>;

const LABELS: Readonly<Record<string, string>> = {
  finding: 'Finding',
  metrics: 'Metrics cited',
  document: 'Document',
  body: 'Text to publish',
  recommendation: 'Recommendation',
  action: 'Action',
  dueOn: 'Due',
  evidence: 'Evidence',
  doneOn: 'Day done',
};

export function findingsPages(sql: Sql, engine: BenchmarkEngine): express.Router {
  const router = express.Router();

  router.get('/peer-challenges/:id/follow-up', reads('peer_challenge'), async (req, res) => {
    await followUpPage(res, req.params.id, false, {}, [], 200);
  });

  router.get('/peer-challenges/:id/follow-up/edit', changes('challenge_action'), async (req, res) => {
    await followUpPage(res, req.params.id, true, {}, [], 200);
  });

  const posts: readonly [string, 'peer_challenge' | 'challenge_action', string, (req: express.Request, res: express.Response, form: Form) => Promise<unknown>][] = [
    ['/peer-challenges/:id/findings', 'peer_challenge', '', (req, res, form) => addChallengeFinding(sql, accessOf(res), engine.index, req.params.id, form)],
    ['/peer-challenges/:id/publications', 'peer_challenge', '', (req, res, form) => publish(sql, accessOf(res), req.params.id, form)],
    ['/peer-challenges/:id/recommendations', 'peer_challenge', '', (req, res, form) => recommend(sql, accessOf(res), req.params.id, form)],
    ['/peer-challenges/:id/recommendations/:item/actions', 'challenge_action', 'r', (req, res, form) => addAction(sql, accessOf(res), req.params.id, req.params.item, form)],
    ['/peer-challenges/:id/actions/:item/evidence', 'challenge_action', 'a', (req, res, form) => recordEvidence(sql, accessOf(res), req.params.id, req.params.item, form)],
  ];
  for (const [path, kind, suffix, useCase] of posts) {
    router.post(path, changes(kind), async (req, res) => {
      const form = bodyOf(req);
      const id = suffix === '' ? '' : `-${suffix}${String(req.params.item)}`;
      try {
        await useCase(req, res, form);
        res.redirect(303, `/peer-challenges/${req.params.id}/follow-up/edit`);
      } catch (error) {
        const problems = problemsOf(error).map((p) => ({ field: `${p.field}${id}`, message: p.message.replace(/^'(\w+)':? ?/, (_, f: string) => `${LABELS[f] ?? f}: `) }));
        const kept = Object.fromEntries(Object.entries(form).map(([k, v]) => [`${k}${id}`, v]));
        await followUpPage(res, req.params.id, true, kept, problems, error instanceof HttpError && error.status === 409 ? 409 : 400);
      }
    });
  }

  router.get('/peer-challenges/:id/publications/:publication', reads('peer_challenge'), async (req, res) => {
    const p = await readPublished(sql, accessOf(res), req.params.id, req.params.publication);
    renderPage(res, 'peer-challenges/publication.njk', { p, publishedOn: formatDate(p.publishedAt), title: p.document === 'report' ? 'Peer challenge report' : 'Action plan' });
  });

  async function followUpPage(res: express.Response, idText: unknown, editing: boolean, form: Form, problems: readonly FieldProblem[], status: number): Promise<void> {
    const view = await readFollowUp(sql, accessOf(res), engine.index, idText);
    if (editing && !view.mayAct) {
      throw new HttpError(403, 'forbidden', "only the peer challenge managers who run it and the council's performance officers change its follow-up", {
        missing: 'not_author',
        action: 'change',
        kind: 'challenge_action',
      });
    }
    renderPage(
      res,
      'peer-challenges/follow-up.njk',
      {
        view,
        c: view.found.challenge,
        editing,
        form,
        publications: view.publications.map((p) => ({ ...p, publishedOn: formatDate(p.publishedAt) })),
        ...shownProblems(problems),
      },
      status,
    );
  }

  return router;
}
