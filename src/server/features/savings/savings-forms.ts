// The forms of savings, without script: a council's officer records a
// saving (year, amount, cash-releasing, how long it lasts, source, status
// and its evidence); the council moves it on to claimed or evidenced, and a
// regional partner verifies it. A refusal is the form again with what was
// typed kept and each problem named by its field's label.
import express from 'express';
import type { SavingSource, SavingStatus } from '../../../domain/savings/index.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes } from '../../platform/access/index.ts';
import { capitalise, shownProblems, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { findSaving, moveSavingOn, recordSaving } from './savings.ts';

type Form = Record<string, string | undefined>;

export const SOURCE_LABELS: Readonly<Record<SavingSource, string>> = {
  shared_service: 'A shared service',
  procurement: 'Procurement',
  support_given: 'Support given',
  service_redesign: 'Service redesign',
  other: 'Other',
};

export const STATUS_LABELS: Readonly<Record<SavingStatus, string>> = {
  estimated: 'Estimated',
  claimed: 'Claimed',
  evidenced: 'Evidenced',
  verified: 'Verified',
};

const LABELS: Readonly<Record<string, string>> = {
  council: 'Council',
  year: 'Financial year',
  amount: 'Amount a year',
  lastsFullYears: 'Full financial years it lasts',
  source: 'Where the saving came from',
  description: 'What the saving is',
  status: 'How far it is proven',
  evidence: 'Evidence',
  'evidence.reference': 'The document',
  'evidence.metricCode': 'The metric',
  'evidence.areaCode': 'The area',
  'evidence.period': 'The period',
  verifiedBy: 'Verified by',
  revision: 'Saving',
};

/** The form's field for a use-case's: evidence.reference is the input evidenceReference. */
const FIELD_IDS: Readonly<Record<string, string>> = {
  evidence: 'evidenceKind',
  'evidence.reference': 'evidenceReference',
  'evidence.metricCode': 'evidenceMetric',
  'evidence.areaCode': 'evidenceArea',
  'evidence.period': 'evidencePeriod',
  revision: 'status',
};

function evidenceOf(form: Form) {
  if (form.evidenceKind === 'document') return { kind: 'document', reference: form.evidenceReference ?? '' };
  if (form.evidenceKind === 'observation') return { kind: 'observation', metricCode: form.evidenceMetric ?? '', areaCode: form.evidenceArea ?? '', period: form.evidencePeriod ?? '' };
  return undefined;
}

export function savingFormRoutes(router: express.Router, sql: Sql): void {
  router.get('/savings/new', changes('saving'), (_req, res) => {
    savingForm(res, { status: 'estimated', cashReleasing: 'yes' }, [], 200);
  });

  router.post('/savings/new', changes('saving'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      const made = await recordSaving(sql, accessOf(res), { ...form, evidence: evidenceOf(form) });
      res.redirect(303, `/savings/${made.id}`);
    } catch (error) {
      savingForm(res, form, pageProblems(error), 400);
    }
  });

  router.get('/savings/:id/edit', changes('saving'), async (req, res) => {
    const found = await findSaving(sql, accessOf(res), req.params.id, 'change');
    const evidence = found.evidence;
    const form: Form = {
      revision: String(found.revision),
      evidenceKind: evidence?.kind,
      evidenceReference: evidence?.kind === 'document' ? evidence.reference : undefined,
      evidenceMetric: evidence?.kind === 'observation' ? evidence.metricCode : undefined,
      evidenceArea: evidence?.kind === 'observation' ? evidence.areaCode : undefined,
      evidencePeriod: evidence?.kind === 'observation' ? evidence.period : undefined,
    };
    await moveForm(res, String(req.params.id), form, [], 200);
  });

  router.post('/savings/:id/edit', changes('saving'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      await moveSavingOn(sql, accessOf(res), req.params.id, { status: form.status, evidence: evidenceOf(form), revision: form.revision });
      res.redirect(303, `/savings/${req.params.id}`);
    } catch (error) {
      await moveForm(res, String(req.params.id), form, pageProblems(error), 400);
    }
  });

  async function moveForm(res: express.Response, id: string, form: Form, problems: readonly FieldProblem[], status: number): Promise<void> {
    const access = accessOf(res);
    const found = await findSaving(sql, access, id, 'change');
    const verifier = access.viewer.kind === 'user' && access.viewer.role === 'regional_partner';
    const later = (['claimed', 'evidenced', 'verified'] as const).filter((s) => (verifier ? s === 'verified' : s !== 'verified'));
    renderPage(
      res,
      'savings/move-form.njk',
      { saving: found, statusLabel: STATUS_LABELS[found.status], choices: later.map((s) => ({ value: s, text: STATUS_LABELS[s] })), verifier, form, ...shownProblems(problems) },
      status,
    );
  }
}

function savingForm(res: express.Response, form: Form, problems: readonly FieldProblem[], status: number): void {
  const viewer = accessOf(res).viewer;
  const partner = viewer.kind === 'user' && viewer.role === 'regional_partner';
  renderPage(res, 'savings/saving-form.njk', { form, partner, sources: Object.entries(SOURCE_LABELS).map(([value, text]) => ({ value, text })), ...shownProblems(problems) }, status);
}

/** A use-case's refusal as the form's problems, each named by its field's label and linked to its input. */
function pageProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 409)) throw error;
  const listed = (error.details as { problems?: FieldProblem[] } | undefined)?.problems ?? [{ field: /^'([\w.]+)'/.exec(error.message)?.[1] ?? '', message: error.message }];
  return listed.map((p) => {
    const label = LABELS[p.field];
    const message = label ? p.message.replace(/^'[\w.]+'/, label) : p.message.replace(/^'[\w.]+':? ?/, '');
    return { field: FIELD_IDS[p.field] ?? p.field, message: capitalise(message) };
  });
}
