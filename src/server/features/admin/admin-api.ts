// Administration over HTTP: organisations, users (added, re-roled, disabled,
// never deleted), and early-sight releases (the embargo's end, and the
// partners the release is shared with). Administrators change all of these;
// any signed-in user may list organisations (to choose with whom to share),
// and see their own user record. Every change is in the audit trail.
import express from 'express';
import {
  guardedRecord, isOrganisationKind, permits, isRole, ORGANISATION_KINDS, ROLES, roleFitsOrganisation, rolesFor, ROLE_LABELS,
  type OrganisationKind, type Role,
} from '../../../domain/access/index.ts';
import { isGssCode } from '../../../domain/area/index.ts';
import { isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import { getArea, getMetric } from '../../../store/catalogue.ts';
import { earlySightReleases, setEmbargo, tellHere } from '../../../store/early-sight.ts';
import { identityChangesSettled } from '../../../store/identity-changes.ts';
import { createOrganisation, getOrganisation, isUniqueViolation, listOrganisations, type Organisation } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { countAdministrators, createUser, disableUser, enableUser, getUser, listUsers, setUserRole, type User } from '../../../store/users.ts';
import { accessOf, changes, observationRecord, reads, shares, type RequestAccess } from '../../platform/access/index.ts';
import { generatePassword, hashPassword, passwordProblem } from '../../platform/identity/passwords.ts';
import { bodyOf, pathId, requiredText } from '../../platform/http/request-body.ts';
import { badRequest, HttpError, notFound } from '../../platform/http/http-error.ts';
import { onlyKnown } from '../../platform/http/query-params.ts';
import { readReason, readRecipient, recordShare, recordUnshare, shareJson } from '../../platform/access/shares.ts';

const json = express.json({ limit: '20kb' });

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function adminRouter(sql: Sql, router: express.Router = express.Router()): express.Router {

  router.get('/admin/organisations', reads('organisation'), async (req, res) => {
    onlyKnown(req.query, []);
    const access = accessOf(res);
    const items = await access.reveal(await listOrganisations(sql), organisationRecord, (o) => String(o.id));
    res.set('Cache-Control', 'private, no-store').json({ items });
  });

  router.post('/admin/organisations', changes('organisation'), json, async (req, res) => {
    res.status(201).json(await addOrganisation(sql, accessOf(res), bodyOf(req)));
  });

  router.get('/admin/users', reads('user'), async (req, res) => {
    onlyKnown(req.query, []);
    const access = accessOf(res);
    const items = await access.reveal(await listUsers(sql), userRecord, (u) => String(u.id));
    res.set('Cache-Control', 'private, no-store').json({ items });
  });

  router.post('/admin/users', changes('user'), json, async (req, res) => {
    const { user, password } = await addUser(sql, accessOf(res), bodyOf(req));
    res.status(201).json({ ...user, ...(password ? { password } : {}) });
  });

  router.patch('/admin/users/:id', changes('user'), json, async (req, res) => {
    const body = bodyOf(req);
    const unknown = Object.keys(body).filter((k) => k !== 'role' && k !== 'disabled');
    if (unknown.length > 0) throw badRequest(`unknown field '${unknown[0]}' (a user's role and disabled may be changed here)`);
    res.json(await changeUser(sql, accessOf(res), pathId(req.params.id, 'user'), body));
  });

  router.get('/admin/early-sight', reads('metric'), async (_req, res) => {
    const releases = [...(await earlySightReleases(sql)).values()];
    const mayShare = permits(accessOf(res).viewer, 'share', 'observation').allowed;
    res.set('Cache-Control', 'private, no-store').json({
      items: releases.map((r) => ({ metric: r.metric, embargoUntil: r.embargoUntil, ...(mayShare ? { partnerOrganisations: r.partnerOrganisations, partnerUsers: r.partnerUsers } : {}) })),
    });
  });

  router.put('/admin/early-sight/:metric/embargo', changes('metric'), json, async (req, res) => {
    res.json(await setRelease(sql, accessOf(res), String(req.params.metric), bodyOf(req)));
  });

  router.post('/admin/early-sight/:metric/shares', shares('observation'), json, async (req, res) => {
    const { code, record } = await releaseOf(sql, String(req.params.metric));
    const access = accessOf(res);
    access.require('share', record, `early-sight release of ${code}`);
    const body = bodyOf(req);
    const share = await recordShare(sql, access, { recordKind: 'observation', recordId: code, subjectArea: null, recipient: await readRecipient(sql, body), reason: readReason(body) });
    res.status(201).json(shareJson(share));
  });

  router.post('/admin/early-sight/:metric/shares/:shareId/revoke', shares('observation'), json, async (req, res) => {
    const { code, record } = await releaseOf(sql, String(req.params.metric));
    const access = accessOf(res);
    access.require('share', record, `early-sight release of ${code}`);
    res.json(shareJson(await recordUnshare(sql, access, 'observation', code, pathId(req.params.shareId, 'share'), readReason(bodyOf(req)))));
  });

  return router;
}

/** Organisations are open to every signed-in user: they are whom one shares with. */
export function organisationRecord(_organisation: Organisation) {
  return ORGANISATION;
}
const ORGANISATION = guardedRecord('organisation', 'sector');

/** A user's record: theirs to read, and administrators'. */
export function userRecord(user: User) {
  return guardedRecord('user', 'restricted', { author: user.id });
}

export async function addOrganisation(sql: Sql, access: RequestAccess, body: Record<string, unknown>): Promise<Organisation> {
  const name = requiredText(body, 'name', 200);
  const kind = requiredText(body, 'kind', 40);
  if (!isOrganisationKind(kind)) throw badRequest(`'kind' must be one of ${ORGANISATION_KINDS.join(', ')}`);
  const areaCode = await councilArea(sql, kind, body.areaCode);
  access.require('change', ORGANISATION, 'organisation');
  try {
    return await sql.begin(async (tx) => {
      const organisation = await createOrganisation(tx, { name, kind, areaCode });
      await access.audit(tx, 'change', 'organisation', String(organisation.id), `added ${kind} '${name}'${areaCode ? ` for ${areaCode}` : ''}`);
      return organisation;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpError(409, 'conflict', areaCode ? `'name' or 'areaCode': there is already an organisation called '${name}' or a council for ${areaCode}` : `'name': there is already an organisation called '${name}'`);
    throw error;
  }
}

async function councilArea(sql: Sql, kind: OrganisationKind, value: unknown): Promise<string | null> {
  const given = typeof value === 'string' && value.trim() !== '' ? value.trim().toUpperCase() : null;
  if (kind !== 'council') {
    if (given !== null) throw badRequest("'areaCode' is only for councils");
    return null;
  }
  if (given === null) throw badRequest("'areaCode' is required for a council: the GSS code of its area");
  const area = isGssCode(given) ? await getArea(sql, given) : undefined;
  if (!area || !isCouncil(area.type)) throw badRequest(`'areaCode': ${given.slice(0, 20)} is not a council area Lantern knows`);
  return given;
}

export async function addUser(sql: Sql, access: RequestAccess, body: Record<string, unknown>): Promise<{ user: User; password: string | undefined }> {
  const email = requiredText(body, 'email', 254).toLowerCase();
  if (!/^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/.test(email)) throw badRequest("'email' must be an email address");
  const name = requiredText(body, 'name', 200);
  const role = requiredText(body, 'role', 40);
  if (!isRole(role)) throw badRequest(`'role' must be one of ${ROLES.join(', ')}`);
  const organisation = await organisationField(sql, body);
  if (!roleFitsOrganisation(role, organisation.kind)) {
    throw badRequest(`'role': a ${ROLE_LABELS[role].toLowerCase()} cannot belong to ${organisation.name}; its people may be: ${rolesFor(organisation.kind).join(', ')}`);
  }
  const given = body.password === undefined || body.password === '' ? undefined : body.password;
  if (given !== undefined && passwordProblem(given)) throw badRequest(passwordProblem(given)!);
  const password = (given as string | undefined) ?? generatePassword();
  access.require('change', guardedRecord('user', 'restricted'), 'user');
  const passwordHash = await hashPassword(password);
  try {
    const user = await sql.begin(async (tx) => {
      const created = await createUser(tx, { email, name, organisationId: organisation.id, role, passwordHash });
      await access.audit(tx, 'change', 'user', String(created.id), `added ${email} as ${role} of ${organisation.name}`);
      return created;
    });
    return { user, password: given === undefined ? password : undefined };
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpError(409, 'conflict', `'email': there is already a user with the email address ${email}`);
    throw error;
  }
}

async function organisationField(sql: Sql, body: Record<string, unknown>): Promise<Organisation> {
  const value = body.organisationId;
  const text = value === undefined || value === null ? '' : String(value);
  if (!/^\d{1,10}$/.test(text)) throw badRequest("'organisationId' is required: the id of the user's organisation");
  const organisation = await getOrganisation(sql, Number(text));
  if (!organisation) throw badRequest(`'organisationId': there is no organisation ${text}`);
  return organisation;
}

export async function changeUser(sql: Sql, access: RequestAccess, id: number, body: Record<string, unknown>): Promise<User> {
  const user = await getUser(sql, id);
  if (!user) throw notFound(`there is no user ${id}`);
  access.require('change', userRecord(user), `user ${id}`);
  const role = body.role === undefined ? undefined : String(body.role);
  if (role !== undefined && !isRole(role)) throw badRequest(`'role' must be one of ${ROLES.join(', ')}`);
  if (role !== undefined && !roleFitsOrganisation(role as Role, user.organisationKind)) throw badRequest(`'role': the people of ${user.organisationName} may be: ${rolesFor(user.organisationKind).join(', ')}`);
  const disabled = body.disabled === undefined ? undefined : body.disabled === true || body.disabled === 'true';
  if (body.disabled !== undefined && typeof body.disabled !== 'boolean' && body.disabled !== 'true' && body.disabled !== 'false') throw badRequest("'disabled' must be true or false");
  const viewer = access.viewer as { userId: number };
  const losesAdministrator = user.role === 'administrator' && !user.disabled && (disabled === true || (role !== undefined && role !== 'administrator'));
  if (losesAdministrator && (await countAdministrators(sql)) <= 1) throw badRequest('this is the last administrator: add another before changing this one');
  if (user.id === viewer.userId && losesAdministrator) throw badRequest('you may not remove your own administration: ask another administrator');
  const changed = await sql.begin(async (tx) => {
    const said: string[] = [];
    if (role !== undefined && role !== user.role) {
      await setUserRole(tx, id, role as Role);
      said.push(`role ${user.role} → ${role}`);
    }
    if (disabled === true && !user.disabled) {
      await disableUser(tx, id);
      said.push('disabled');
    }
    if (disabled === false && user.disabled) {
      await enableUser(tx, id);
      said.push('enabled');
    }
    await access.audit(tx, 'change', 'user', String(id), said.length > 0 ? said.join(', ') : 'saved unchanged');
    return (await getUser(tx, id))!;
  });
  await identityChangesSettled(sql); // every server has been told (a disabled user is refused) before this is answered
  return changed;
}

async function releaseOf(sql: Sql, codeText: string) {
  const code = /^[a-z0-9][a-z0-9-]{0,99}$/.test(codeText) ? codeText : undefined;
  const metric = code === undefined ? undefined : await getMetric(sql, code);
  if (!metric) throw notFound(`there is no metric with the code '${codeText.slice(0, 100)}'`);
  if (metric.status !== 'early_sight') throw badRequest(`${metric.code} is not an early-sight metric (its status is ${metric.status})`);
  const release = (await earlySightReleases(sql, [metric.code])).get(metric.code);
  return { code: metric.code, record: observationRecord('early_sight', release, null) };
}

export async function setRelease(sql: Sql, access: RequestAccess, codeText: string, body: Record<string, unknown>) {
  const { code } = await releaseOf(sql, codeText);
  access.require('change', guardedRecord('metric', 'public'), `metric ${code}`);
  const value = body.embargoUntil;
  let until: Date | null = null;
  if (value !== null) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
      throw badRequest("'embargoUntil' must be an instant with its offset, such as 2025-07-01T09:30:00+01:00, or null for none");
    }
    until = new Date(value);
  }
  const change = await sql.begin(async (tx) => {
    const set = await setEmbargo(tx, code, until);
    await access.audit(tx, 'change', 'metric', code, until ? `embargo until ${until.toISOString()}` : 'embargo end removed');
    return set;
  });
  // Every server hears of it by notification; this one at once, for the request that follows.
  if (change) tellHere(sql, change);
  return { metric: code, embargoUntil: until };
}
