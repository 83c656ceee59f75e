// A challenge's team as pages that work without script: the team booked,
// whether it meets the composition rule and, for those who run the
// challenge, the free peers ranked with their reasons, each linked to the
// booking form; the booking and release forms post and redirect. A refusal
// shows the form again with what was chosen kept and the clash named.
import express from 'express';
import { formatDate } from '../../../domain/format/index.ts';
import { FOCUS_AREA_LABELS, PEER_ROLE_LABELS, PEER_ROLES, STAGE_LABELS, type Candidate } from '../../../domain/peer-challenge/index.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { problemsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { bookToTeam, readTeam, releaseFromTeam, type TeamReading } from './team.ts';

type Form = Record<string, string | undefined>;
const KIND_LABELS: Readonly<Record<string, string>> = { corporate: 'Corporate', safeguarding: 'Safeguarding', adults: "Adults'", childrens: "Children's" };

export function teamPages(sql: Sql, router: express.Router): void {
  router.get('/peer-challenges/:id/team', reads('peer_challenge'), async (req, res) => {
    renderPage(res, 'peer-pool/team.njk', teamView(await readTeam(sql, accessOf(res), req.params.id)));
  });

  router.get('/peer-challenges/:id/team/new', changes('peer_challenge'), async (req, res) => {
    const reading = await readTeam(sql, accessOf(res), req.params.id, 10, 'change');
    await bookingForm(res, reading, { peerId: typeof req.query.peer === 'string' ? req.query.peer : undefined }, [], 200);
  });

  router.post('/peer-challenges/:id/team/new', changes('peer_challenge'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      await bookToTeam(sql, accessOf(res), req.params.id, { peerId: form.peerId, lead: form.lead });
      res.redirect(303, `/peer-challenges/${req.params.id}/team`);
    } catch (error) {
      const problems = problemsOf(error, (field) => (field === 'lead' ? 'lead' : 'peerId'));
      await bookingForm(res, await readTeam(sql, accessOf(res), req.params.id, 10, 'change'), form, problems, (error as { status?: number }).status ?? 400);
    }
  });

  router.get('/peer-challenges/:id/team/release/new', changes('peer_challenge'), async (req, res) => {
    const reading = await readTeam(sql, accessOf(res), req.params.id, 5, 'change');
    releaseForm(res, reading, { peerId: typeof req.query.peer === 'string' ? req.query.peer : undefined }, [], 200);
  });

  router.post('/peer-challenges/:id/team/release/new', changes('peer_challenge'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      await releaseFromTeam(sql, accessOf(res), req.params.id, { peerId: form.peerId, reason: form.reason });
      res.redirect(303, `/peer-challenges/${req.params.id}/team`);
    } catch (error) {
      const problems = problemsOf(error, (field) => (field === 'reason' ? 'reason' : 'peerId'));
      releaseForm(res, await readTeam(sql, accessOf(res), req.params.id, 5, 'change'), form, problems, (error as { status?: number }).status ?? 400);
    }
  });
}

function teamView(reading: TeamReading) {
  const { challenge, team, problems, suggestion, mayChange } = reading;
  return {
    challenge: {
      ...challenge,
      kindLabel: KIND_LABELS[challenge.kind],
      stageLabel: STAGE_LABELS[challenge.stage],
      onSiteText: challenge.onSite ? `${shownDay(challenge.onSite.from)} to ${shownDay(challenge.onSite.to)}` : null,
      focusText: challenge.focusAreas.map((f) => FOCUS_AREA_LABELS[f] ?? f).join('; '),
    },
    team: team.map((m) => ({ ...m, roleLabel: PEER_ROLE_LABELS[m.role], bookedOn: formatDate(m.bookedAt) })),
    problems: problems.map((p) => p.message.charAt(0).toUpperCase() + p.message.slice(1)),
    meets: team.length > 0 && !problems.some((p) => p.field === 'team'),
    mayChange,
    suggestion: suggestion && {
      roles: PEER_ROLES.map((role) => ({ role, label: PEER_ROLE_LABELS[role], available: suggestion.available[role], candidates: suggestion.byRole[role].map(candidateView) })).filter(
        (r) => r.candidates.length > 0,
      ),
      proposed: suggestion.proposed.filter((m) => !team.some((t) => t.peerId === m.peerId)).map((m) => ({ ...m, roleLabel: PEER_ROLE_LABELS[m.role] })),
      unfilled: suggestion.unfilled.map((p) => p.message.charAt(0).toUpperCase() + p.message.slice(1)),
      excluded: suggestion.excluded.length,
    },
  };
}

/** A day (YYYY-MM-DD) as people read it. */
export function shownDay(day: string): string {
  return formatDate(new Date(`${day}T12:00:00Z`));
}

/** A reason as people read it: the focus areas' names for their keys. */
function inWords(reason: string): string {
  return reason.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (key) => FOCUS_AREA_LABELS[key]?.toLowerCase() ?? key.replaceAll('_', ' '));
}

function candidateView(c: Candidate) {
  return { id: c.peer.id, name: c.peer.name, party: c.peer.party, reasons: c.reasons.map(inWords) };
}

async function bookingForm(res: express.Response, reading: TeamReading, form: Form, problems: readonly FieldProblem[], status: number): Promise<void> {
  const view = teamView(reading);
  const items = (view.suggestion?.roles ?? []).flatMap((r) =>
    r.candidates.map((c) => ({ value: c.id, text: `${c.name} (${r.label}${c.party ? `, ${c.party}` : ''})`, hint: { text: c.reasons.join('; ') }, checked: form.peerId === c.id })),
  );
  renderPage(res, 'peer-pool/book.njk', { ...view, items, form, problems, errors: Object.fromEntries(problems.map((p) => [p.field, { text: p.message }])) }, status);
}

function releaseForm(res: express.Response, reading: TeamReading, form: Form, problems: readonly FieldProblem[], status: number): void {
  const view = teamView(reading);
  const items = view.team.map((m) => ({ value: m.peerId, text: `${m.name} (${m.roleLabel}${m.lead ? ', lead' : ''})`, checked: form.peerId === m.peerId }));
  renderPage(res, 'peer-pool/release.njk', { ...view, items, form, problems, errors: Object.fromEntries(problems.map((p) => [p.field, { text: p.message }])) }, status);
}
