// The peer pool's forms, without script: adding a peer (managers), and a
// peer's declared conflict, days away and new feed address (the peer, or a
// manager for the first two). Each posts and redirects to the peer's page;
// a refusal is the form again, what was typed kept and each problem named.
import express from 'express';
import { FOCUS_AREA_LABELS, PEER_ROLE_LABELS, PEER_ROLES } from '../../../domain/peer-challenge/index.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes } from '../../platform/access/index.ts';
import { problemsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { renewFeed } from './calendars.ts';
import { COUNCIL_KINDS } from './pool-pages.ts';
import { addPeerAs, declareConflictAs, mayAddPeers, readPeer, recordUnavailable } from './pool.ts';

type Form = Record<string, string | string[] | undefined>;
const listOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);
const shown = (problems: readonly FieldProblem[]) => ({ problems, errors: Object.fromEntries(problems.map((p) => [p.field, { text: p.message }])) });
const statusOf = (error: unknown) => ((error as { status?: number }).status === 409 ? 409 : 400);

export function peerForms(sql: Sql, router: express.Router): void {
  router.get('/peers/new', changes('peer'), (_req, res) => {
    mayAddPeers(accessOf(res));
    peerForm(res, {}, [], 200);
  });

  router.post('/peers/new', changes('peer'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      const added = await addPeerAs(sql, accessOf(res), { ...form, skills: listOf(form.skills), sectorExperience: listOf(form.sectorExperience) });
      res.redirect(303, `/peers/${added.id}`);
    } catch (error) {
      peerForm(res, form, problemsOf(error), statusOf(error));
    }
  });

  for (const [path, template, act] of [
    ['conflicts', 'peer-pool/conflict-form.njk', declareConflictAs],
    ['unavailable', 'peer-pool/unavailable-form.njk', recordUnavailable],
  ] as const) {
    router.get(`/peers/:id/${path}/new`, changes('peer'), async (req, res) => {
      const peer = await readPeer(sql, accessOf(res), req.params.id, 'change');
      renderPage(res, template, { peer, form: {}, ...shown([]) });
    });
    router.post(`/peers/:id/${path}/new`, changes('peer'), async (req, res) => {
      const form = bodyOf(req) as Form;
      try {
        await act(sql, accessOf(res), req.params.id, form);
        res.redirect(303, `/peers/${req.params.id}`);
      } catch (error) {
        const problems = problemsOf(error);
        renderPage(res, template, { peer: await readPeer(sql, accessOf(res), req.params.id, 'change'), form, ...shown(problems) }, statusOf(error));
      }
    });
  }

  router.get('/peers/:id/feed/new', changes('peer'), async (req, res) => {
    renderPage(res, 'peer-pool/feed-form.njk', { peer: await readPeer(sql, accessOf(res), req.params.id, 'change') });
  });

  router.post('/peers/:id/feed/new', changes('peer'), async (req, res) => {
    await renewFeed(sql, accessOf(res), req.params.id);
    res.redirect(303, `/peers/${req.params.id}#feed`);
  });
}

function peerForm(res: express.Response, form: Form, problems: readonly FieldProblem[], status: number): void {
  const skills = listOf(form.skills);
  const kinds = listOf(form.sectorExperience);
  renderPage(
    res,
    'peer-pool/peer-form.njk',
    {
      form,
      roles: PEER_ROLES.map((r) => ({ value: r, text: PEER_ROLE_LABELS[r], checked: form.role === r })),
      skills: Object.entries(FOCUS_AREA_LABELS).map(([value, text]) => ({ value, text, checked: skills.includes(value) })),
      kinds: COUNCIL_KINDS.map((k) => ({ value: k, text: k.charAt(0).toUpperCase() + k.slice(1).replaceAll('_', ' '), checked: kinds.includes(k) })),
      ...shown(problems),
    },
    status,
  );
}
