// The forms of a case, which work without script: opening a case from a
// flag or an item (/cases/new?flag=… or ?item=…), recording the outcome and
// recording a meeting. Each calls the same use-case as the API; a refusal
// comes back as the form again with every typed value kept and each problem
// beside its field.
import express from 'express';
import { LIGHT_TOUCH, LIGHT_TOUCH_LABELS, OUTCOMES, OUTCOME_LABELS, STRANDS, STRAND_LABELS } from '../../../domain/improvement/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { flagsById, itemsById } from '../../../store/cases.ts';
import type { Sql } from '../../../store/store.ts';
import { findUserByEmail } from '../../../store/users.ts';
import { accessOf, changes } from '../../platform/access/index.ts';
import { capitalise, errorsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { flagRecord, itemRecord } from './case-record.ts';
import { caseJson } from './case-view.ts';
import { findCase, openCase } from './cases.ts';
import { recordMeeting, recordOutcome } from './conversation.ts';

type Form = Record<string, string | string[] | undefined>;

const LABELS: Readonly<Record<string, string>> = {
  area: 'Council',
  strands: 'Strands',
  summary: 'What the conversation is about',
  councilRequest: "The council's request",
  flags: 'Evidence',
  items: 'Evidence',
  outcome: 'Outcome',
  reason: 'Why this is the outcome',
  decidedOn: 'Agreed on',
  correction: 'What corrects the appearance of a concern',
  reviewOn: 'Reviewed on',
  lightTouch: 'Light-touch support',
  differenceOfView: 'The difference of view',
  nextDiscussionOn: 'Next discussion on',
  heldOn: 'Held on',
  attendees: 'Who attended',
  noteBody: 'Note',
  noteClassification: 'Who reads it',
  noteReaders: 'Readers',
  stepAction: 'Action',
  stepOwner: 'Owner',
  stepDueOn: 'Due on',
};
/** The API's field as the form's box. */
const BOXES: Readonly<Record<string, string>> = {
  'note.body': 'noteBody',
  'note.classification': 'noteClassification',
  'note.readers': 'noteReaders',
  'nextSteps.action': 'stepAction',
  'nextSteps.owner': 'stepOwner',
  'nextSteps.dueOn': 'stepDueOn',
};

const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const text = (form: Form, name: string) => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};
const optional = (form: Form, name: string) => (text(form, name) === '' ? undefined : text(form, name));

export function caseForms(sql: Sql, _engine: BenchmarkEngine): express.Router {
  const router = express.Router();

  router.get('/cases/new', changes('improvement_case'), async (req, res) => {
    const form: Form = { flags: list(req.query.flag as string | string[] | undefined), items: list(req.query.item as string | string[] | undefined) };
    await newCaseForm(res, form, []);
  });

  router.post('/cases/new', changes('improvement_case'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const body = {
      area: text(form, 'area'),
      strands: list(form.strands),
      summary: text(form, 'summary'),
      councilRequest: optional(form, 'councilRequest'),
      flags: list(form.flags),
      items: list(form.items),
    };
    try {
      const opened = await openCase(sql, accessOf(res), body);
      res.redirect(303, `/cases/${opened.id}`);
    } catch (error) {
      await newCaseForm(res, form, problemsOf(error), (error as HttpError).status);
    }
  });

  router.get('/cases/:id/outcomes/new', changes('improvement_case'), async (req, res) => {
    const found = await findCase(sql, accessOf(res), req.params.id, 'change');
    outcomeForm(res, caseJson(found), {}, []);
  });

  router.post('/cases/:id/outcomes/new', changes('improvement_case'), async (req, res) => {
    const found = await findCase(sql, accessOf(res), req.params.id, 'change');
    const form = bodyOf(req) as Form;
    const fields = ['outcome', 'reason', 'decidedOn', 'correction', 'reviewOn', 'lightTouch', 'differenceOfView', 'nextDiscussionOn', 'councilView'];
    const body = Object.fromEntries(fields.map((f) => [f, f === 'outcome' ? text(form, f) : optional(form, f)]));
    try {
      await recordOutcome(sql, accessOf(res), found.id, body);
      res.redirect(303, `/cases/${found.id}`);
    } catch (error) {
      outcomeForm(res, caseJson(found), form, problemsOf(error), (error as HttpError).status);
    }
  });

  router.get('/cases/:id/meetings/new', changes('improvement_case'), async (req, res) => {
    const found = await findCase(sql, accessOf(res), req.params.id, 'change');
    meetingForm(res, caseJson(found), { noteClassification: 'restricted' }, []);
  });

  router.post('/cases/:id/meetings/new', changes('improvement_case'), async (req, res) => {
    const found = await findCase(sql, accessOf(res), req.params.id, 'change');
    const form = bodyOf(req) as Form;
    try {
      await recordMeeting(sql, accessOf(res), found.id, await meetingBody(sql, form));
      res.redirect(303, `/cases/${found.id}`);
    } catch (error) {
      meetingForm(res, caseJson(found), form, problemsOf(error), (error as HttpError).status);
    }
  });

  /** The form, with the flags and items it cites said in words; one the viewer may not read is left out. */
  async function newCaseForm(res: express.Response, form: Form, problems: readonly FieldProblem[], status = 200) {
    const access = accessOf(res);
    const ids = (name: string) => list(form[name]).flatMap((v) => (/^\d{1,9}$/.test(v) ? [Number(v)] : []));
    const flags = (await flagsById(sql, ids('flags'))).filter((f) => access.may('read', flagRecord(f)));
    const items = (await itemsById(sql, ids('items'))).filter((i) => access.may('read', itemRecord(i)));
    const area = text(form, 'area') || flags[0]?.areaCode || items[0]?.areaCode || '';
    const cited = [...flags.map((f) => ({ name: 'flags', id: f.id, text: `Flag: ${f.sentence}` })), ...items.map((i) => ({ name: 'items', id: i.id, text: `Intelligence: ${i.title}` }))];
    const chosen = list(form.strands);
    const strands = STRANDS.map((s) => ({ value: s, text: STRAND_LABELS[s], checked: chosen.includes(s) }));
    renderPage(res, 'cases/case-new.njk', { form: { ...form, area }, cited, strands, problems, errors: errorsOf(problems) }, status);
  }

  return router;
}

