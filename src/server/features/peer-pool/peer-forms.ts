// The peer pool's forms, without script: adding a peer (managers), and a
// peer's declared conflict, days away and their withdrawal, and a new feed
// address (the peer, or a manager for all but the feed). Each posts and
// redirects to the peer's page, but for the feed, whose address is shown
// once, as it is made; a refusal is the form again, what was typed kept and
// each problem named.
import express from 'express';
import { FOCUS_AREA_LABELS, PEER_ROLE_LABELS, PEER_ROLES } from '../../../domain/peer-challenge/index.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, notSeen } from '../../platform/access/index.ts';
import { problemsOf, shownProblems, type FieldProblem } from '../../platform/http/checked-input.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { renewFeed } from './calendars.ts';
import { COUNCIL_KINDS } from './pool-pages.ts';
import { addPeerAs, declareConflictAs, mayAddPeers, readPeer, recordUnavailable, withdrawConflictAs, withdrawUnavailableAs } from './pool.ts';
import { shownDay } from './team-pages.ts';

type Form = Record<string, string | string[] | undefined>;
const listOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);
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
      renderPage(res, template, { peer, form: {}, ...shownProblems([]) });
    });
    router.post(`/peers/:id/${path}/new`, changes('peer'), async (req, res) => {
      const form = bodyOf(req) as Form;
      try {
        await act(sql, accessOf(res), req.params.id, form);
        res.redirect(303, `/peers/${req.params.id}`);
      } catch (error) {
        const problems = problemsOf(error);
        renderPage(res, template, { peer: await readPeer(sql, accessOf(res), req.params.id, 'change'), form, ...shownProblems(problems) }, statusOf(error));
      }
    });
  }

  router.get('/peers/:id/feed/new', changes('peer'), async (req, res) => {
    renderPage(res, 'peer-pool/feed-form.njk', { peer: await readPeer(sql, accessOf(res), req.params.id, 'change') });
  });

  router.post('/peers/:id/feed/new', changes('peer'), async (req, res) => {
    const { token } = await renewFeed(sql, accessOf(res), req.params.id);
    const peer = await readPeer(sql, accessOf(res), req.params.id, 'change');
    res.set('Cache-Control', 'private, no-store');
    renderPage(res, 'peer-pool/feed-form.njk', { peer, made: `${req.protocol}://${req.get('host') ?? 'localhost'}/peers/feed/${token}.ics` }, 201);
  });

  const withdrawals = [
    ['/peers/:id/unavailable/:item/withdrawal/new', (req: express.Request, res: express.Response, form: Form) => withdrawUnavailableAs(sql, accessOf(res), req.params.id, req.params.item, form)],
    ['/peers/:id/conflicts/:item/withdrawal/new', (req: express.Request, res: express.Response, form: Form) => withdrawConflictAs(sql, accessOf(res), req.params.id, req.params.item, form)],
  ] as const;
  for (const [path, act] of withdrawals) {
    router.get(path, changes('peer'), async (req, res) => {
      await withdrawForm(req, res, {}, [], 200);
    });
    router.post(path, changes('peer'), async (req, res) => {
      const form = bodyOf(req) as Form;
      try {
        await act(req, res, form);
        res.redirect(303, `/peers/${req.params.id}`);
      } catch (error) {
        if ((error as { status?: number }).status === 404) throw error;
        await withdrawForm(req, res, form, problemsOf(error), statusOf(error));
      }
    });
  }

  /** The withdrawal's form: what goes, read from the peer's record; the one not-found answer for days away or a conflict the peer does not have. */
  async function withdrawForm(req: express.Request, res: express.Response, form: Form, problems: readonly FieldProblem[], status: number): Promise<void> {
    const peer = await readPeer(sql, accessOf(res), req.params.id, 'change');
    const item = String(req.params.item);
    const away = req.path.includes('/unavailable/') ? peer.unavailable.find((u) => String(u.id) === item) : undefined;
    const conflict = away ? undefined : peer.conflicts.find((c) => c.councilCode === item.toUpperCase());
    if (!away && !conflict && problems.length === 0) throw notSeen(`days away or declared conflict '${item}' of peer ${peer.id}`);
    const withdrawing = away
      ? {
          heading: 'Withdraw days away',
          what: `${peer.name} will be free again from ${shownDay(away.from)} to ${shownDay(away.to)}; any of these days already past stay on record, and the withdrawal is kept on the peer's record.`,
          needsReason: false,
        }
      : {
          heading: 'Withdraw a declared conflict',
          what: conflict
            ? `${peer.name} declared a conflict with ${conflict.councilName}: ${conflict.reason}. Once withdrawn, Lantern may suggest and book them for its challenges.`
            : `${peer.name}'s conflict with ${item}.`,
          needsReason: true,
        };
    renderPage(res, 'peer-pool/withdraw-form.njk', { peer, withdrawing: { ...withdrawing, action: req.originalUrl.split('?')[0] }, form, ...shownProblems(problems) }, status);
  }
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
      ...shownProblems(problems),
    },
    status,
  );
}
