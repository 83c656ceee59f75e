// Intelligence as pages: the list of what the viewer may read, one item with
// its shares and whether it is stale, and the forms to record, mark
// reviewed, share and un-share. Each goes through
// the same functions as the JSON API, so the policy and the audit trail are
// the same; a form with a problem comes back with it named as the page
// labels the field, in words. Councils, places and metrics are chosen by
// name from suggestions and periods from those Lantern holds
// (web/views/named-choices.ts).
import express, { type Response } from 'express';
import { formatDate } from '../../../domain/format/index.ts';
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, STALE_AFTER_MONTHS, guardedRecord, itemReview } from '../../../domain/access/index.ts';
import { BEST_VALUE_THEME_LABELS, BEST_VALUE_THEMES, CAUSE_LABELS, CAUSES } from '../../../domain/early-warning/index.ts';
import { listOrganisations } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads, shares, type RequestAccess } from '../../platform/access/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { capitalise, errorsOf, problemsOf as formProblems, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { councilNamed, councilNames, metricNamed, metricTitles, periodItems, placeNamed, placeNames } from '../../../web/views/named-choices.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { intelligenceRecord } from '../../platform/access/intelligence-record.ts';
import { createItem, itemShares, listIntelligence, readItem, reviewItem, shareItem, unshareItem } from './intelligence-items.ts';
import type { IntelligenceItem } from '../../../store/intelligence.ts';
import { onlyKnown, optionalCode } from '../../platform/http/query-params.ts';

export function intelligencePages(sql: Sql, engine: BenchmarkEngine): express.Router {
  const router = express.Router();

  router.get('/intelligence', reads('intelligence_item'), async (req, res) => {
    onlyKnown(req.query, ['about']);
    const about = optionalCode(req.query, 'about');
    const access = accessOf(res);
    const items = await listIntelligence(sql, access, { about }, { limit: 500, offset: 0 });
    renderPage(res, 'access/intelligence-list.njk', {
      about,
      mayRecord: mayRecord(access),
      items: items.map((i) => ({ ...view(i) })),
    });
  });

  router.get('/intelligence/new', changes('intelligence_item'), (req, res) => {
    const about = typeof req.query.about === 'string' ? (engine.index.area(req.query.about.toUpperCase())?.name ?? req.query.about) : '';
    newForm(res, engine.index, { subjectArea: about }, []);
  });

  router.post('/intelligence', changes('intelligence_item'), async (req, res) => {
    const form = bodyOf(req);
    const { item: asked, problems } = fromForm(engine.index, form);
    if (problems.length > 0) return newForm(res, engine.index, form, problems, 400);
    try {
      const item = await createItem(sql, accessOf(res), asked);
      res.redirect(303, `/intelligence/${item.id}`);
    } catch (error) {
      newForm(res, engine.index, form, recordProblems(error), 400);
    }
  });

  router.get('/intelligence/:id', reads('intelligence_item'), async (req, res) => {
    await showItem(res, sql, await readItem(sql, accessOf(res), req.params.id), []);
  });

  router.post('/intelligence/:id/review', changes('intelligence_item'), async (req, res) => {
    const item = await reviewItem(sql, accessOf(res), req.params.id);
    res.redirect(303, `/intelligence/${item.id}`);
  });

  router.post('/intelligence/:id/shares', shares('intelligence_item'), async (req, res) => {
    const form = bodyOf(req);
    const body = { ...form, organisationId: form.userEmail ? undefined : form.organisationId };
    try {
      await shareItem(sql, accessOf(res), req.params.id, body);
      res.redirect(303, `/intelligence/${pathId(req.params.id, 'intelligence item')}`);
    } catch (error) {
      await showItem(res, sql, await readItem(sql, accessOf(res), req.params.id), problemsOf(error), 400);
    }
  });

  router.post('/intelligence/:id/shares/:shareId/revoke', shares('intelligence_item'), async (req, res) => {
    try {
      await unshareItem(sql, accessOf(res), req.params.id, pathId(req.params.shareId, 'share'), bodyOf(req));
      res.redirect(303, `/intelligence/${pathId(req.params.id, 'intelligence item')}`);
    } catch (error) {
      await showItem(res, sql, await readItem(sql, accessOf(res), req.params.id), problemsOf(error), 400);
    }
  });

  return router;
}

function mayRecord(access: RequestAccess): boolean {
  const viewer = access.viewer;
  return viewer.kind === 'user' && access.may('change', guardedRecord('intelligence_item', 'confidential', { author: viewer.userId, ownerOrganisation: viewer.organisationId }));
}

function view(item: IntelligenceItem) {
  return {
    ...item,
    causeLabel: CAUSE_LABELS[item.cause],
    themeLabel: BEST_VALUE_THEME_LABELS[item.bestValueTheme],
    review: itemReview(item.reviewedAt, new Date()),
    classificationLabel: CLASSIFICATION_LABELS[item.classification],
    recorded: formatDate(item.createdAt),
  };
}

async function showItem(res: Response, sql: Sql, item: IntelligenceItem, problems: FieldProblem[], status = 200): Promise<void> {
  const access = accessOf(res);
  const mayShare = access.may('share', intelligenceRecord(item));
  const organisations = mayShare ? await listOrganisations(sql) : [];
  const listed = await itemShares(sql, access, item);
  renderPage(
    res,
    'access/intelligence-item.njk',
    {
      item: view(item),
      mayShare,
      mayReview: access.may('change', intelligenceRecord(item)),
      staleAfterMonths: STALE_AFTER_MONTHS,
      problems,
      shares: listed.map((s) => ({ ...s, when: formatDate(s.sharedAt) })),
      organisations: [{ value: '', text: 'Choose an organisation' }, ...organisations.map((o) => ({ value: String(o.id), text: o.name }))],
    },
    status,
  );
}

