// Administration over HTTP: organisations, users (added, re-roled, disabled,
// never deleted), and early-sight releases (the embargo's end, and the
// partners the release is shared with). Administrators change all of these;
// any signed-in user may list organisations (to choose with whom to share),
// and see their own user record. Each change is a use-case of its own
// (organisations.ts, users.ts, early-sight-releases.ts), which the pages and
// the command line call too.
import express from 'express';
import { permits } from '../../../domain/access/index.ts';
import { earlySightReleases } from '../../../store/early-sight.ts';
import { listOrganisations } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { listUsers } from '../../../store/users.ts';
import { accessOf, changes, reads, shareJson, shares } from '../../platform/access/index.ts';
import { readableList } from '../../platform/http/readable-list.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { releasePath, releaseSharePath, userPatchBody, userPath } from './api-inputs.ts';
import { setRelease, shareRelease, unshareRelease } from './early-sight-releases.ts';
import { addOrganisation, organisationRecord } from './organisations.ts';
import { addUser, changeUser, userRecord } from './users.ts';

const json = express.json({ limit: '20kb' });

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function adminRouter(sql: Sql, router: express.Router = express.Router()): express.Router {
  router.get(
    '/admin/organisations',
    reads('organisation'),
    readableList(() => listOrganisations(sql), organisationRecord),
  );

  router.post('/admin/organisations', changes('organisation'), json, async (req, res) => {
    res.status(201).json(await addOrganisation(sql, accessOf(res), bodyOf(req)));
  });

  router.get(
    '/admin/users',
    reads('user'),
    readableList(() => listUsers(sql), userRecord),
  );

  router.post('/admin/users', changes('user'), json, async (req, res) => {
    const { user, password } = await addUser(sql, accessOf(res), bodyOf(req));
    res.status(201).json({ ...user, ...(password ? { password } : {}) });
  });

  router.patch('/admin/users/:id', changes('user'), json, async (req, res) => {
    const { id } = checked(userPath, req.params);
    res.json(await changeUser(sql, accessOf(res), id, checked(userPatchBody, bodyOf(req))));
  });

  router.get('/admin/early-sight', reads('metric'), async (_req, res) => {
    const releases = [...(await earlySightReleases(sql)).values()];
    const mayShare = permits(accessOf(res).viewer, 'share', 'observation').allowed;
    res.set('Cache-Control', 'private, no-store').json({
      items: releases.map((r) => ({ metric: r.metric, embargoUntil: r.embargoUntil, ...(mayShare ? { partnerOrganisations: r.partnerOrganisations, partnerUsers: r.partnerUsers } : {}) })),
    });
  });

  router.put('/admin/early-sight/:metric/embargo', changes('metric'), json, async (req, res) => {
    res.json(await setRelease(sql, accessOf(res), checked(releasePath, req.params).metric, bodyOf(req)));
  });

  router.post('/admin/early-sight/:metric/shares', shares('observation'), json, async (req, res) => {
    res.status(201).json(shareJson(await shareRelease(sql, accessOf(res), checked(releasePath, req.params).metric, bodyOf(req))));
  });

  router.post('/admin/early-sight/:metric/shares/:shareId/revoke', shares('observation'), json, async (req, res) => {
    const { metric, shareId } = checked(releaseSharePath, req.params);
    res.json(shareJson(await unshareRelease(sql, accessOf(res), metric, shareId, bodyOf(req))));
  });

  return router;
}
