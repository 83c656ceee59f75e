// The Panel's pages, working without script: its meetings, a meeting with its
// agenda, decisions and action monitor, forms to record a meeting, draft the
// agenda from the cases, record a decision or an action, carry the last
// meeting's open actions and report progress; and the pack as PDF. Each form
// calls the same use-case as the API; a refusal shows the meeting again with
// every value kept and each problem beside its own box.
import express from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { PdfPrinter } from '../../../reports/pdf.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { errorsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { meetingRecord } from './support-records.ts';
import { panelPack } from './pack.ts';
import { addPanelMeeting, carryForward, draftAgenda, listPanelMeetings, readMeeting, recordAction, recordDecision, updateActionProgress } from './panel.ts';
import { formProblems, type Form } from './support-forms.ts';

type Act = (form: Form, meetingId: number, res: express.Response) => Promise<unknown>;

export function panelPages(sql: Sql, engine: BenchmarkEngine, printer: PdfPrinter): express.Router {
  const router = express.Router();

  router.get('/panel/meetings', reads('panel_meeting'), async (_req, res) => {
    const access = accessOf(res);
    const mayChange = access.viewer.kind === 'user' && access.may('change', meetingRecord({ ownerOrganisationId: access.viewer.organisationId }));
    renderPage(res, 'support/meetings.njk', { meetings: await listPanelMeetings(sql, access), mayChange });
  });

  router.get('/panel/meetings/new', changes('panel_meeting'), (_req, res) => {
    renderPage(res, 'support/meeting-form.njk', { form: {}, problems: [], errors: {} });
  });

  router.post('/panel/meetings/new', changes('panel_meeting'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      const meeting = await addPanelMeeting(sql, accessOf(res), { title: form.title ?? '', heldOn: form.heldOn?.trim() ?? '' });
      res.redirect(303, `/panel/meetings/${meeting.id}`);
    } catch (error) {
      const problems = formProblems(error);
      renderPage(res, 'support/meeting-form.njk', { form, problems, errors: errorsOf(problems) }, 400);
    }
  });

  router.get('/panel/meetings/:id/pack.pdf', reads('panel_meeting'), async (req, res) => {
    const { pdf } = await panelPack(sql, accessOf(res), engine.index, printer, req.params.id);
    res
      .set('Cache-Control', 'private, no-store')
      .type('application/pdf')
      .attachment(`panel-pack-${pathId(req.params.id, 'Panel meeting')}.pdf`)
      .send(pdf);
  });

  router.get('/panel/meetings/:id', reads('panel_meeting'), async (req, res) => {
    await showMeeting(res, req.params.id, {}, []);
  });

  const act = (path: string, work: Act, box: (field: string) => string = (f) => f) =>
    router.post(`/panel/meetings/:id${path}`, changes('panel_meeting'), async (req, res) => {
      const form = bodyOf(req) as Form;
      const id = pathId(req.params.id, 'Panel meeting');
      try {
        await work(form, id, res);
        res.redirect(303, `/panel/meetings/${id}`);
      } catch (error) {
        const problems = formProblems(error).map((p) => ({ ...p, field: box(p.field) }));
        await showMeeting(res, id, form, problems, error instanceof HttpError && error.status === 409 ? 409 : 400);
      }
    });

  act(
    '/agenda',
    (form, id, res) => draftAgenda(sql, accessOf(res), engine.index, id, { confidentialCases: caseNumbers(form.confidentialCases) }),
    () => 'confidentialCases',
  );
  act('/decisions', (form, id, res) => recordDecision(sql, accessOf(res), id, { decision: form.decision ?? '', ...(form.agendaItem ? { agendaItem: form.agendaItem } : {}) }));
  act(
    '/actions',
    (form, id, res) =>
      recordAction(sql, accessOf(res), id, { action: form.action ?? '', actionBy: form.actionBy ?? '', dueOn: form.dueOn?.trim() ?? '', ...(form.agendaItem ? { agendaItem: form.agendaItem } : {}) }),
    (field) => (field === 'agendaItem' ? 'actionItem' : field),
  );
  act('/actions/carry', (_form, id, res) => carryForward(sql, accessOf(res), id));

  router.post('/panel/meetings/:id/actions/:actionId', changes('panel_meeting'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const id = pathId(req.params.id, 'Panel meeting');
    const actionId = pathId(req.params.actionId, 'Panel action');
    try {
      await updateActionProgress(sql, accessOf(res), id, actionId, { progress: form.progress ?? '', doneOn: form.done === 'yes' ? new Date().toISOString().slice(0, 10) : null });
      res.redirect(303, `/panel/meetings/${id}#action-monitor`);
    } catch (error) {
      const problems = formProblems(error).map((p) => ({ ...p, field: `progress-${actionId}` }));
      await showMeeting(res, id, { [`progress-${actionId}`]: form.progress }, problems, 400);
    }
  });

  async function showMeeting(res: express.Response, idText: unknown, form: Form, problems: readonly FieldProblem[], status = 200) {
    const access = accessOf(res);
    const read = await readMeeting(sql, access, idText);
    const agenda = read.agenda.map((item) => ({
      item,
      decisions: read.decisions.filter((d) => d.agendaItemId === item.id),
      caseLink: item.caseId === null ? null : `/cases/${item.caseId}/package`,
    }));
    const choices = (chosen: string | undefined) => [
      { value: '', text: 'None: a matter of the meeting as a whole' },
      ...read.agenda.map((i) => ({ value: String(i.id), text: `${i.position}. ${i.title}`.slice(0, 120), selected: chosen === String(i.id) })),
    ];
    renderPage(
      res,
      'support/meeting.njk',
      {
        read,
        agenda,
        itemChoices: choices(form.decision === undefined ? undefined : form.agendaItem),
        actionChoices: choices(form.action === undefined ? undefined : form.agendaItem),
        actions: read.actions,
        toCarry: read.toCarry,
        mayChange: access.may('change', meetingRecord(read.meeting)),
        form,
        problems,
        errors: errorsOf(problems),
      },
      status,
    );
  }

  return router;
}

/** Case numbers as typed, separated by commas or spaces; anything else is given as it is, for the use-case to name. */
function caseNumbers(text: string | undefined): unknown[] {
  return (text ?? '')
    .split(/[\s,]+/)
    .filter((t) => t !== '')
    .map((t) => (/^\d{1,9}$/.test(t) ? Number(t) : t));
}