function outcomeForm(res: express.Response, c: ReturnType<typeof caseJson>, form: Form, problems: readonly FieldProblem[], status = 200) {
  const outcomes = OUTCOMES.map((o) => ({ value: o, text: OUTCOME_LABELS[o], checked: form.outcome === o }));
  const lightTouch = LIGHT_TOUCH.map((l) => ({ value: l, text: LIGHT_TOUCH_LABELS[l], checked: form.lightTouch === l }));
  renderPage(res, 'cases/outcome-form.njk', { c, form, outcomes, lightTouch, problems, errors: errorsOf(problems) }, status);
}

function meetingForm(res: express.Response, c: ReturnType<typeof caseJson>, form: Form, problems: readonly FieldProblem[], status = 200) {
  const classifications = [
    { value: 'restricted', text: 'Restricted, like the case: the sector body and the council', checked: form.noteClassification !== 'confidential' },
    { value: 'confidential', text: 'Confidential to you and the readers named', checked: form.noteClassification === 'confidential' },
  ];
  renderPage(res, 'cases/meeting-form.njk', { c, form, classifications, problems, errors: errorsOf(problems) }, status);
}

/** The form's fields as recordMeeting takes them: attendees one a line, readers by email. */
async function meetingBody(sql: Sql, form: Form): Promise<Record<string, unknown>> {
  const attendees = text(form, 'attendees')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name = '', role = '', organisation = ''] = line.split(',').map((part) => part.trim());
      return { name, role: role || 'Not given', organisation: organisation || 'Not given' };
    });
  const readers: number[] = [];
  for (const email of text(form, 'noteReaders')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const user = await findUserByEmail(sql, email);
    if (!user) throw new HttpError(400, 'bad_request', `'noteReaders': there is no user with the address ${email}`);
    readers.push(user.id);
  }
  const note = optional(form, 'noteBody') ? { body: text(form, 'noteBody'), classification: text(form, 'noteClassification') || 'restricted', readers } : undefined;
  const step = optional(form, 'stepAction') ? [{ action: text(form, 'stepAction'), owner: text(form, 'stepOwner'), dueOn: text(form, 'stepDueOn') }] : undefined;
  return { heldOn: text(form, 'heldOn'), attendees, chiefExecutiveLevel: form.chiefExecutiveLevel === 'true', ...(note ? { note } : {}), ...(step ? { nextSteps: step } : {}) };
}

/** A use-case's refusal as the form's problems, each beside its box and named by its label. */
function problemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 409)) throw error;
  const listed = (error.details as { problems?: FieldProblem[] } | undefined)?.problems;
  const given = error.status === 409 || !listed ? [{ field: /^'([\w.[\]]+)'/.exec(error.message)?.[1] ?? '', message: error.message }] : listed;
  return given.map((p) => {
    const plain = p.field.replace(/\[\d+\]/g, '');
    const box = BOXES[plain] ?? plain.split('.')[0]!;
    const label = LABELS[box] ?? box;
    const message = p.message.replace(/^'[\w.[\]]+'(:? ?)/, (_m, colon: string) => `${label}${colon ? ': ' : ' '}`);
    return { field: box, message: capitalise(message) };
  });
}
