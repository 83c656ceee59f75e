// Which organisation answers for each provider of the offer, set through the
// support offer's use-case: as the console and as an administrator, refused
// for anyone else; an unknown provider, an unknown organisation and one
// that is not a sector body or regional partnership refused naming the
// field, storing nothing; a change of organisation says who answered before
// and how many of its requests are still open; audited. Removing it: the
// console and an administrator alone, an unknown provider or one no
// organisation answers for refused naming the field, audited. And the
// command line, `lantern support providers list|set|remove`, on the same
// store, its refusals naming the argument.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { consoleAccess } from '../../../src/server/platform/access/console-access.ts';
import { listProviders, mapProvider, unmapProvider } from '../../../src/server/features/support-offer/providers.ts';
import { askForSupport, providerOrganisations } from '../../../src/store/support-requests.ts';
import type { Organisation } from '../../../src/store/organisations.ts';
import type { User } from '../../../src/store/users.ts';
import { accessAs, organisation, refusalOf, user } from '../../support/access.ts';
import { PROJECT_DIR } from '../../support/data.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

describe('naming the organisation that answers for a provider', () => {
  let store: TestStore;
  let sector: Organisation;
  let east: Organisation;
  let durham: Organisation;
  let admin: User;
  let partner: User;
  before(async () => {
    store = await openTestStore();
    sector = await organisation(store.sql, 'Sector improvement body', 'sector_body');
    east = await organisation(store.sql, 'Improvement East', 'regional_partnership');
    durham = await organisation(store.sql, 'Durham County Council', 'council', 'E06000047');
    admin = await user(store.sql, 'admin@service.example', 'administrator', sector.id);
    partner = await user(store.sql, 'partner@east.example', 'regional_partner', east.id);
  });
  after(() => store.close());

  const fields = (error: { details?: unknown }) => ((error.details as { problems?: { field: string }[] } | undefined)?.problems ?? []).map((p) => p.field);

  it('lists every provider of the offer, none answered for in an empty store', async () => {
    const listed = await listProviders(store.sql);
    assert.deepEqual(
      listed.map((p) => [p.providerId, p.organisationName]),
      [
        ['lga', null],
        ['improvement-east', null],
        ['iese', null],
      ],
    );
  });

  it('refuses an unknown provider, an unknown organisation and a council, by field, storing nothing', async () => {
    const unknown = await refusalOf(mapProvider(store.sql, consoleAccess(store.sql), { provider: 'lgaa', organisation: 'Nobody at all' }));
    assert.equal(unknown.status, 400);
    assert.deepEqual(fields(unknown), ['provider', 'organisation']);
    assert.match(unknown.message, /'provider': no provider of the offer has the id 'lgaa'; the providers are lga, improvement-east, iese/);
    const council = await refusalOf(mapProvider(store.sql, consoleAccess(store.sql), { provider: 'lga', organisation: String(durham.id) }));
    assert.deepEqual([council.status, fields(council)], [400, ['organisation']]);
    assert.match(council.message, /Durham County Council is a council; a sector body or a regional partnership answers for a provider/);
    assert.equal((await providerOrganisations(store.sql)).size, 0);
  });

  it('lets the console and an administrator name it, and no one else', async () => {
    const refused = await refusalOf(mapProvider(store.sql, accessAs(store.sql, partner), { provider: 'improvement-east', organisation: 'Improvement East' }));
    assert.equal(refused.status, 403);
    const byConsole = await mapProvider(store.sql, consoleAccess(store.sql, 'ops'), { provider: 'lga', organisation: 'sector improvement body' });
    assert.deepEqual([byConsole.mapping.organisationId, byConsole.before], [sector.id, null]);
    const byAdmin = await mapProvider(store.sql, accessAs(store.sql, admin), { provider: 'improvement-east', organisation: String(east.id) });
    assert.equal(byAdmin.mapping.organisationName, 'Improvement East');
    const moved = await mapProvider(store.sql, consoleAccess(store.sql, 'ops'), { provider: 'lga', organisation: 'Improvement East' });
    assert.deepEqual(moved.before, { id: sector.id, name: 'Sector improvement body', openRequests: 0 });
    assert.deepEqual(Object.fromEntries(await providerOrganisations(store.sql)), { lga: east.id, 'improvement-east': east.id });
    const audited = await store.sql<{ actor: string; summary: string }[]>`select actor, summary from audit_event where record_kind = 'support_offer' order by id`;
    assert.deepEqual(
      audited.map((a) => a.actor),
      ['cli:ops', admin.email, 'cli:ops'],
    );
    assert.match(audited[2]!.summary, /named Improvement East to answer for Local Government Association \(before: Sector improvement body\)/);
  });

  it('lets the console and an administrator remove it, and no one else, refusing an unknown provider or one no one answers for by field', async () => {
    const before = Object.fromEntries(await providerOrganisations(store.sql));
    const refused = await refusalOf(unmapProvider(store.sql, accessAs(store.sql, partner), { provider: 'improvement-east' }));
    assert.equal(refused.status, 403);
    const unknown = await refusalOf(unmapProvider(store.sql, consoleAccess(store.sql), { provider: 'lgaa' }));
    assert.deepEqual([unknown.status, fields(unknown)], [400, ['provider']]);
    assert.match(unknown.message, /^'provider': no provider has the id 'lgaa'; the providers are lga, improvement-east, iese$/);
    const empty = await refusalOf(unmapProvider(store.sql, consoleAccess(store.sql), { provider: ' ' }));
    assert.deepEqual([empty.status, fields(empty)], [400, ['provider']]);
    const none = await refusalOf(unmapProvider(store.sql, accessAs(store.sql, admin), { provider: 'iese' }));
    assert.deepEqual([none.status, fields(none)], [400, ['provider']]);
    assert.match(none.message, /no organisation answers for Improvement and Efficiency South East, Performance Improvement Theme, so there is none to remove/);
    assert.deepEqual(Object.fromEntries(await providerOrganisations(store.sql)), before, 'nothing removed');
    // an open request to the provider stays with the organisation that held it
    const asked = await askForSupport(
      store.sql,
      { councilCode: 'E06000047', offerId: 'corporate-peer-challenge', offerKind: 'corporate_peer_challenge', providerId: 'lga', organisationId: east.id, requestedOn: '2026-01-05', note: null },
      null,
      () => [],
    );
    assert.equal(asked.kind, 'ok');
    const byAdmin = await unmapProvider(store.sql, accessAs(store.sql, admin), { provider: 'lga' });
    assert.deepEqual(byAdmin.removed, { id: east.id, name: 'Improvement East', openRequests: 1 });
    const byConsole = await unmapProvider(store.sql, consoleAccess(store.sql, 'ops'), { provider: 'improvement-east' });
    assert.equal(byConsole.removed.name, 'Improvement East');
    assert.deepEqual(Object.fromEntries(await providerOrganisations(store.sql)), {});
    const [held] = await store.sql<{ organisationId: number }[]>`select organisation_id as "organisationId" from support_request where offer_id = 'corporate-peer-challenge'`;
    assert.equal(held!.organisationId, east.id);
    const audited = await store.sql<{ actor: string; summary: string }[]>`select actor, summary from audit_event where record_kind = 'support_offer' and summary like 'removed%' order by id`;
    assert.deepEqual(
      audited.map((a) => [a.actor, a.summary]),
      [
        [admin.email, 'removed Improvement East from answering for Local Government Association (1 open requests stay with it)'],
        ['cli:ops', 'removed Improvement East from answering for Improvement East (East of England Regional Improvement and Efficiency Partnership)'],
      ],
    );
  });

  it('answers `lantern support providers` on the same store, naming the argument it refuses', async (t) => {
    if (!store.databaseUrl) return t.skip('the store is embedded in this process: the command needs a server to share');
    const run = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const env: NodeJS.ProcessEnv = { ...process.env, LANTERN_DATABASE_URL: store.databaseUrl, LANTERN_MIGRATION_DATABASE_URL: store.migrationDatabaseUrl ?? store.databaseUrl };
        for (const name of ['NODE_TEST_CONTEXT', 'PORT', 'LANTERN_PORT']) delete env[name];
        const child = spawn(process.execPath, [path.join(PROJECT_DIR, 'bin', 'lantern.js'), 'support', 'providers', ...args], { env });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const set = await run('set', 'iese', 'Sector improvement body');
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, /^Sector improvement body now answers for Improvement and Efficiency South East, Performance Improvement Theme$/m);
    const listed = await run('list');
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`^iese\\s+Improvement and Efficiency South East, Performance Improvement Theme\\s+Sector improvement body \\(${sector.id}\\)$`, 'm'));
    const unknown = await run('set', 'nobody', 'Sector improvement body');
    assert.equal(unknown.code, 2, 'a refused command exits 2, as a bad option does');
    assert.match(unknown.stderr, /^lantern: <provider>: no provider of the offer has the id 'nobody'; the providers are lga, improvement-east, iese$/m);
    const removed = await run('remove', 'iese');
    assert.equal(removed.code, 0, removed.stderr);
    assert.match(
      removed.stdout,
      /^Sector improvement body no longer answers for Improvement and Efficiency South East, Performance Improvement Theme; it takes no requests through Lantern until an organisation is named$/m,
    );
    const again = await run('remove', 'iese');
    assert.equal(again.code, 2);
    assert.match(again.stderr, /^lantern: <provider>: no organisation answers for Improvement and Efficiency South East, Performance Improvement Theme, so there is none to remove$/m);
    const nobody = await run('remove', 'nobody');
    assert.equal(nobody.code, 2);
    assert.match(nobody.stderr, /^lantern: <provider>: no provider has the id 'nobody'; the providers are lga, improvement-east, iese$/m);
    const [audit] = await store.sql<{ actor: string }[]>`select actor from audit_event where summary like 'removed Sector improvement body%'`;
    assert.match(audit!.actor, /^cli:/);
  });
});
