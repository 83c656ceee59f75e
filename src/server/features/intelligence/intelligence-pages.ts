// Intelligence as pages: the list of what the viewer may read, one item with
// its shares, and the forms to record, share and un-share. Each goes through
// the same functions as the JSON API, so the policy and the audit trail are
// the same; a form with a problem comes back with it named.
import express, { type Response } from 'express';
import { formatDate } from '../../../domain/format/index.ts';
import {
  CLASSIFICATION_LABELS, CLASSIFICATIONS, RISK_FACTOR_LABELS, RISK_FACTORS, guardedRecord,
} from '../../../domain/access/index.ts';
import { listOrganisations } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads, shares, type RequestAccess } from '../../platform/access/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { problemsOf as formProblems, type FieldProblem } from '../../platform/http/checked-input.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { intelligenceRecord } from './intelligence-record.ts';
import { createItem, itemShares, listIntelligence, readItem, shareItem, unshareItem } from './intelligence-items.ts';
import type { IntelligenceItem } from '../../../store/intelligence.ts';
import { onlyKnown, optionalCode } from '../../platform/http/query-params.ts';


export function intelligencePages(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/intelligence', reads('intelligence_item'), async (req, res) => {
    onlyKnown(req.query, ['about']);
    const about = optionalCode(req.query, 'about');
    const access = accessOf(res);
    const items = await listIntelligence(sql, access, { about }, { limit: 500, offset: 0 });
    renderPage(res, 'access/intelligence-list.njk', {
      about, mayRecord: mayRecord(access), items: items.map((i) => ({ ...view(i) })),
    });
  });

  router.get('/intelligence/new', changes('intelligence_item'), (req, res) => {
    newForm(res, { subjectArea: typeof req.query.about === 'string' ? req.query.about : '' }, []);
  });

  router.post('/intelligence', changes('intelligence_item'), async (req, res) => {
    const form = bodyOf(req);
    try {
      const item = await createItem(sql, accessOf(res), fromForm(form));
      res.redirect(303, `/intelligence/${item.id}`);
    } catch (error) {
      newForm(res, form, problemsOf(error), 400);
    }
  });

  router.get('/intelligence/:id', reads('intelligence_item'), async (req, res) => {
    await showItem(res, sql, await readItem(sql, accessOf(res), req.params.id), []);
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
    ...item, riskFactorLabel: RISK_FACTOR_LABELS[item.riskFactor], classificationLabel: CLASSIFICATION_LABELS[item.classification], recorded: formatDate(item.createdAt),
  };
}

async function showItem(res: Response, sql: Sql, item: IntelligenceItem, problems: FieldProblem[], status = 200): Promise<void> {
  const access = accessOf(res);
  const mayShare = access.may('share', intelligenceRecord(item));
  const organisations = mayShare ? await listOrganisations(sql) : [];
  const listed = await itemShares(sql, access, item);
  renderPage(res, 'access/intelligence-item.njk', {
    item: view(item), mayShare, problems,
    shares: listed.map((s) => ({ ...s, when: formatDate(s.sharedAt) })),
    organisations: [{ value: '', text: 'Choose an organisation' }, ...organisations.map((o) => ({ value: String(o.id), text: o.name }))],
  }, status);
}

function newForm(res: Response, form: Record<string, unknown>, problems: FieldProblem[], status = 200): void {
  const chosen = (field: string, fallback: string) => (typeof form[field] === 'string' ? form[field] : fallback);
  renderPage(res, 'access/intelligence-new.njk', {
    form, problems,
    riskFactors: RISK_FACTORS.map((r) => ({ value: r, text: RISK_FACTOR_LABELS[r], selected: chosen('riskFactor', '') === r })),
    classifications: CLASSIFICATIONS.map((c) => ({ value: c, text: CLASSIFICATION_LABELS[c], checked: chosen('classification', 'confidential') === c })),
  }, status);
}

/** The form's flat fields as the item's shape: evidence from the observation and source fields that were filled in. */
function fromForm(form: Record<string, unknown>): Record<string, unknown> {
  const text = (field: string) => (typeof form[field] === 'string' ? (form[field] as string).trim() : '');
  const evidence: Record<string, unknown>[] = [];
  if (text('evidenceMetric') || text('evidenceArea') || text('evidencePeriod')) {
    evidence.push({ kind: 'observation', metric: text('evidenceMetric'), area: text('evidenceArea'), period: text('evidencePeriod') });
  }
  if (text('evidenceSource') || text('evidenceUrl')) evidence.push({ kind: 'source', description: text('evidenceSource'), url: text('evidenceUrl') || null });
  return {
    subjectArea: form.subjectArea, riskFactor: form.riskFactor, title: form.title, note: form.note, classification: form.classification ?? 'confidential',
    shareable: form.shareable === 'true', evidence,
  };
}

/** The form's problems: evidence is asked for in the evidence fields, the first of them the metric's. */
function problemsOf(error: unknown): FieldProblem[] {
  return formProblems(error, (field) => (field === 'evidence' ? 'evidenceMetric' : field));
}
