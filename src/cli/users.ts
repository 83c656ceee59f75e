// `lantern users add|list|disable` and `lantern organisations add|list`: the
// command line's way to the same organisations and users the admin page
// manages, with the same checks. A password is read from standard input
// (--password-stdin) or made and printed once. Every change is in the audit
// trail, as done by `cli:<login>`.
import os from 'node:os';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
// roles.ts, not the access domain's index, and the password hashing only when
// a user is added: `lantern --help` loads this file to list the commands.
import { isOrganisationKind, isRole, ORGANISATION_KINDS, ROLES, roleFitsOrganisation, rolesFor } from '../domain/access/roles.ts';
import { isGssCode } from '../domain/area/index.ts';
import { isCouncil } from '../domain/benchmark/comparator-group.ts';
import { recordAudit, type AuditEntry } from '../store/audit.ts';
import { getArea } from '../store/catalogue.ts';
import { createOrganisation, findOrganisationByName, getOrganisation, isUniqueViolation, listOrganisations, type Organisation } from '../store/organisations.ts';
import type { Sql, Store } from '../store/store.ts';
import { countAdministrators, createUser, disableUser, findUserByEmail, listUsers } from '../store/users.ts';

type WithStore = <T>(config: Config, role: string, work: (store: Store) => Promise<T>) => Promise<T>;
type Print = (line: string) => void;

export class CommandError extends Error {}

export function registerAccessCommands(cli: Command, config: () => Config, withStore: WithStore, out: Print, table: (rows: readonly object[], columns: readonly string[]) => void): void {
  const users = cli.command('users').description('add, list and disable users');
  users.command('add').description('add a user; without --password-stdin a password is made and printed once')
    .requiredOption('--email <email>', 'their email address (they sign in with it)')
    .requiredOption('--name <name>', 'their name')
    .requiredOption('--organisation <name or id>', 'their organisation')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input', false)
    .action((options) => withStore(config(), 'users', async (store) => {
      const password = options.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : undefined;
      const made = await addUser(store.sql, { ...options, password });
      out(`added ${made.email} (${made.role} of ${made.organisation})`);
      if (made.password) out(`password: ${made.password}  (shown once: give it to them safely)`);
    }));
  users.command('list').description('list users')
    .action(() => withStore(config(), 'users', async (store) => {
      table((await listUsers(store.sql)).map((u) => ({ ...u, status: u.disabled ? 'disabled' : 'active' })), ['id', 'email', 'name', 'role', 'organisationName', 'status']);
    }));
  users.command('disable').description('disable a user and end their sessions')
    .argument('<email>', 'their email address')
    .action((email: string) => withStore(config(), 'users', async (store) => {
      const user = await findUserByEmail(store.sql, email);
      if (!user) throw new CommandError(`there is no user with the email address ${email}`);
      if (user.role === 'administrator' && !user.disabled && (await countAdministrators(store.sql)) <= 1) throw new CommandError(`${email} is the last administrator: add another first`);
      await store.sql.begin(async (tx) => {
        await disableUser(tx, user.id);
        await recordAudit(tx, [cliEntry('user', String(user.id), `disabled ${user.email}`)]);
      });
      out(`disabled ${user.email}`);
    }));

  const organisations = cli.command('organisations').description('add and list organisations');
  organisations.command('add').description('add an organisation; a council names its area')
    .requiredOption('--name <name>', 'its name')
    .requiredOption('--kind <kind>', `one of ${ORGANISATION_KINDS.join(', ')}`)
    .option('--area <code>', "a council's area (GSS code)")
    .action((options) => withStore(config(), 'organisations', async (store) => {
      const organisation = await addOrganisation(store.sql, options);
      out(`added ${organisation.name} (${organisation.kind}${organisation.areaCode ? `, ${organisation.areaCode}` : ''}), id ${organisation.id}`);
    }));
  organisations.command('list').description('list organisations')
    .action(() => withStore(config(), 'organisations', async (store) => {
      table(await listOrganisations(store.sql), ['id', 'name', 'kind', 'areaCode', 'users']);
    }));
}

export async function addOrganisation(sql: Sql, options: { name: string; kind: string; area?: string }): Promise<Organisation> {
  const name = options.name.trim();
  if (name === '' || name.length > 200) throw new CommandError('--name must be 1 to 200 characters');
  if (!isOrganisationKind(options.kind)) throw new CommandError(`--kind must be one of ${ORGANISATION_KINDS.join(', ')}`);
  const areaCode = options.area?.trim().toUpperCase() || null;
  if ((options.kind === 'council') !== (areaCode !== null)) throw new CommandError(options.kind === 'council' ? '--area is required for a council' : '--area is only for councils');
  if (areaCode !== null) {
    const area = isGssCode(areaCode) ? await getArea(sql, areaCode) : undefined;
    if (!area || !isCouncil(area.type)) throw new CommandError(`--area: ${areaCode} is not a council area Lantern knows`);
  }
  try {
    return await sql.begin(async (tx) => {
      const organisation = await createOrganisation(tx, { name, kind: options.kind as Organisation['kind'], areaCode });
      await recordAudit(tx, [cliEntry('organisation', String(organisation.id), `added ${organisation.kind} '${name}'`)]);
      return organisation;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CommandError(`there is already an organisation called '${name}'${areaCode ? ` or a council for ${areaCode}` : ''}`);
    throw error;
  }
}

export async function addUser(sql: Sql, options: { email: string; name: string; organisation: string; role: string; password?: string | undefined }) {
  const email = options.email.trim().toLowerCase();
  if (!/^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/.test(email)) throw new CommandError(`--email: '${options.email}' is not an email address`);
  const name = options.name.trim();
  if (name === '' || name.length > 200) throw new CommandError('--name must be 1 to 200 characters');
  if (!isRole(options.role)) throw new CommandError(`--role must be one of ${ROLES.join(', ')}`);
  const organisation = /^\d+$/.test(options.organisation) ? await getOrganisation(sql, Number(options.organisation)) : await findOrganisationByName(sql, options.organisation);
  if (!organisation) throw new CommandError(`--organisation: there is no organisation '${options.organisation}' (see lantern organisations list)`);
  if (!roleFitsOrganisation(options.role, organisation.kind)) throw new CommandError(`--role: the people of ${organisation.name} may be: ${rolesFor(organisation.kind).join(', ')}`);
  const { generatePassword, hashPassword, passwordProblem } = await import('../server/platform/identity/passwords.ts');
  if (options.password !== undefined && passwordProblem(options.password)) throw new CommandError(passwordProblem(options.password)!.replace("'password'", 'the password'));
  const password = options.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await sql.begin(async (tx) => {
      const created = await createUser(tx, { email, name, organisationId: organisation.id, role: options.role as never, passwordHash });
      await recordAudit(tx, [cliEntry('user', String(created.id), `added ${email} as ${created.role} of ${organisation.name}`)]);
      return created;
    });
    return { email: user.email, role: user.role, organisation: organisation.name, password: options.password === undefined ? password : undefined };
  } catch (error) {
    if (isUniqueViolation(error)) throw new CommandError(`there is already a user with the email address ${email}`);
    throw error;
  }
}

function cliEntry(recordKind: string, recordId: string, summary: string): AuditEntry {
  return { userId: null, actor: `cli:${os.userInfo().username}`, action: 'change', recordKind, recordId, summary, ip: null, userAgent: 'lantern command line' };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