function newForm(res: Response, index: BenchmarkIndex, form: Record<string, unknown>, problems: FieldProblem[], status = 200): void {
  const chosen = (field: string, fallback: string) => (typeof form[field] === 'string' ? form[field] : fallback);
  renderPage(
    res,
    'access/intelligence-new.njk',
    {
      form,
      problems,
      errors: errorsOf(problems),
      councils: councilNames(index),
      places: placeNames(index),
      metrics: metricTitles(index),
      periods: periodItems(index, chosen('evidencePeriod', '')),
      causes: [{ value: '', text: 'Choose a cause' }, ...CAUSES.map((c) => ({ value: c, text: CAUSE_LABELS[c], selected: chosen('cause', '') === c }))],
      themes: [
        { value: '', text: 'The theme its cause usually takes' },
        ...BEST_VALUE_THEMES.map((t) => ({ value: t, text: BEST_VALUE_THEME_LABELS[t], selected: chosen('bestValueTheme', '') === t })),
      ],
      classifications: CLASSIFICATIONS.map((c) => ({ value: c, text: CLASSIFICATION_LABELS[c], checked: chosen('classification', 'confidential') === c })),
    },
    status,
  );
}

/**
 * The form's flat fields as the item's shape, councils, places and metrics
 * turned from the names chosen into their codes; a name not found is the
 * form's problem, named as the page labels the field. Evidence is an
 * observation and a described source, each where any of its fields is filled in.
 */
function fromForm(index: BenchmarkIndex, form: Record<string, unknown>): { item: Record<string, unknown>; problems: FieldProblem[] } {
  const text = (field: string) => (typeof form[field] === 'string' ? (form[field] as string).trim() : '');
  const problems: FieldProblem[] = [];
  const code = (field: string, named: ReturnType<typeof councilNamed>) => {
    if (named.kind === 'found') return named.code;
    problems.push({ field, message: named.message });
    return '';
  };
  const subjectArea = code('subjectArea', councilNamed(index, text('subjectArea'), 'Council'));
  const evidence: Record<string, unknown>[] = [];
  if (text('evidenceMetric') || text('evidenceArea') || text('evidencePeriod')) {
    const metric = code('evidenceMetric', metricNamed(index, text('evidenceMetric'), 'Metric'));
    const area = code('evidenceArea', placeNamed(index, text('evidenceArea'), 'Council or place'));
    if (!text('evidencePeriod')) problems.push({ field: 'evidencePeriod', message: 'Choose the period of the figure' });
    evidence.push({ kind: 'observation', metric, area, period: text('evidencePeriod') });
  }
  if (text('evidenceSource') || text('evidenceUrl')) evidence.push({ kind: 'source', description: text('evidenceSource'), url: text('evidenceUrl') || null });
  return {
    item: {
      subjectArea,
      cause: form.cause,
      bestValueTheme: text('bestValueTheme') || undefined,
      title: form.title,
      note: form.note,
      classification: form.classification ?? 'confidential',
      shareable: form.shareable === 'true',
      evidence,
    },
    problems,
  };
}

/** The fields of the record form, by the names the use-case gives them: the id of the page's field and its label there. */
const FIELDS: Readonly<Record<string, { readonly id: string; readonly label: string }>> = {
  subjectArea: { id: 'subjectArea', label: 'Council' },
  cause: { id: 'cause', label: 'Cause of concern' },
  bestValueTheme: { id: 'bestValueTheme', label: 'Best Value theme' },
  title: { id: 'title', label: 'Title' },
  note: { id: 'note', label: 'Note' },
  classification: { id: 'classification', label: 'Who may read it' },
  shareable: { id: 'shareable', label: 'Ready to share' },
  evidence: { id: 'evidenceMetric', label: 'Evidence' },
  metric: { id: 'evidenceMetric', label: 'Metric' },
  area: { id: 'evidenceArea', label: 'Council or place' },
  period: { id: 'evidencePeriod', label: 'Period' },
  description: { id: 'evidenceSource', label: 'Described source' },
  url: { id: 'evidenceUrl', label: 'Address of the source' },
};

/**
 * The record form's problems in words: each names the field as the page
 * labels it, not as the API does (`'evidence[0].metric'`), and links to it.
 * The API's own messages stay as they are.
 */
function recordProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof HttpError) || error.status !== 400) return problemsOf(error);
  const listed = (error.details as { problems?: FieldProblem[] } | undefined)?.problems ?? [{ field: /'([\w.[\]]+)'/.exec(error.message)?.[1] ?? '', message: error.message }];
  return listed.map((p) => {
    // An observation given as evidence that Lantern does not hold: the whole of it, not one field.
    if (/^evidence\[\d+\]$/.test(p.field))
      return { field: 'evidencePeriod', message: 'Lantern holds no figure for that metric, place and period: choose another period, or check the metric and place' };
    const known = FIELDS[/(\w+)$/.exec(p.field)?.[1] ?? ''] ?? FIELDS[p.field.replace(/\[.*$/, '')];
    if (!known) return { field: p.field, message: capitalise(p.message) };
    if (/^'[\w.[\]]+' is required$/.test(p.message)) return { field: known.id, message: `Enter the ${known.label.toLowerCase()}` };
    return { field: known.id, message: capitalise(p.message.replace(/'[\w.[\]]+'/g, known.label)) };
  });
}

/** The share and un-share forms' problems: evidence is asked for in the evidence fields, the first of them the metric's. */
function problemsOf(error: unknown): FieldProblem[] {
  return formProblems(error, (field) => (field === 'evidence' ? 'evidenceMetric' : field));
}
