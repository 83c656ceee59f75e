// The administration page: organisations and users, with forms to add them,
// change a user's role, and disable or enable a user. It uses the same
// functions as the admin API; a form with a problem comes back with it named.
import express, { type Response } from 'express';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, permits, ROLE_LABELS, ROLES } from '../../../domain/access/index.ts';
import { listOrganisations } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { listUsers } from '../../../store/users.ts';
import { accessOf, changes, reads, refusal } from '../../platform/access/index.ts';
import { addOrganisation, organisationRecord } from './organisations.ts';
import { addUser, changeUser, userRecord } from './users.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { problemsOf } from '../../platform/http/checked-input.ts';

export function adminPages(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/admin', reads('user'), async (_req, res) => {
    const viewer = accessOf(res).viewer;
    const administers = permits(viewer, 'change', 'user');
    if (!administers.allowed) throw refusal(administers, viewer, 'change', 'user');
    await show(res, sql, {});
  });

  router.post('/admin/organisations', changes('organisation'), async (req, res) => {
    try {
      const organisation = await addOrganisation(sql, accessOf(res), bodyOf(req));
      await show(res, sql, { notice: `Added ${organisation.name}.` }, 201);
    } catch (error) {
      await show(res, sql, { problems: problemsOf(error), organisationForm: bodyOf(req) }, statusOf(error));
    }
  });

  router.post('/admin/users', changes('user'), async (req, res) => {
    try {
      const { user, password } = await addUser(sql, accessOf(res), bodyOf(req));
      await show(res, sql, { notice: `Added ${user.name} (${user.email}).`, password }, 201);
    } catch (error) {
      await show(res, sql, { problems: problemsOf(error), userForm: { ...bodyOf(req), password: '' } }, statusOf(error));
    }
  });

  router.post('/admin/users/:id', changes('user'), async (req, res) => {
    const form = bodyOf(req);
    try {
      await changeUser(sql, accessOf(res), pathId(req.params.id, 'user'), {
        ...(typeof form.role === 'string' && form.role !== '' ? { role: form.role } : {}),
        ...(form.disabled === 'true' || form.disabled === 'false' ? { disabled: form.disabled } : {}),
      });
      res.redirect(303, '/admin');
    } catch (error) {
      await show(res, sql, { problems: problemsOf(error) }, statusOf(error));
    }
  });

  return router;
}

function statusOf(error: unknown): number {
  return (error as { status?: number }).status ?? 500;
}

async function show(res: Response, sql: Sql, context: Record<string, unknown>, status = 200): Promise<void> {
  const access = accessOf(res);
  const organisations = await access.reveal(await listOrganisations(sql), organisationRecord, (o) => String(o.id));
  const users = await access.reveal(await listUsers(sql), userRecord, (u) => String(u.id));
  renderPage(
    res,
    'access/admin.njk',
    {
      organisations: organisations.map((o) => ({ ...o, kindLabel: ORGANISATION_KIND_LABELS[o.kind] })),
      users: users.map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role] })),
      kinds: ORGANISATION_KINDS.map((k) => ({ value: k, text: ORGANISATION_KIND_LABELS[k] })),
      roles: ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] })),
      organisationChoices: organisations.map((o) => ({ value: String(o.id), text: o.name })),
      organisationForm: {},
      userForm: {},
      problems: [],
      ...context,
    },
    status,
  );
}
