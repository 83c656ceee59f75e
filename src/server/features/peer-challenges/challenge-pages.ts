// A challenge's page and the forms that move it, without script: open an
// enquiry for a council, scope it, book the week, take the next step with
// its day (or close it with a reason). Each form carries the revision it was
// read at; each calls the same use-case as the API, and a refusal comes back
// as the form again, what was typed kept and each problem named by its
// field's label (a stale form or a second open enquiry with 409).
import express from 'express';
import { isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import { londonDay } from '../../../domain/format/index.ts';
import { eventsFrom, FOCUS_AREA_LABELS, FOCUS_RULES, STAGE_LABELS, type Stage } from '../../../domain/peer-challenge/index.ts';
import { queryAreas } from '../../../store/catalogue.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { PdfPrinter } from '../../../reports/pdf.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { capitalise, problemsOf, shownProblems, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { readChallengeView, STEP_LABELS } from './challenge-view.ts';
import { dataPack } from './data-pack.ts';
import { CHALLENGE_CHANGES, enquire, findChallenge, LATER_STEPS } from './challenges.ts';
import { KIND_CHOICES } from './programme.ts';

type Form = Record<string, unknown>;

const LABELS: Readonly<Record<string, string>> = {
  councilCode: 'Council',
  kind: 'Kind of challenge',
  enquiredOn: 'Day of the enquiry',
  focusAreas: 'Focus areas',
  from: 'First day on site',
  to: 'Last day on site',
  step: 'Step',
  on: 'Day',
  reason: 'Reason',
  revision: 'This form',
  stage: 'Step',
};

const FOCUS_CHOICES = Object.entries(FOCUS_AREA_LABELS).map(([value, text]) => ({ value, text }));

export function challengePages(sql: Sql, engine: BenchmarkEngine, printer: PdfPrinter): express.Router {
  const router = express.Router();

  router.get('/peer-challenges/:id/data-pack.pdf', reads('peer_challenge'), async (req, res) => {
    const { pdf } = await dataPack(sql, accessOf(res), engine.index, printer, req.params.id);
    res.set('Cache-Control', 'private, no-store').type('application/pdf').attachment(`peer-challenge-${req.params.id}-data-pack.pdf`).send(pdf);
  });

  router.get('/peer-challenges/new', changes('peer_challenge'), async (req, res) => {
    const council = typeof req.query.council === 'string' ? req.query.council : '';
    await enquiryForm(res, { councilCode: council, enquiredOn: londonDay(new Date(accessOf(res).now)) }, [], 200);
  });

  router.post('/peer-challenges', changes('peer_challenge'), async (req, res) => {
    const form = bodyOf(req);
    try {
      const made = await enquire(sql, accessOf(res), form);
      res.redirect(303, `/peer-challenges/${made.id}`);
    } catch (error) {
      await enquiryForm(res, form, formProblems(error), statusOf(error));
    }
  });

  router.get('/peer-challenges/:id', reads('peer_challenge'), async (req, res) => {
    const view = await readChallengeView(sql, accessOf(res), req.params.id);
    renderPage(res, 'peer-challenges/challenge.njk', { view, c: view.challenge, stepLabels: STEP_LABELS });
  });

  router.get('/peer-challenges/:id/scope/edit', changes('peer_challenge'), async (req, res) => {
    const { challenge } = await findChallenge(sql, accessOf(res), req.params.id, 'change');
    changeForm(res, 'scope', challenge, { focusAreas: challenge.focusAreas.length > 0 ? challenge.focusAreas : FOCUS_RULES.kinds[challenge.kind].required }, [], 200);
  });

  router.get('/peer-challenges/:id/week/edit', changes('peer_challenge'), async (req, res) => {
    const { challenge } = await findChallenge(sql, accessOf(res), req.params.id, 'change');
    changeForm(res, 'week', challenge, { from: challenge.onSite?.from ?? '', to: challenge.onSite?.to ?? '' }, [], 200);
  });

  router.get('/peer-challenges/:id/steps/new', changes('peer_challenge'), async (req, res) => {
    const access = accessOf(res);
    const { challenge } = await findChallenge(sql, access, req.params.id, 'change');
    changeForm(res, 'step', challenge, { on: londonDay(new Date(access.now)) }, [], 200);
  });

  for (const [path, useCase] of CHALLENGE_CHANGES) {
    router.post(`/peer-challenges/:id/${path}`, changes('peer_challenge'), async (req, res) => {
      const form = bodyOf(req);
      const access = accessOf(res);
      try {
        await useCase(sql, access, req.params.id, form);
        res.redirect(303, `/peer-challenges/${req.params.id}`);
      } catch (error) {
        const problems = formProblems(error);
        const { challenge } = await findChallenge(sql, access, req.params.id, 'change');
        changeForm(res, path === 'steps' ? 'step' : path, challenge, form, problems, statusOf(error));
      }
    });
  }

  async function enquiryForm(res: express.Response, form: Form, problems: readonly FieldProblem[], status: number): Promise<void> {
    const areas = await queryAreas(sql, { current: true, limit: 5000, offset: 0 });
    const councils = areas.filter((a) => isCouncil(a.type)).map((a) => ({ value: a.code, text: a.name, selected: a.code === form.councilCode }));
    renderPage(res, 'peer-challenges/enquiry-form.njk', { form, councils, kindChoices: KIND_CHOICES, ...shownProblems(problems) }, status);
  }

  return router;
}

type Challenge = Awaited<ReturnType<typeof findChallenge>>['challenge'];

function changeForm(res: express.Response, form: 'scope' | 'week' | 'step', c: Challenge, values: Form, problems: readonly FieldProblem[], status: number): void {
  const chosen = new Set(Array.isArray(values.focusAreas) ? values.focusAreas : typeof values.focusAreas === 'string' ? [values.focusAreas] : []);
  renderPage(
    res,
    'peer-challenges/change-form.njk',
    {
      kind: form,
      c,
      stageLabel: STAGE_LABELS[c.stage],
      revision: typeof values.revision === 'string' && problems.every((p) => p.field !== 'revision') ? values.revision : String(c.revision),
      values,
      focusChoices: FOCUS_CHOICES.map((f) => ({ ...f, checked: chosen.has(f.value), required: FOCUS_RULES.kinds[c.kind].required.includes(f.value) })),
      stepChoices: stepChoices(c.stage).map((s) => ({ value: s, text: STEP_LABELS[s] ?? s, checked: values.step === s })),
      ...shownProblems(problems),
    },
    status,
  );
}

function stepChoices(stage: Stage): string[] {
  const events: readonly string[] = eventsFrom(stage);
  return LATER_STEPS.filter((s) => events.includes(s));
}

function statusOf(error: unknown): number {
  return error instanceof HttpError && error.status === 409 ? 409 : 400;
}

/** A use-case's refusal as the form's problems, each begun with its field's label rather than its API name; a stale form or a step out of order is the whole form's. */
function formProblems(error: unknown): FieldProblem[] {
  return problemsOf(error).map((p) => {
    const id = ({ 'onSite.from': 'from', 'onSite.to': 'to' } as Record<string, string>)[p.field] ?? p.field;
    const message = capitalise(p.message.replace(/^'[\w.]+':? ?/, LABELS[id] ? `${LABELS[id]}: ` : ''));
    return { field: id === 'revision' || id === 'stage' ? '' : id, message };
  });
}
