// The administration page: organisations and users, with forms to add them,
// change a user's role, and disable or enable a user. It uses the same
// functions as the admin API; a form with a problem comes back with it named
// as the page labels it. A council organisation's council is chosen by name,
// with the names offered (a datalist, which works without script).
import express, { type Response } from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, permits, ROLE_LABELS, ROLES } from '../../../domain/access/index.ts';
import { listOrganisations } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { listUsers } from '../../../store/users.ts';
import { accessOf, changes, reads, refusal } from '../../platform/access/index.ts';
import { addOrganisation, organisationRecord } from './organisations.ts';
import { addUser, changeUser, userRecord } from './users.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { problemsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { councilNamed, councilNames } from '../../../web/views/named-choices.ts';

/** The organisation form's fields as the page labels them, by the use-case's names for them. */
const ORGANISATION_LABELS: Readonly<Record<string, { field: string; label: string }>> = {
  name: { field: 'orgName', label: 'Name' },
  kind: { field: 'kind', label: 'Kind' },
  areaCode: { field: 'council', label: 'Council' },
};

export function adminPages(sql: Sql, engine: BenchmarkEngine): express.Router {
  const router = express.Router();

  router.get('/admin', reads('user'), async (_req, res) => {
    const viewer = accessOf(res).viewer;
    const administers = permits(viewer, 'change', 'user');
    if (!administers.allowed) throw refusal(administers, viewer, 'change', 'user');
    await show(res, sql, engine, {});
  });

  router.post('/admin/organisations', changes('organisation'), async (req, res) => {
    const form = bodyOf(req);
    const council = typeof form.council === 'string' ? form.council.trim() : '';
    const back = (problems: readonly FieldProblem[], status: number) => show(res, sql, engine, { problems, organisationForm: { ...form, council } }, status);
    // The council is found by its name here, and its code given to the use-case; a name not found is not guessed at.
    const named = council === '' ? null : councilNamed(engine.index, council, 'Council');
    if (named?.kind === 'not_found') return back([{ field: 'council', message: named.message }], 400);
    if (named && form.kind !== 'council') return back([{ field: 'council', message: 'Council: leave this empty unless the organisation is a council' }], 400);
    if (!named && form.kind === 'council') return back([{ field: 'council', message: 'Enter the council: a council organisation is for one council' }], 400);
    try {
      const organisation = await addOrganisation(sql, accessOf(res), { name: form.name, kind: form.kind, areaCode: named?.code ?? '' });
      await show(res, sql, engine, { notice: `Added ${organisation.name}.` }, 201);
    } catch (error) {
      await back(problemsOf(error).map(inOrganisationWords), statusOf(error));
    }
  });

  router.post('/admin/users', changes('user'), async (req, res) => {
    try {
      const { user, password } = await addUser(sql, accessOf(res), bodyOf(req));
      await show(res, sql, engine, { notice: `Added ${user.name} (${user.email}).`, password }, 201);
    } catch (error) {
      await show(res, sql, engine, { problems: problemsOf(error), userForm: { ...bodyOf(req), password: '' } }, statusOf(error));
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
      await show(res, sql, engine, { problems: problemsOf(error) }, statusOf(error));
    }
  });

  return router;
}

/** A use-case's problem as the organisation form labels its field: 'name' is required becomes Name is required, against the field. */
function inOrganisationWords(problem: FieldProblem): FieldProblem {
  const named = ORGANISATION_LABELS[problem.field];
  if (!named) return problem;
  return { field: named.field, message: problem.message.replace(/'(name|kind|areaCode)'/g, (_, field: string) => ORGANISATION_LABELS[field]!.label) };
}

function statusOf(error: unknown): number {
  return (error as { status?: number }).status ?? 500;
}

async function show(res: Response, sql: Sql, engine: BenchmarkEngine, context: Record<string, unknown>, status = 200): Promise<void> {
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
      councils: councilNames(engine.index),
      organisationForm: {},
      userForm: {},
      problems: [],
      ...context,
    },
    status,
  );
}
