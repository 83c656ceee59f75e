// Agreements and targets as pages, for residents as much as officers: one
// agreement with every target's rating beside the words of the rule that made
// it; one target's figures against its trajectory, as a chart and a table. Each page reads through the same
// use-cases as the JSON API, so the policy and the audit trail are the same.
import express from 'express';
import { formatNumber } from '../../../domain/format/index.ts';
import {
  AGREEMENT_KIND_LABELS,
  BAND_LABELS,
  INDICATOR_ROLE_LABELS,
  NOT_RATED_LABELS,
  TARGET_KIND_LABELS,
  TOLERANCE_KINDS,
  LIKELIHOODS,
  LIKELIHOOD_LABELS,
  checkToleranceRule,
  describeRule,
  disagreements,
  isRated,
  type Rating,
  type Target,
} from '../../../domain/targets/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { targetProjection, targetSpc } from '../../../engine/target-progress.ts';
import type { Sql } from '../../../store/store.ts';
import { spcView } from '../../../web/views/spc-view.ts';
import { targetChart } from '../../../web/views/target-chart.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { notSeen } from '../../platform/access/request-access.ts';
import { capitalise, errorsOf, problemsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { agreementRecord, reviewRecord } from '../../platform/agreements/agreement-record.ts';
import { NOT_YET_RATED, type AreaRating, type RateTargets } from '../../platform/agreements/agreement-json.ts';
import { agreementView, lineageOf, readAgreement, shownAgreement } from './agreement-view.ts';
import { asTarget } from '../../../engine/target-progress.ts';
import { withheldFigures, type Withheld } from '../../platform/agreements/withheld.ts';
import { recordReview } from './reviews.ts';
import { type ShowAgreement } from './targets-forms.ts';

type AgreementView = Awaited<ReturnType<typeof readAgreement>>;
type TargetView = AgreementView['targets'][number];

export function targetsPages(sql: Sql, engine: BenchmarkEngine, rate: RateTargets = NOT_YET_RATED): express.Router {
  const router = express.Router();

  router.get('/agreements/:id', reads('agreement'), async (req, res) => {
    await agreementShower(sql, engine, rate)(res, req.params.id, [], 200);
  });

  router.get('/agreements/:id/targets/:targetId', reads('target'), async (req, res) => {
    const shown = await shownAgreement(sql, accessOf(res), req.params.id);
    const agreement = await agreementView(sql, accessOf(res), shown, rate);
    const id = pathId(req.params.targetId, 'target');
    const target = agreement.targets.find((t) => t.id === id);
    const stored = target && shown.targets.find((t) => t.id === id); // as the viewer reads it: in a refresh, the public's is as signed
    if (!target || !stored) throw notSeen(`target ${id} of agreement ${agreement.id}`);
    const series = engine.index.metric(stored.metricCode);
    const rules = series ? asTarget(stored, series.metric.polarity, series.metric.seriesBreaks) : undefined;
    const mayReview = accessOf(res).may('change', reviewRecord(heldOf(agreement)));
    // The charts read the figures themselves: none is drawn of figures the viewer may not read yet.
    const withheld = await withheldFigures(sql, accessOf(res), [stored.metricCode]);
    const lineage = await lineageOf(sql, accessOf(res), id);
    renderPage(res, 'targets/target.njk', { agreement: agreementPage(engine, agreement), target: targetPage(engine, target, rules, withheld), lineage, mayReview });
  });

  // The lead partner's progress review, as a form that works without script.
  router.get('/agreements/:id/targets/:targetId/reviews/new', changes('progress_review'), async (req, res) => {
    // The form only to those who may record a review of this agreement: a reader of a signed-off one is told why, at once.
    const agreement = await readAgreement(sql, accessOf(res), req.params.id, rate);
    accessOf(res).require('change', reviewRecord(heldOf(agreement)), `agreement ${agreement.id}`);
    reviewForm(res, agreement, req.params.targetId, {}, []);
  });

  router.post('/agreements/:id/targets/:targetId/reviews', changes('progress_review'), async (req, res) => {
    const form = bodyOf(req) as Record<string, string | undefined>;
    const missing = unanswered(form);
    if (missing.length > 0) return reviewForm(res, await readAgreement(sql, accessOf(res), req.params.id, rate), req.params.targetId, form, missing, 400);
    try {
      await recordReview(sql, accessOf(res), req.params.id, req.params.targetId, reviewFromForm(form), rate);
      res.redirect(303, `/agreements/${pathId(req.params.id, 'agreement')}/targets/${pathId(req.params.targetId, 'target')}`);
    } catch (error) {
      reviewForm(res, await readAgreement(sql, accessOf(res), req.params.id, rate), req.params.targetId, form, problemsOf(error).map(inWords), 400);
    }
  });

  function reviewForm(res: express.Response, agreement: AgreementView, targetIdText: unknown, form: Record<string, string | undefined>, problems: readonly FieldProblem[], status = 200) {
    const id = pathId(targetIdText, 'target');
    const target = agreement.targets.find((t) => t.id === id);
    if (!target) throw notSeen(`target ${id} of agreement ${agreement.id}`);
    const likelihoods = LIKELIHOODS.map((l) => ({ value: l, text: LIKELIHOOD_LABELS[l], checked: form.likelihood === l }));
    const errors = errorsOf(problems);
    renderPage(res, 'targets/review.njk', { agreement: agreementPage(engine, agreement), target: targetPage(engine, target), form, likelihoods, problems, errors }, status);
  }

  return router;
}

/** The agreement's page; with its forms (a target to add, sign-off, refresh, a file of targets) for those who may change it, and a refused form's problems at its top. */
export function agreementShower(sql: Sql, engine: BenchmarkEngine, rate: RateTargets): ShowAgreement {
  return async (res, idText, problems, status, form = {}) => {
    const shown = await shownAgreement(sql, accessOf(res), idText);
    const agreement = await agreementView(sql, accessOf(res), shown, rate);
    const mayChange = accessOf(res).may('change', agreementRecord(heldOf(agreement)));
    renderPage(res, 'targets/agreement.njk', { agreement: agreementPage(engine, agreement), asSigned: shown.asSigned, mayChange, form, problems, errors: errorsOf(problems) }, status);
  };
}

/** What the policy reads of an agreement, from the agreement as read: no second trip to the store. */
function heldOf(agreement: AgreementView) {
  return { status: agreement.status, organisationId: agreement.council.id, areas: agreement.areas, partners: agreement.partners };
}

function agreementPage(engine: BenchmarkEngine, agreement: AgreementView) {
  return {
    ...agreement,
    kindLabel: AGREEMENT_KIND_LABELS[agreement.kind],
    areaNames: agreement.areas.map((code) => engine.index.area(code)?.name ?? code),
    targets: agreement.targets.map((t) => targetPage(engine, t)),
  };
}

/** A target in words; with the engine's reading of it (`rules`), its charts, process limits and projection per area too. */
function targetPage(engine: BenchmarkEngine, target: TargetView, rules?: Target, withheld: Withheld = () => false) {
  const metric = engine.index.metric(target.metric)?.metric;
  const decimals = metric?.decimals ?? 1;
  const figure = (value: number | null | undefined) => (value === null || value === undefined ? 'None yet' : formatNumber(value, decimals));
  const ratings = ratingsOf(target.areas, target.ratings).map((r) => ({
    ...r,
    areaName: engine.index.area(r.area)?.name ?? r.area,
    figures: r.actual === null || r.actual === undefined ? null : `${figure(r.actual)}${r.expected === null || r.expected === undefined ? '' : ` against ${figure(r.expected)} on the trajectory`}`,
  }));
  return {
    ...target,
    metricTitle: metric?.title ?? target.metric,
    unit: metric?.unit ?? '',
    kindLabel: TARGET_KIND_LABELS[target.kind],
    roleLabel: INDICATOR_ROLE_LABELS[target.indicatorRole],
    baselineText: target.baseline ? `${figure(target.baseline.value)} in ${target.baseline.period}` : 'Awaiting a baseline',
    targetText: target.target.value === null ? 'Awaiting a definition' : `${figure(target.target.value)} by ${target.target.period ?? 'the end of the plan'}`,
    rule: ruleWords(target.toleranceRule),
    ratings,
    charts: rules ? target.areas.flatMap((area) => (withheld(target.metric, area) ? [] : areaCharts(engine, target, rules, area, metric?.title ?? target.metric))) : [],
  };
}

/** One area's figures against the trajectory, its process limits (in-year series) and the trend carried to the target period. */
function areaCharts(engine: BenchmarkEngine, target: TargetView, rules: Target, area: string, title: string) {
  const index = engine.index;
  const areaName = index.area(area)?.name ?? area;
  const drawn = targetChart(
    index,
    { metricCode: target.metric, areaCode: area, baseline: rules.baseline, trajectory: target.trajectory, rule: rules.rule, polarity: rules.polarity },
    `${title}: ${areaName} against the trajectory`,
  );
  if (!drawn) return [];
  const metric = index.metric(target.metric)!.metric;
  const judged = targetSpc(index, rules, area);
  const spc = judged.kind === 'not_in_year' ? null : spcView(judged, { metricTitle: title, areaCode: area, areaName, decimals: metric.decimals, unit: metric.unit ?? '' });
  const projection = targetProjection(index, rules, area);
  const figure = (value: number) => formatNumber(value, metric.decimals);
  const projected =
    projection.kind === 'projected'
      ? `If the trend since the baseline carries on, ${areaName} would be at ${figure(projection.value)} in ${projection.period} (95% interval ${figure(projection.lower)} to ${figure(projection.upper)}), against a target of ${figure(rules.targetValue ?? projection.value)}: ${OUTLOOK_WORDS[projection.outlook]}.`
      : `No projection: ${projection.reason}.`;
  const rating = target.ratings.find((r) => r.area === area)?.rating;
  const review = target.latestReview;
  const disagree = review
    ? disagreements(review.likelihood, {
        projection,
        band: rating && isRated(rating) ? rating.band : null,
        assurance: judged.kind === 'chart' ? judged.assurance : null,
      }).map((d) => `Judged ${LIKELIHOOD_LABELS[review.likelihood]} at the review of ${review.reviewedOn}, but ${d.words}.`)
    : [];
  return [{ area, areaName, ...drawn, spc, projected, disagree }];
}

const OUTLOOK_WORDS = { likely: 'likely to meet it', uncertain: 'it may or may not be met', unlikely: 'unlikely to meet it' } as const;

/** Every area of the target with its rating; an area the engine has not rated says so, in words, with the rule. */
function ratingsOf(areas: readonly string[], ratings: readonly AreaRating[]) {
  return areas.map((area) => {
    const found = ratings.find((r) => r.area === area);
    return found
      ? { area, period: found.period, actual: found.actual, expected: found.expected, ...ratingWords(found.rating) }
      : { area, period: null, actual: null, expected: null, tag: 'Not rated yet', colour: 'grey', reason: 'Ratings appear once the figures are read.' };
  });
}

const TAG_COLOURS = { green: 'green', amber: 'yellow', red: 'red' } as const;

function ratingWords(rating: Rating) {
  if (isRated(rating)) return { tag: BAND_LABELS[rating.band], colour: TAG_COLOURS[rating.band], reason: null };
  return { tag: 'Not rated', colour: 'grey', reason: NOT_RATED_LABELS[rating.notRated] };
}

/** The rule in words, as every rating shows it; a stored rule Lantern cannot read says so rather than hide. */
function ruleWords(rule: unknown): string {
  const checked = checkToleranceRule(rule);
  return checked.kind === 'valid' ? describeRule(checked.rule) : `A rule Lantern cannot read (kinds are ${TOLERANCE_KINDS.join(', ')}).`;
}

/** The review form's fields as the use-case takes them: the date from its three boxes, an action only where one is given. */
function reviewFromForm(form: Record<string, string | undefined>) {
  const [day, month, year] = [form['reviewedOn-day'], form['reviewedOn-month'], form['reviewedOn-year']].map((part) => (part ?? '').trim());
  const reviewedOn = year && month && day ? `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : '';
  const action = form.action?.trim() ? [{ action: form.action.trim(), owner: form.actionOwner?.trim() ?? '', due: form.actionDue?.trim() ?? '' }] : [];
  return { reviewedOn, likelihood: form.likelihood ?? '', narrative: form.narrative ?? '', actions: action, risks: form.risks?.trim() || null, published: form.published === 'yes' };
}

/**
 * What the form leaves unanswered, all at once as GOV.UK forms say it; the
 * use-case checks the rest (and these again) in the API's words.
 */
function unanswered(form: Record<string, string | undefined>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(reviewFromForm(form).reviewedOn)) problems.push({ field: 'reviewedOn', message: 'Enter the date of the review as day, month and year, for example 31 3 2024' });
  if (!form.likelihood) problems.push({ field: 'likelihood', message: 'Choose the likelihood of delivery' });
  if (!form.narrative?.trim()) problems.push({ field: 'narrative', message: 'Say why: the judgement is shown with its reasons' });
  return problems;
}

/** The form's labels, for the use-case's field names in its messages: people read what the page calls a field. */
const LABELS: Readonly<Record<string, string>> = {
  reviewedOn: 'Date of the review',
  likelihood: 'Likelihood of delivery',
  narrative: 'Why',
  risks: 'Risks',
  actions: 'Action',
};

function inWords(problem: FieldProblem): FieldProblem {
  const label = LABELS[problem.field];
  if (!label) return problem;
  return { field: problem.field, message: capitalise(problem.message.replace(/'[\w.[\]]+'/, `'${label}'`)) };
}
