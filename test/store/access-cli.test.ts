// `lantern organisations add|list` and `lantern users add|list|disable`, run as
// the real command on a real store: clear messages naming the option for bad
// input, nothing stored on error, a made password printed once, and every
// change in the audit trail.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedCatalogue } from '../support/import.ts';
import { lantern as runLantern, type Run } from '../support/lantern-command.ts';
import { openTestStore, type TestStore } from '../support/store.ts';
import { checkPassword } from '../../src/server/platform/identity/passwords.ts';
import { credentialsOf } from '../../src/store/users.ts';

describe('lantern users and lantern organisations', () => {
  let store: TestStore;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
  });
  after(() => store.close());

  const lantern = (args: readonly string[], input?: string): Promise<Run> => runLantern(store, args, input);

  it('adds organisations, a council with its area, and lists them', async () => {
    const council = await lantern(['organisations', 'add', '--name', 'Durham County Council', '--kind', 'council', '--area', 'e06000047']);
    assert.equal(council.code, 0, council.stderr);
    assert.match(council.stdout, /^added Durham County Council \(council, E06000047\), id \d+/);
    assert.equal((await lantern(['organisations', 'add', '--name', 'Sector body', '--kind', 'sector_body'])).code, 0);
    const listed = await lantern(['organisations', 'list']);
    assert.match(listed.stdout, /Durham County Council\s+council\s+E06000047/);
  });

  it('refuses bad organisations, naming the option, and stores nothing', async () => {
    for (const [args, message] of [
      [['--name', 'X', '--kind', 'club'], /--kind must be one of/],
      [['--name', 'X', '--kind', 'council'], /--area is required for a council/],
      [['--name', 'X', '--kind', 'council', '--area', 'E12000001'], /--area: E12000001 is not a council area/],
      [['--name', 'Sector body', '--kind', 'sector_body'], /already an organisation called 'Sector body'/],
    ] as const) {
      const run = await lantern(['organisations', 'add', ...args]);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
    }
    const [row] = await store.sql<{ n: number }[]>`select count(*)::int as n from organisation`;
    assert.equal(row!.n, 2);
  });

  it('adds a user with a made password, printed once, that signs in; and one with a password from standard input', async () => {
    const made = await lantern(['users', 'add', '--email', 'Member@Durham.example', '--name', 'A Member', '--organisation', 'Durham County Council', '--role', 'council_member']);
    assert.equal(made.code, 0, made.stderr);
    const password = /^password: (\S+) /m.exec(made.stdout)?.[1];
    assert.ok(password && password.length === 20, made.stdout);
    const stored = await credentialsOf(store.sql, 'member@durham.example');
    assert.ok(stored && (await checkPassword(stored.passwordHash, password)));
    const given = await lantern(
      ['users', 'add', '--email', 'adviser@sector.example', '--name', 'An Adviser', '--organisation', 'Sector body', '--role', 'principal_adviser', '--password-stdin'],
      'a chosen long password\n',
    );
    assert.equal(given.code, 0, given.stderr);
    assert.doesNotMatch(given.stdout, /password:/);
    assert.ok(await checkPassword((await credentialsOf(store.sql, 'adviser@sector.example'))!.passwordHash, 'a chosen long password'));
  });

  it('refuses a role that does not belong to the organisation, a short password, a taken email', async () => {
    for (const [args, message] of [
      [['--email', 'x@durham.example', '--name', 'X', '--organisation', 'Durham County Council', '--role', 'principal_adviser'], /--role: the people of Durham County Council may be/],
      [['--email', 'x@durham.example', '--name', 'X', '--organisation', 'Nowhere', '--role', 'council_member'], /--organisation: there is no organisation 'Nowhere'/],
      [['--email', 'not an email', '--name', 'X', '--organisation', 'Sector body', '--role', 'principal_adviser'], /--email: 'not an email' is not an email address/],
      [['--email', 'member@durham.example', '--name', 'X', '--organisation', 'Durham County Council', '--role', 'council_member'], /already a user with the email address member@durham.example/],
    ] as const) {
      const run = await lantern(['users', 'add', ...args]);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
    const short = await lantern(['users', 'add', '--email', 'y@sector.example', '--name', 'Y', '--organisation', 'Sector body', '--role', 'principal_adviser', '--password-stdin'], 'short\n');
    assert.equal(short.code, 2);
    assert.match(short.stderr, /the password must be at least 12 characters/);
    const [row] = await store.sql<{ n: number }[]>`select count(*)::int as n from user_account`;
    assert.equal(row!.n, 2);
  });

  it('lists and disables users; the audit trail names the command line', async () => {
    const disabled = await lantern(['users', 'disable', 'member@durham.example']);
    assert.equal(disabled.code, 0, disabled.stderr);
    assert.match((await lantern(['users', 'list'])).stdout, /member@durham\.example\s+A Member\s+council_member\s+Durham County Council\s+disabled/);
    const events = await store.sql<{ actor: string; summary: string }[]>`select actor, summary from audit_event order by id`;
    assert.ok(events.length >= 5 && events.every((e) => e.actor.startsWith('cli:')));
    assert.equal(events.at(-1)!.summary, 'disabled member@durham.example');
  });
});
