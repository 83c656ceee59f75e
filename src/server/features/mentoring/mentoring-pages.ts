// Mentoring as pages that work without script: the arrangements the viewer
// may read, one arrangement (its notes for the pair alone), and the forms to
// arrange mentoring, record a session and close it with the mentee's review.
// Each calls the same use-case as the API; a refusal is the form again with
// what was typed kept and each problem named by its field's label.
import express from 'express';
import { guardedRecord } from '../../../domain/access/index.ts';
import { MENTEE_ROLE_LABELS, type MenteeRole } from '../../../domain/mentoring/index.ts';
import { mentorChoices } from '../../../store/mentoring.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { capitalise, shownProblems, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { arrangeMentoring, findArrangement, inPair, listArrangements, readArrangement, recordSession, reviewMentoring } from './mentoring.ts';

type Form = Record<string, string | undefined>;

const LABELS: Readonly<Record<string, string>> = {
  mentor: 'Mentor',
  menteeName: "Mentee's name",
  menteeRole: "Mentee's role",
  council: 'Council',
  menteeUser: "Mentee's user number",
  objectives: 'Objectives',
  startOn: 'First day',
  endOn: 'Last day',
  heldOn: 'Day of the session',
  minutes: 'Length in minutes',
  notes: 'Notes',
  helpful: 'Was it helpful',
  whatChanged: 'What changed',
};

const HELPFUL_LABELS: Readonly<Record<string, string>> = { yes: 'Yes', partly: 'Partly', no: 'No' };

export function mentoringPages(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/mentoring', reads('mentoring'), async (_req, res) => {
    const access = accessOf(res);
    const shown = await listArrangements(sql, access);
    const viewer = access.viewer;
    const provider = viewer.kind === 'user' && ['peer_challenge_manager', 'principal_adviser', 'regional_partner'].includes(viewer.role);
    renderPage(res, 'mentoring/list.njk', { arrangements: shown.map((a) => ({ ...a, roleLabel: MENTEE_ROLE_LABELS[a.menteeRole] })), provider });
  });

  router.get('/mentoring/new', changes('mentoring'), async (_req, res) => {
    await arrangementForm(res, {}, [], 200);
  });

  router.post('/mentoring/new', changes('mentoring'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      const made = await arrangeMentoring(sql, accessOf(res), form);
      res.redirect(303, `/mentoring/${made.id}`);
    } catch (error) {
      await arrangementForm(res, form, pageProblems(error), 400);
    }
  });

  router.get('/mentoring/:id', reads('mentoring'), async (req, res) => {
    const reading = await readArrangement(sql, accessOf(res), req.params.id);
    const a = reading.arrangement;
    const notes = reading.notes ?? [];
    renderPage(res, 'mentoring/arrangement.njk', {
      a,
      roleLabel: MENTEE_ROLE_LABELS[a.menteeRole],
      inPair: reading.inPair,
      isMentee: reading.isMentee,
      sessions: a.sessions.map((s) => ({ ...s, notes: notes.filter((n) => n.sessionId === s.id) })),
      objectives: a.objectives.map((objective, i) => ({ objective, notes: notes.filter((n) => n.objective === i + 1) })),
      helpfulLabel: a.review ? HELPFUL_LABELS[a.review.helpful] : null,
    });
  });

  router.get('/mentoring/:id/sessions/new', changes('mentoring_note'), async (req, res) => {
    await sessionForm(res, String(req.params.id), {}, [], 200);
  });

  router.post('/mentoring/:id/sessions/new', changes('mentoring_note'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const objectiveNotes = Object.keys(form)
      .filter((k) => /^objective-\d+$/.test(k))
      .map((k) => ({ objective: Number(k.slice('objective-'.length)), note: form[k] ?? '' }))
      .filter((n) => n.note.trim() !== '');
    try {
      await recordSession(sql, accessOf(res), req.params.id, { heldOn: form.heldOn, minutes: form.minutes, notes: form.notes, objectiveNotes });
      res.redirect(303, `/mentoring/${req.params.id}`);
    } catch (error) {
      await sessionForm(res, String(req.params.id), form, pageProblems(error), 400);
    }
  });

  router.get('/mentoring/:id/review/new', changes('mentoring_note'), async (req, res) => {
    await reviewForm(res, String(req.params.id), {}, [], 200);
  });

  router.post('/mentoring/:id/review/new', changes('mentoring_note'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      await reviewMentoring(sql, accessOf(res), req.params.id, form);
      res.redirect(303, `/mentoring/${req.params.id}`);
    } catch (error) {
      await reviewForm(res, String(req.params.id), form, pageProblems(error), 400);
    }
  });

  async function arrangementForm(res: express.Response, form: Form, problems: readonly FieldProblem[], status: number): Promise<void> {
    const access = accessOf(res);
    const peers = (await mentorChoices(sql)).filter((p) => access.may('read', guardedRecord('peer', 'restricted', { author: p.userId })));
    const roles = Object.entries(MENTEE_ROLE_LABELS).map(([value, text]) => ({ value, text, checked: form.menteeRole === value }));
    renderPage(res, 'mentoring/arrangement-form.njk', { form, peers, roles, ...shownProblems(problems) }, status);
  }

  async function sessionForm(res: express.Response, id: string, form: Form, problems: readonly FieldProblem[], status: number): Promise<void> {
    const access = accessOf(res);
    const a = await findArrangement(sql, access, id, 'read');
    if (!inPair(access, a)) throw new HttpError(403, 'forbidden', 'only the mentor and the mentee record their sessions', { missing: 'not_in_audience', action: 'change', kind: 'mentoring_note' });
    renderPage(res, 'mentoring/session-form.njk', { a, form, ...shownProblems(problems) }, status);
  }

  async function reviewForm(res: express.Response, id: string, form: Form, problems: readonly FieldProblem[], status: number): Promise<void> {
    const access = accessOf(res);
    const a = await findArrangement(sql, access, id, 'read');
    if (access.viewer.kind !== 'user' || a.menteeUserId !== access.viewer.userId)
      throw new HttpError(403, 'forbidden', 'only the mentee reviews the mentoring', { missing: 'not_author', action: 'change', kind: 'mentoring' });
    renderPage(res, 'mentoring/review-form.njk', { a, form, roleLabel: MENTEE_ROLE_LABELS[a.menteeRole as MenteeRole], ...shownProblems(problems) }, status);
  }

  return router;
}

/** A use-case's refusal as the form's problems, each named by its field's label. */
function pageProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 409)) throw error;
  const listed = (error.details as { problems?: FieldProblem[] } | undefined)?.problems ?? [{ field: /^'([\w.[\]]+)'/.exec(error.message)?.[1] ?? '', message: error.message }];
  return listed.map((p) => {
    const [, index] = /^objectiveNotes\[(\d+)\]/.exec(p.field) ?? [];
    const field = index === undefined ? p.field : 'notes';
    const label = LABELS[field];
    const message = label ? p.message.replace(/^'[\w.[\]]+'/, label) : p.message.replace(/^'[\w.[\]]+':? ?/, '');
    return { field, message: capitalise(message) };
  });
}
