// The pages of improvement cases, which work without script: a case as its
// reader may see it (the same view as the API's, so a confidential note
// never reaches a page the API would not show), and the council's page of
// the cases about it with every share ("no surprises", 000 §7). The forms
// are in case-forms.ts.
import express from 'express';
import { OPENED_FROM_LABELS } from '../../../domain/improvement/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { listOrganisations } from '../../../store/organisations.ts';
import { accessOf, reads, shares, type shareJson } from '../../platform/access/index.ts';
import { problemsOf, shownProblems, type FieldProblem } from '../../platform/http/checked-input.ts';
import type { HttpError } from '../../platform/http/http-error.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { areaPath } from './api-inputs.ts';
import { caseForms } from './case-forms.ts';
import { casesAbout, readCase, type CaseView } from './case-view.ts';
import { referCase } from './cases.ts';

type ShareView = ReturnType<typeof shareJson>;

export function casesPages(sql: Sql, engine: BenchmarkEngine): express.Router {
  const router = caseForms(sql, engine);

  router.get('/cases/:id', reads('improvement_case'), async (req, res) => {
    await showCase(res, req.params.id, {}, []);
  });

  // Referral to the Panel, a region or a department: a share, from the case's page.
  router.post('/cases/:id/shares', shares('improvement_case'), async (req, res) => {
    const form = bodyOf(req) as Record<string, string | undefined>;
    try {
      await referCase(sql, accessOf(res), req.params.id, { organisationId: form.organisationId || undefined, reason: form.reason ?? '' });
      res.redirect(303, `/cases/${pathId(req.params.id, 'case')}#shared-with`);
    } catch (error) {
      const problems = problemsOf(error, (field) => (field === 'organisationId' || field === 'say' ? 'organisationId' : 'reason'));
      await showCase(res, req.params.id, form, problems, (error as HttpError).status);
    }
  });

  async function showCase(res: express.Response, idText: unknown, form: Record<string, string | undefined>, problems: readonly FieldProblem[], status = 200) {
    const view = await readCase(sql, accessOf(res), idText);
    const organisations = view.mayRefer ? (await listOrganisations(sql)).filter((o) => o.kind !== 'council') : [];
    const recipients = [{ value: '', text: 'Choose who to refer it to' }, ...organisations.map((o) => ({ value: String(o.id), text: o.name, selected: String(o.id) === form.organisationId }))];
    renderPage(res, 'cases/case.njk', { ...casePage(view), form, recipients, ...shownProblems(problems) }, status);
  }

  router.get('/areas/:code/case', reads('improvement_case'), async (req, res) => {
    const view = await casesAbout(sql, accessOf(res), checked(areaPath, req.params).code);
    const cases = view.cases.map((c) => ({
      ...c,
      rows: [
        { key: { text: 'Stage' }, value: { text: c.stage.label } },
        { key: { text: 'Strands' }, value: { text: c.strands.map((s) => s.label).join(', ') } },
        { key: { text: 'Held by' }, value: { text: `${c.heldBy.name}, led by ${c.leadAdviser.name}` } },
        { key: { text: 'Outcome' }, value: { text: c.outcome ? `${c.outcome.label} (agreed on ${c.outcome.decidedOn})` : 'None agreed yet' } },
        { key: { text: 'Support package' }, value: { text: c.packages.length ? c.packages.map((p) => `agreed on ${p.agreedOn} (${p.status})`).join('; ') : 'None' } },
        ...(c.closure ? [{ key: { text: 'Closed' }, value: { text: `${c.closure.label} on ${c.closure.closedOn}` } }] : []),
      ],
      shareRows: shareRows(c.shares),
    }));
    renderPage(res, 'cases/council-cases.njk', { view, cases });
  });

  return router;
}

/** What the case page shows, worked out once: the template only lays it out. */
export function casePage(view: CaseView) {
  const c = view.case;
  const audience = (n: CaseView['notes'][number]) => (n.classification === 'confidential' ? `Confidential to ${[n.authorName, ...n.readerNames].join(', ')}` : 'Restricted, like the case');
  const notes = view.notes.map((n) => ({ ...n, audience: audience(n) }));
  return {
    view,
    strands: c.strands.map((s) => s.label).join(', '),
    openedFrom: OPENED_FROM_LABELS[c.openedFrom],
    liaisedWith: c.liaisedWith.map((l) => `${l.name} (${l.role})`).join(', '),
    earlierOutcomes: view.outcomes.slice(1).map((o) => [{ text: o.decidedOn }, { text: o.label }, { text: o.reason }]),
    meetings: view.meetings.map((m) => ({
      ...m,
      attendeeText: m.attendees.map((a) => `${a.name}, ${a.role}, ${a.organisation}`).join('; '),
      notes: notes.filter((n) => n.meetingId === m.id),
    })),
    looseNotes: notes.filter((n) => n.meetingId === null),
    steps: view.steps.map((s) => [{ text: s.action }, { text: s.ownerName }, { text: s.dueOn }, { text: s.doneOn ?? 'Not yet' }]),
    events: view.events.map((e) => [
      { text: e.renewsEventId === null ? e.label : `${e.label} (renewal)` },
      { text: e.startsOn },
      { text: e.endsOn ?? 'Continuing' },
      { text: e.days === null ? '' : String(e.days), format: 'numeric' },
      { text: e.description },
    ]),
    shares: shareRows(view.shares),
  };
}

function shareRows(shares: readonly ShareView[]) {
  return shares.map((s) => [
    { text: `${s.with.name ?? ''}${s.revoked ? ' (stopped)' : ''}` },
    { text: s.reason },
    { text: `${s.sharedBy.name}, ${s.sharedBy.organisation}` },
    { text: new Date(s.sharedAt).toISOString().slice(0, 10) },
  ]);
}
