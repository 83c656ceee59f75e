// Adding a user and changing one (their role; disabling and enabling them),
// as the admin API, the admin page and the command line all do it: the input
// checked, the policy asked, the rules kept (a role fits its organisation;
// the last administrator stays; no one removes their own administration), the
// change and its audit event written together, and every server told before
// the answer.
import { guardedRecord, roleFitsOrganisation, rolesFor, ROLE_LABELS, type OrganisationKind, type Role } from '../../../domain/access/index.ts';
import { identityChangesSettled } from '../../../store/identity-changes.ts';
import { getOrganisation, isUniqueViolation } from '../../../store/organisations.ts';
import type { Sql } from '../../../store/store.ts';
import { countAdministrators, createUser, disableUser, enableUser, getUser, setUserRole, type User } from '../../../store/users.ts';
import type { RequestAccess } from '../../platform/access/request-access.ts';
import { badRequest, HttpError, notFound } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { generatePassword, hashPassword } from '../../platform/identity/passwords.ts';
import { newUserBody, userChangeBody } from './api-inputs.ts';

/** A user's record: theirs to read, and administrators'. */
export function userRecord(user: User) {
  return guardedRecord('user', 'restricted', { author: user.id });
}

/** Adds a user; without a password one is made, and returned this once. */
export async function addUser(sql: Sql, access: RequestAccess, body: Record<string, unknown>): Promise<{ user: User; password: string | undefined }> {
  const { email, name, role, organisationId, password: chosen } = checked(newUserBody, body);
  const organisation = await getOrganisation(sql, organisationId);
  if (!organisation) throw badRequest(`'organisationId': there is no organisation ${organisationId}`);
  requireRoleFits(role, organisation.name, organisation.kind);
  const password = chosen ?? generatePassword();
  access.require('change', guardedRecord('user', 'restricted'), 'user');
  const passwordHash = await hashPassword(password);
  try {
    const user = await sql.begin(async (tx) => {
      const created = await createUser(tx, { email, name, organisationId: organisation.id, role, passwordHash });
      await access.audit(tx, 'change', 'user', String(created.id), `added ${email} as ${role} of ${organisation.name}`);
      return created;
    });
    return { user, password: chosen === undefined ? password : undefined };
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpError(409, 'conflict', `'email': there is already a user with the email address ${email}`);
    throw error;
  }
}

/** Changes a user's role, or disables or enables them (`role`, `disabled`). */
export async function changeUser(sql: Sql, access: RequestAccess, id: number, body: Record<string, unknown>): Promise<User> {
  const user = await getUser(sql, id);
  if (!user) throw notFound(`there is no user ${id}`);
  access.require('change', userRecord(user), `user ${id}`);
  const { role, disabled } = checked(userChangeBody, body);
  if (role !== undefined) requireRoleFits(role, user.organisationName, user.organisationKind);
  const viewer = access.viewer;
  const losesAdministrator = user.role === 'administrator' && !user.disabled && (disabled === true || (role !== undefined && role !== 'administrator'));
  if (losesAdministrator && (await countAdministrators(sql)) <= 1) throw badRequest('this is the last administrator: add another before changing this one');
  if (viewer.kind === 'user' && user.id === viewer.userId && losesAdministrator) throw badRequest('you may not remove your own administration: ask another administrator');
  const changed = await sql.begin(async (tx) => {
    const said: string[] = [];
    if (role !== undefined && role !== user.role) {
      await setUserRole(tx, id, role);
      said.push(`changed the role of ${user.email}: ${user.role} → ${role}`);
    }
    if (disabled === true && !user.disabled) {
      await disableUser(tx, id);
      said.push(`disabled ${user.email}`);
    }
    if (disabled === false && user.disabled) {
      await enableUser(tx, id);
      said.push(`enabled ${user.email}`);
    }
    await access.audit(tx, 'change', 'user', String(id), said.length > 0 ? said.join('; ') : `saved ${user.email} unchanged`);
    return (await getUser(tx, id))!;
  });
  await identityChangesSettled(sql); // every server has been told (a disabled user is refused) before this is answered
  return changed;
}

/** A role belongs to the organisations of its kind: a council's people are its officers and members, a sector body's its advisers. */
function requireRoleFits(role: Role, organisationName: string, kind: OrganisationKind): void {
  if (roleFitsOrganisation(role, kind)) return;
  throw badRequest(`'role': the people of ${organisationName} may be: ${rolesFor(kind).join(', ')}; a ${ROLE_LABELS[role].toLowerCase()} cannot belong to ${organisationName}`);
}
