// The agreement's forms, which work without script: a council performance
// officer records an agreement (its kind, title, plan years, areas and
// partners, a few partners at a time), and those the policy lets change it
// sign it off, open its annual refresh or import a targets file from the
// agreement's page. Each form
// calls the same use-case as the API; a refusal comes back as the form again
// (400, or 409 for a stale reading naming who changed it) with every typed
// value kept and each problem named by the field's label.
import { Readable } from 'node:stream';
import express from 'express';
import { AGREEMENT_KIND_LABELS, AGREEMENT_KINDS, PARTNER_KIND_LABELS, PARTNER_KINDS } from '../../../domain/targets/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { listOrganisations } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { placeNamed, placeNames } from '../../../web/views/named-choices.ts';
import { accessOf, changes } from '../../platform/access/index.ts';
import { capitalise, errorsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { isPageFile } from '../../platform/http/page-upload.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { addAgreement, openRefresh, signOff } from './agreements.ts';
import { importTargets } from './target-import.ts';

export type Form = Record<string, string | undefined>;

/** Partners and areas given a few at a time: enough for a local area agreement; more are added through the API or a later change. */
export const PARTNER_ROWS = 4;
export const AREA_ROWS = 3;

/** The agreement page again, with the sign-off's or refresh's refusal at its top. */
export type ShowAgreement = (res: express.Response, idText: unknown, problems: readonly FieldProblem[], status: number, form?: Form) => Promise<void>;

/** What a targets file added in a refresh is kept with, as the API's query asks for it. */
const REFRESH_FIELDS = ['reason', 'proposedBy', 'approvedBy', 'changedOn'] as const;
const IMPORT_LABELS: Readonly<Record<string, string>> = {
  'change.reason': 'Reason for the change',
  'change.proposedBy': 'Proposed by',
  'change.approvedBy': 'Approved by',
  'change.changedOn': 'Date of the change',
};

export function agreementForms(sql: Sql, engine: BenchmarkEngine, showAgreement: ShowAgreement): express.Router {
  const router = express.Router();

  router.get('/agreements/new', changes('agreement'), async (_req, res) => {
    await agreementForm(res, {}, []);
  });

  router.post('/agreements/new', changes('agreement'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const { body, problems } = agreementFromForm(engine, form);
    if (problems.length > 0) return agreementForm(res, form, problems, 400);
    try {
      const agreement = await addAgreement(sql, accessOf(res), body);
      res.redirect(303, `/agreements/${agreement.id}`);
    } catch (error) {
      await agreementForm(res, form, formProblems(error, agreementField), 400);
    }
  });

  // Sign-off and refresh are buttons on the agreement's page, each carrying the revision the page was read at.
  for (const [path, act] of [
    ['sign-off', signOff],
    ['refresh', openRefresh],
  ] as const) {
    router.post(`/agreements/:id/${path}`, changes('agreement'), async (req, res) => {
      const form = bodyOf(req) as Form;
      try {
        await act(sql, accessOf(res), req.params.id, { revision: form.revision });
        res.redirect(303, `/agreements/${pathId(req.params.id, 'agreement')}`);
      } catch (error) {
        const problems = formProblems(error, () => 'agreement-actions');
        await showAgreement(res, req.params.id, problems, error instanceof HttpError ? error.status : 400);
      }
    });
  }

  // A targets file, as the API imports one (all or nothing), chosen on the agreement's page; each refused line named by its line and column.
  router.post('/agreements/:id/targets/import', changes('target'), async (req, res) => {
    const form = bodyOf(req);
    const typed = Object.fromEntries(REFRESH_FIELDS.map((name) => [name, typeof form[name] === 'string' ? form[name] : undefined])) as Form;
    const file = form.file;
    if (!isPageFile(file) || file.content.length === 0) {
      return showAgreement(res, req.params.id, [{ field: 'targets-file', message: 'Choose a targets file (CSV) to upload' }], 400, typed);
    }
    const change = typed.reason?.trim() ? { reason: typed.reason, proposedBy: typed.proposedBy, approvedBy: typed.approvedBy, changedOn: typed.changedOn } : undefined;
    try {
      await importTargets(sql, accessOf(res), req.params.id, { fileName: file.fileName, input: Readable.from([file.content]), change });
      res.redirect(303, `/agreements/${pathId(req.params.id, 'agreement')}`);
    } catch (error) {
      const problems =
        lineProblems(error) ??
        formProblems(error, (field) =>
          field.startsWith('change') ? { id: `import-${field.replace(/^change\.?/, '') || 'reason'}`, label: IMPORT_LABELS[field] ?? 'Reason for the change' } : 'targets-file',
        );
      await showAgreement(res, req.params.id, problems, 400, typed);
    }
  });

  async function agreementForm(res: express.Response, form: Form, problems: readonly FieldProblem[], status = 200) {
    const organisations = await listOrganisations(sql);
    const partners = Array.from({ length: PARTNER_ROWS }, (_, i) => {
      const n = i + 1;
      const kind = form[`partner-${n}-kind`] ?? (n === 1 ? 'council' : '');
      const organisation = form[`partner-${n}-organisation`] ?? '';
      return {
        n,
        name: form[`partner-${n}-name`],
        kinds: [{ value: '', text: 'Choose a kind' }, ...PARTNER_KINDS.map((k) => ({ value: k, text: PARTNER_KIND_LABELS[k], selected: k === kind }))],
        organisations: [{ value: '', text: 'Not in Lantern' }, ...organisations.map((o) => ({ value: String(o.id), text: o.name, selected: String(o.id) === organisation }))],
      };
    });
    const kinds = AGREEMENT_KINDS.map((k) => ({ value: k, text: AGREEMENT_KIND_LABELS[k], checked: form.kind === k }));
    const areas = Array.from({ length: AREA_ROWS }, (_, i) => ({ n: i + 1, value: form[`area-${i + 1}`] }));
    renderPage(res, 'targets/agreement-form.njk', { form, kinds, areas, partners, places: placeNames(engine.index), problems, errors: errorsOf(problems) }, status);
  }

  return router;
}

/** The form's fields as addAgreement takes them; what is left unanswered, or names no place, is said all at once. */
function agreementFromForm(engine: BenchmarkEngine, form: Form): { body: Record<string, unknown>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const text = (name: string) => form[name]?.trim() ?? '';
  if (!text('kind')) problems.push({ field: 'kind', message: 'Choose the kind of agreement' });
  if (!text('title')) problems.push({ field: 'title', message: 'Enter the title of the agreement' });
  if (!text('firstYear')) problems.push({ field: 'firstYear', message: 'Enter the first year of the plan, for example 2008/09' });
  if (!text('lastYear')) problems.push({ field: 'lastYear', message: 'Enter the last year of the plan, for example 2010/11' });
  const areas: string[] = [];
  for (let n = 1; n <= AREA_ROWS; n++) {
    if (!text(`area-${n}`)) continue;
    const named = placeNamed(engine.index, text(`area-${n}`), `Area ${n}`);
    if (named.kind === 'found') areas.push(named.code);
    else problems.push({ field: `area-${n}`, message: named.message });
  }
  if (areas.length === 0 && !problems.some((p) => p.field.startsWith('area-'))) problems.push({ field: 'area-1', message: 'Enter at least one area the agreement covers' });
  const partners = [];
  for (let n = 1; n <= PARTNER_ROWS; n++) {
    const [name, kind, organisation] = [text(`partner-${n}-name`), text(`partner-${n}-kind`), text(`partner-${n}-organisation`)];
    if (n > 1 && !name && !organisation) continue;
    if (!name) problems.push({ field: `partner-${n}-name`, message: `Enter the name of partner ${n}${n === 1 ? ', the lead' : ''}` });
    else if (!kind) problems.push({ field: `partner-${n}-kind`, message: `Choose what kind of body partner ${n} is` });
    partners.push({ kind, name, ...(organisation ? { organisation: Number(organisation) } : {}) });
  }
  const cap = text('designatedCap');
  return {
    body: {
      kind: text('kind'),
      title: text('title'),
      firstYear: text('firstYear'),
      lastYear: text('lastYear'),
      areas,
      partners,
      ...(cap ? { designatedCap: /^\d+$/.test(cap) ? Number(cap) : cap } : {}),
    },
    problems,
  };
}

const AGREEMENT_LABELS: Readonly<Record<string, string>> = {
  kind: 'Kind of agreement',
  title: 'Title',
  firstYear: 'First year',
  lastYear: 'Last year',
  designatedCap: 'Designated targets allowed',
};

/** The use-case's field as the form's: 'partners[1].name' is the second partner's name box. */
function agreementField(field: string): { id: string; label: string } {
  const partner = /^partners\[(\d+)\]\.?(\w*)/.exec(field);
  if (partner) return { id: `partner-${Number(partner[1]) + 1}-${partner[2] || 'name'}`, label: `Partner ${Number(partner[1]) + 1}` };
  const area = /^areas\[(\d+)\]/.exec(field);
  if (area || field === 'areas') return { id: `area-${Number(area?.[1] ?? 0) + 1}`, label: 'Area' };
  if (field === 'partners') return { id: 'partner-1-name', label: 'Partners' };
  return { id: field, label: AGREEMENT_LABELS[field] ?? field };
}

/**
 * A use-case's refusal as the form's problems: each linked to the form's own
 * box and worded with its label, not the API's field name. A stale reading
 * (409) keeps its whole message, which names who changed the record and when.
 */
export function formProblems(error: unknown, fieldOf: (field: string) => { id: string; label: string } | string): FieldProblem[] {
  if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 409)) throw error;
  const listed = (error.details as { problems?: FieldProblem[] } | undefined)?.problems;
  const given = error.code === 'stale' || !listed ? [{ field: /^'([\w.[\]]+)'/.exec(error.message)?.[1] ?? '', message: error.message }] : listed;
  return given.map((p) => {
    const named = fieldOf(p.field);
    const { id, label } = typeof named === 'string' ? { id: named, label: '' } : named;
    const message = label ? p.message.replace(/^'[\w.[\]]+'/, label) : p.message.replace(/^'[\w.[\]]+':? ?/, '');
    return { field: id, message: capitalise(message.replace(/'([\w.[\]]+)'/g, (_m, f: string) => nameOf(fieldOf(f), f))) };
  });
}

function nameOf(named: { id: string; label: string } | string, field: string): string {
  return typeof named === 'string' || !named.label ? field : named.label.toLowerCase();
}

/** A refused file's problems, each already naming the file, its line and its column, as the import worded them. */
function lineProblems(error: unknown): FieldProblem[] | undefined {
  const listed = error instanceof HttpError ? (error.details as { problems?: { line?: number; message: string }[] } | undefined)?.problems : undefined;
  if (!listed?.some((p) => p.line !== undefined)) return undefined;
  return listed.map((p) => ({ field: 'targets-file', message: p.message }));
}
