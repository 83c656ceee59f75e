// Intelligence items over HTTP: recorded by principal advisers, read by
// whoever the policy allows (404 for anyone else: an item's existence is not
// confirmed to those who may not read it), changed by their author, shared
// and un-shared with a reason, marked reviewed by whoever may change them.
// Every read of a restricted or confidential
// item, and every change and share, is in the audit trail.
import express from 'express';
import { itemReview, riskFactorOf } from '../../../domain/access/index.ts';
import type { IntelligenceItem } from '../../../store/intelligence.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads, shareJson, shares } from '../../platform/access/index.ts';
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { intelligenceQuery, itemPath, itemSharePath } from './api-inputs.ts';
import { changeItem, createItem, itemShares, listIntelligence, readItem, reviewItem, shareItem, unshareItem } from './intelligence-items.ts';

const json = express.json({ limit: '200kb' });

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function intelligenceRouter(sql: Sql, router: express.Router = express.Router()): express.Router {
  router.get('/intelligence', reads('intelligence_item'), async (req, res) => {
    const { limit, offset, ...filter } = checkedQuery(intelligenceQuery, req.query);
    const items = await listIntelligence(sql, accessOf(res), filter, { limit, offset });
    res.set('Cache-Control', 'private, no-store').json({ items: items.map((i) => itemJson(i)) });
  });

  router.post('/intelligence', changes('intelligence_item'), json, async (req, res) => {
    const item = await createItem(sql, accessOf(res), bodyOf(req));
    res.status(201).set('Location', `/api/intelligence/${item.id}`).json(itemJson(item));
  });

  router.get('/intelligence/:id', reads('intelligence_item'), async (req, res) => {
    const item = await readItem(sql, accessOf(res), checked(itemPath, req.params).id);
    res.set('Cache-Control', 'private, no-store').json({ ...itemJson(item), shares: await itemShares(sql, accessOf(res), item) });
  });

  router.patch('/intelligence/:id', changes('intelligence_item'), json, async (req, res) => {
    const item = await changeItem(sql, accessOf(res), checked(itemPath, req.params).id, bodyOf(req));
    res.json(itemJson(item));
  });

  router.post('/intelligence/:id/review', changes('intelligence_item'), json, async (req, res) => {
    const item = await reviewItem(sql, accessOf(res), checked(itemPath, req.params).id);
    res.json(itemJson(item));
  });

  router.post('/intelligence/:id/shares', shares('intelligence_item'), json, async (req, res) => {
    const share = await shareItem(sql, accessOf(res), checked(itemPath, req.params).id, bodyOf(req));
    res.status(201).json(shareJson(share));
  });

  router.post('/intelligence/:id/shares/:shareId/revoke', shares('intelligence_item'), json, async (req, res) => {
    const { id, shareId } = checked(itemSharePath, req.params);
    const share = await unshareItem(sql, accessOf(res), id, shareId, bodyOf(req));
    res.json(shareJson(share));
  });

  return router;
}

/** An item as the API answers it; `now` decides whether it is stale. */
export function itemJson(item: IntelligenceItem, now = new Date()) {
  const review = itemReview(item.reviewedAt, now);
  return {
    id: item.id,
    about: { code: item.subjectArea, name: item.subjectName },
    cause: item.cause,
    bestValueTheme: item.bestValueTheme,
    // the old name of the cause, for clients written before causes split leadership from relationships
    riskFactor: riskFactorOf(item.cause),
    title: item.title,
    note: item.note,
    evidence: item.evidence,
    classification: item.classification,
    shareable: item.shareable,
    author: { id: item.authorId, name: item.authorName },
    organisation: { id: item.ownerOrganisationId, name: item.ownerOrganisationName },
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    reviewedAt: item.reviewedAt,
    stale: review.stale,
  };
}
