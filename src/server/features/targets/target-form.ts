// A target as a form, which works without script: added to an agreement or
// changed, its metric chosen by name, its areas and partners from the
// agreement's own, its tolerance rule in a few boxes. In a refresh the form
// asks for the change's reason, proposer, approver and date, as the API's
// `change`. A change carries the revision the form was read at: a stale one
// comes back (409) naming who changed the target since, with what was typed
// kept. Each refusal is named by the field's label, every value kept.
import express from 'express';
import { INDICATOR_ROLE_LABELS, INDICATOR_ROLES, TARGET_KIND_LABELS, TARGET_KINDS, TRAJECTORY_SHAPE_LABELS, TRAJECTORY_SHAPES } from '../../../domain/targets/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Agreement } from '../../../store/agreements.ts';
import type { Sql } from '../../../store/store.ts';
import type { StoredTarget } from '../../../store/targets.ts';
import { metricNamed, metricTitles } from '../../../web/views/named-choices.ts';
import { accessOf, changes } from '../../platform/access/index.ts';
import { errorsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { findAgreement, refuseSigned } from './agreements.ts';
import { formProblems } from './targets-forms.ts';
import { addTarget, changeTarget, targetOf } from './targets.ts';

type Form = Record<string, string | string[] | undefined>;

export function targetForms(sql: Sql, engine: BenchmarkEngine): express.Router {
  const router = express.Router();

  router.get('/agreements/:id/targets/new', changes('target'), async (req, res) => {
    const agreement = await changeable(req.params.id, res);
    targetForm(res, agreement, undefined, { ruleKind: 'relative', kind: 'local', indicatorRole: 'performance', trajectoryShape: 'straight' }, []);
  });

  router.post('/agreements/:id/targets/new', changes('target'), async (req, res) => {
    const agreement = await changeable(req.params.id, res);
    const form = bodyOf(req) as Form;
    const { body, problems } = targetFromForm(engine, agreement, form);
    if (problems.length > 0) return targetForm(res, agreement, undefined, form, problems, 400);
    try {
      const target = await addTarget(sql, accessOf(res), agreement.id, body);
      res.redirect(303, `/agreements/${agreement.id}/targets/${target.id}`);
    } catch (error) {
      targetForm(res, agreement, undefined, form, formProblems(error, targetField), statusOf(error));
    }
  });

  router.get('/agreements/:id/targets/:targetId/edit', changes('target'), async (req, res) => {
    const agreement = await changeable(req.params.id, res);
    const target = await targetOf(sql, agreement, req.params.targetId);
    targetForm(res, agreement, target, formOf(engine, agreement, target), []);
  });

  router.post('/agreements/:id/targets/:targetId/edit', changes('target'), async (req, res) => {
    const agreement = await changeable(req.params.id, res);
    const target = await targetOf(sql, agreement, req.params.targetId);
    const form = bodyOf(req) as Form;
    const { body, problems } = targetFromForm(engine, agreement, form);
    if (problems.length > 0) return targetForm(res, agreement, target, form, problems, 400);
    try {
      await changeTarget(sql, accessOf(res), agreement.id, target.id, { ...body, revision: form.revision });
      res.redirect(303, `/agreements/${agreement.id}/targets/${target.id}`);
    } catch (error) {
      // Stale: what was typed is kept against the revision now stored, so that sending it again, knowingly, replaces the other change.
      const now = error instanceof HttpError && error.code === 'stale' ? (error.details as { revision?: number }).revision : undefined;
      targetForm(res, agreement, target, now === undefined ? form : { ...form, revision: String(now) }, formProblems(error, targetField), statusOf(error));
    }
  });

  /** The agreement, if the viewer may change it and it is open to change: a signed-off one says why at once. */
  async function changeable(idText: unknown, res: express.Response): Promise<Agreement> {
    const agreement = await findAgreement(sql, accessOf(res), idText, 'change');
    refuseSigned(agreement);
    return agreement;
  }

  function targetForm(res: express.Response, agreement: Agreement, target: StoredTarget | undefined, form: Form, problems: readonly FieldProblem[], status = 200) {
    const one = (name: string) => String(form[name] ?? '');
    const chosen = (name: string) => listOf(form[name]);
    const radios = <K extends string>(name: string, values: readonly K[], labels: Readonly<Record<K, string>>) => values.map((v) => ({ value: v, text: labels[v], checked: one(name) === v }));
    const names = (p: { name: string }) => p.name;
    renderPage(
      res,
      'targets/target-form.njk',
      {
        agreement: { id: agreement.id, title: agreement.title, status: agreement.status, version: agreement.version },
        target,
        action: target ? `/agreements/${agreement.id}/targets/${target.id}/edit` : `/agreements/${agreement.id}/targets/new`,
        refresh: agreement.status === 'in_refresh',
        form,
        metrics: metricTitles(engine.index),
        areas: agreement.areas.map((code) => ({ value: code, text: engine.index.area(code)?.name ?? code, checked: chosen('areas').includes(code) })),
        kinds: radios('kind', TARGET_KINDS, TARGET_KIND_LABELS),
        roles: radios('indicatorRole', INDICATOR_ROLES, INDICATOR_ROLE_LABELS),
        shapes: radios('trajectoryShape', TRAJECTORY_SHAPES, TRAJECTORY_SHAPE_LABELS),
        ruleKinds: radios('ruleKind', RULE_KINDS, RULE_LABELS),
        measures: radios('measure', ['absolute', 'percent'] as const, { absolute: 'Units of the metric', percent: 'Percent of the trajectory' }),
        leads: [{ value: '', text: 'Choose the lead partner' }, ...agreement.partners.map(names).map((n) => ({ value: n, text: n, selected: one('leadPartner') === n }))],
        contributors: agreement.partners.map(names).map((n) => ({ value: n, text: n, checked: chosen('contributingPartners').includes(n) })),
        problems,
        errors: errorsOf(problems),
      },
      status,
    );
  }

  return router;
}

const RULE_KINDS = ['relative', 'absolute', 'statistical', 'two_bands'] as const;
const RULE_LABELS = {
  relative: 'Relative: within a percentage of the trajectory',
  absolute: 'Absolute: within a number of units of the trajectory',
  statistical: "Statistical: against the actual's 95% interval",
  two_bands: 'Two bands: green or red, no amber',
} as const;

function statusOf(error: unknown): number {
  return error instanceof HttpError && error.status === 409 ? 409 : 400;
}

function listOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A number as typed, or the text itself, so that the use-case's refusal names what was typed. */
function figure(text: string): number | string {
  return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

/** The form's fields as addTarget and changeTarget take them; a metric that names nothing is said here, in words. */
function targetFromForm(engine: BenchmarkEngine, agreement: Agreement, form: Form): { body: Record<string, unknown>; problems: FieldProblem[] } {
  const text = (name: string) => String(form[name] ?? '').trim();
  const problems: FieldProblem[] = [];
  const metric = metricNamed(engine.index, text('metric'), 'Metric');
  if (metric.kind === 'not_found') problems.push({ field: 'metric', message: metric.message });
  if (!text('reference')) problems.push({ field: 'reference', message: "Enter the target's reference, for example NI 56" });
  if (!text('leadPartner')) problems.push({ field: 'leadPartner', message: 'Choose the lead partner' });
  const areas = listOf(form.areas);
  const shape = text('trajectoryShape') || 'straight';
  const given = (name: string) => (text(name) === '' ? null : text(name));
  const body: Record<string, unknown> = {
    reference: text('reference'),
    metric: metric.kind === 'found' ? metric.code : text('metric'),
    areas: areas.length > 0 ? areas : [...agreement.areas],
    kind: text('kind'),
    indicatorRole: text('indicatorRole') || 'performance',
    baseline: text('baselinePeriod') || text('baselineValue') ? { period: text('baselinePeriod'), value: figure(text('baselineValue')) } : null,
    targetPeriod: text('targetPeriod'),
    targetValue: text('targetValue') === '' ? null : figure(text('targetValue')),
    trajectoryShape: shape,
    leadPartner: text('leadPartner'),
    contributingPartners: listOf(form.contributingPartners),
    toleranceRule: ruleOf(text),
    placeholderDue: given('placeholderDue'),
    worseThanBaselineReason: given('worseThanBaselineReason'),
  };
  if (shape !== 'straight' || text('trajectory') !== '') body.trajectory = trajectoryOf(text('trajectory'));
  if (agreement.status === 'in_refresh') body.change = { reason: text('reason'), proposedBy: text('proposedBy'), approvedBy: text('approvedBy'), changedOn: text('changedOn') };
  return { body, problems };
}

/** "2009/10=29; 2010/11=28", as a targets file writes a trajectory. */
function trajectoryOf(text: string) {
  if (text === '') return [];
  return text
    .split(/[;\n]/)
    .filter((point) => point.trim() !== '')
    .map((point) => point.split('='))
    .map(([period, value]) => ({ period: period?.trim() ?? '', value: figure(value?.trim() ?? '') }));
}

function ruleOf(text: (name: string) => string): Record<string, unknown> {
  const [green, amber] = [figure(text('greenWithin')), text('amberWithin') === '' ? null : figure(text('amberWithin'))];
  switch (text('ruleKind')) {
    case 'absolute':
      return { kind: 'absolute', version: 1, greenWithin: green, amberWithin: amber };
    case 'relative':
      return { kind: 'relative', version: 1, greenWithinPercent: green, amberWithinPercent: amber, amberIfImproved: text('amberIfImproved') === 'yes' };
    case 'two_bands':
      return { kind: 'two_bands', version: 1, measure: text('measure'), greenWithin: green };
    default:
      return { kind: text('ruleKind') || undefined, version: 1 };
  }
}

/** A stored target as the form shows it. */
function formOf(engine: BenchmarkEngine, agreement: Agreement, t: StoredTarget): Form {
  const name = (id: number) => agreement.partners.find((p) => p.id === id)?.name ?? '';
  const rule = t.toleranceRule;
  const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    reference: t.reference,
    metric: engine.index.metric(t.metricCode)?.metric.title ?? t.metricCode,
    areas: [...t.areas],
    kind: t.kind,
    indicatorRole: t.indicatorRole,
    baselinePeriod: t.baselinePeriod ?? '',
    baselineValue: text(t.baselineValue),
    targetPeriod: t.targetPeriod,
    targetValue: text(t.targetValue),
    trajectoryShape: t.trajectoryShape,
    trajectory: t.trajectoryShape === 'straight' ? '' : t.trajectory.map((p) => `${p.period}=${p.value}`).join('; '),
    leadPartner: name(t.leadPartnerId),
    contributingPartners: t.contributingPartnerIds.map(name),
    ruleKind: rule.kind,
    greenWithin: rule.kind === 'relative' ? text(rule.greenWithinPercent) : rule.kind === 'statistical' ? '' : text(rule.greenWithin),
    amberWithin: rule.kind === 'relative' ? text(rule.amberWithinPercent) : rule.kind === 'absolute' ? text(rule.amberWithin) : '',
    measure: rule.kind === 'two_bands' ? rule.measure : '',
    amberIfImproved: rule.kind === 'relative' && rule.amberIfImproved ? 'yes' : '',
    placeholderDue: t.placeholderDue ?? '',
    worseThanBaselineReason: t.worseReason ?? '',
    revision: String(t.revision),
  };
}

const TARGET_LABELS: Readonly<Record<string, [string, string]>> = {
  reference: ['reference', 'Reference'],
  metric: ['metric', 'Metric'],
  areas: ['areas', 'Areas'],
  kind: ['kind', 'Kind of target'],
  indicatorRole: ['indicatorRole', 'Role of the indicator'],
  baseline: ['baselinePeriod', 'Baseline'],
  'baseline.period': ['baselinePeriod', 'Baseline period'],
  'baseline.value': ['baselineValue', 'Baseline value'],
  targetPeriod: ['targetPeriod', 'Target period'],
  targetValue: ['targetValue', 'Target value'],
  trajectoryShape: ['trajectoryShape', 'Shape of the trajectory'],
  trajectory: ['trajectory', 'Trajectory'],
  leadPartner: ['leadPartner', 'Lead partner'],
  contributingPartners: ['contributingPartners', 'Contributing partners'],
  toleranceRule: ['ruleKind', 'Tolerance rule'],
  'toleranceRule.kind': ['ruleKind', 'Tolerance rule'],
  'toleranceRule.version': ['ruleKind', 'Tolerance rule'],
  'toleranceRule.greenWithin': ['greenWithin', 'Green within'],
  'toleranceRule.greenWithinPercent': ['greenWithin', 'Green within'],
  'toleranceRule.amberWithin': ['amberWithin', 'Amber within'],
  'toleranceRule.amberWithinPercent': ['amberWithin', 'Amber within'],
  'toleranceRule.measure': ['measure', 'Two bands measured in'],
  'toleranceRule.amberIfImproved': ['amberIfImproved', 'Amber if improved'],
  placeholderDue: ['placeholderDue', 'Placeholder due'],
  worseThanBaselineReason: ['worseThanBaselineReason', 'Why worse than the baseline'],
  replacesTarget: ['reference', 'Replaces target'],
  change: ['reason', 'Reason for the change'],
  'change.reason': ['reason', 'Reason for the change'],
  'change.proposedBy': ['proposedBy', 'Proposed by'],
  'change.approvedBy': ['approvedBy', 'Approved by'],
  'change.changedOn': ['changedOn', 'Date of the change'],
  'plan.first': ['targetPeriod', 'First year of the plan'],
  'plan.last': ['targetPeriod', 'Last year of the plan'],
};

/** The use-case's field as the form's box and label; a list's item is the list ('trajectory[2].value' is the trajectory). */
function targetField(field: string): { id: string; label: string } {
  const top = TARGET_LABELS[field] ?? TARGET_LABELS[field.replace(/\[\d+\].*$/, '')];
  if (top) return { id: top[0], label: top[1] };
  return { id: 'target-form', label: '' };
}
