// `lantern users add|list|disable` and `lantern organisations add|list`: the
// command line's way to the same organisations and users the admin page
// manages, through the same use-cases (src/server/features/admin), acting as
// the person at the console (platform/access/console-access.ts). A password
// is read from standard input (--password-stdin) or made and printed once.
// Every change is in the audit trail, as done by `cli:<login>`.
import type { Command } from 'commander';
import type { Config } from '../config.ts';
// roles.ts, not the access domain's index, and the use-cases only when a
// command runs: `lantern --help` loads this file to list the commands.
import { ORGANISATION_KINDS, ROLES } from '../domain/access/roles.ts';
import { findOrganisationByName, getOrganisation, listOrganisations } from '../store/organisations.ts';
import type { Sql, Store } from '../store/store.ts';
import { findUserByEmail, listUsers } from '../store/users.ts';
import type { RequestAccess } from '../server/platform/access/request-access.ts';
import { HttpError } from '../server/platform/http/http-error.ts';

type WithStore = <T>(config: Config, role: string, work: (store: Store) => Promise<T>) => Promise<T>;
type Print = (line: string) => void;

export class CommandError extends Error {}

export function registerAccessCommands(cli: Command, config: () => Config, withStore: WithStore, out: Print, table: (rows: readonly object[], columns: readonly string[]) => void): void {
  const users = cli.command('users').description('add, list and disable users');
  users
    .command('add')
    .description('add a user; without --password-stdin a password is made and printed once')
    .requiredOption('--email <email>', 'their email address (they sign in with it)')
    .requiredOption('--name <name>', 'their name')
    .requiredOption('--organisation <name or id>', 'their organisation')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input', false)
    .action((options: { email: string; name: string; organisation: string; role: string; passwordStdin: boolean }) =>
      withStore(config(), 'users', async (store) => {
        const password = options.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : undefined;
        const organisation = await organisationNamed(store.sql, options.organisation);
        const { addUser } = await import('../server/features/admin/users.ts');
        const made = await asConsole(store, USER_OPTIONS, (sql, access) =>
          addUser(sql, access, { email: options.email, name: options.name, role: options.role, organisationId: organisation.id, password }),
        );
        out(`added ${made.user.email} (${made.user.role} of ${organisation.name})`);
        if (made.password) out(`password: ${made.password}  (shown once: give it to them safely)`);
      }),
    );
  users
    .command('list')
    .description('list users')
    .action(() =>
      withStore(config(), 'users', async (store) => {
        table(
          (await listUsers(store.sql)).map((u) => ({ ...u, status: u.disabled ? 'disabled' : 'active' })),
          ['id', 'email', 'name', 'role', 'organisationName', 'status'],
        );
      }),
    );
  users
    .command('disable')
    .description('disable a user and end their sessions')
    .argument('<email>', 'their email address')
    .action((email: string) =>
      withStore(config(), 'users', async (store) => {
        const user = await findUserByEmail(store.sql, email);
        if (!user) throw new CommandError(`there is no user with the email address ${email}`);
        const { changeUser } = await import('../server/features/admin/users.ts');
        await asConsole(store, USER_OPTIONS, (sql, access) => changeUser(sql, access, user.id, { disabled: true }));
        out(`disabled ${user.email}`);
      }),
    );

  const organisations = cli.command('organisations').description('add and list organisations');
  organisations
    .command('add')
    .description('add an organisation; a council names its area')
    .requiredOption('--name <name>', 'its name')
    .requiredOption('--kind <kind>', `one of ${ORGANISATION_KINDS.join(', ')}`)
    .option('--area <code>', "a council's area (GSS code)")
    .action((options: { name: string; kind: string; area?: string }) =>
      withStore(config(), 'organisations', async (store) => {
        const { addOrganisation } = await import('../server/features/admin/organisations.ts');
        const organisation = await asConsole(store, ORGANISATION_OPTIONS, (sql, access) => addOrganisation(sql, access, { name: options.name, kind: options.kind, areaCode: options.area }));
        out(`added ${organisation.name} (${organisation.kind}${organisation.areaCode ? `, ${organisation.areaCode}` : ''}), id ${organisation.id}`);
      }),
    );
  organisations
    .command('list')
    .description('list organisations')
    .action(() =>
      withStore(config(), 'organisations', async (store) => {
        table(await listOrganisations(store.sql), ['id', 'name', 'kind', 'areaCode', 'users']);
      }),
    );
}

/** The command line's words for the fields the use-cases name: its options. */
const USER_OPTIONS: Readonly<Record<string, string>> = { email: '--email', name: '--name', role: '--role', organisationId: '--organisation', password: 'the password' };
const ORGANISATION_OPTIONS: Readonly<Record<string, string>> = { name: '--name', kind: '--kind', areaCode: '--area' };

/**
 * Runs a use-case as the console. Its refusals name the field as the API
 * does ('email'); the command line says the option instead (--email), and
 * stops with the message alone. Other commands (src/cli/support.ts) run
 * theirs through it too.
 */
export async function asConsole<T>(store: Store, options: Readonly<Record<string, string>>, useCase: (sql: Sql, access: RequestAccess) => Promise<T>): Promise<T> {
  const { consoleAccess } = await import('../server/platform/access/console-access.ts');
  try {
    return await useCase(store.sql, consoleAccess(store.sql));
  } catch (error) {
    if (error instanceof HttpError && error.status < 500) throw new CommandError(error.message.replace(/'(\w+)'/g, (quoted, field: string) => options[field] ?? quoted));
    throw error;
  }
}

/** An organisation by its id or its name, as --organisation gives it. */
async function organisationNamed(sql: Sql, given: string) {
  const organisation = /^\d+$/.test(given) ? await getOrganisation(sql, Number(given)) : await findOrganisationByName(sql, given);
  if (!organisation) throw new CommandError(`--organisation: there is no organisation '${given}' (see lantern organisations list)`);
  return organisation;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
