// The world of the access tests: a real store with two councils (County
// Durham and Hartlepool) and their data, an early-sight metric, and one user
// of every role in the organisation that role belongs to, each signed in
// through the real sign-in form in a browser of their own. The cast matches
// test/domain/access/cast.ts: the principal adviser `author` writes about
// Durham; `principal_adviser` is a colleague in the same sector body.
import assert from 'node:assert/strict';
import { ROLES, type Role } from '../../../src/domain/access/index.ts';
import type { Organisation } from '../../../src/store/organisations.ts';
import type { User } from '../../../src/store/users.ts';
import { Browser, organisation, user } from '../../support/access.ts';
import { importText, seedCatalogue } from '../../support/import.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

export const DURHAM = 'E06000047';
export const HARTLEPOOL = 'E06000001';
export const EARLY = 'early-reserves';

export type Who = Role | 'author' | 'public';
export const EVERYONE: readonly Who[] = ['public', 'author', ...ROLES];

export interface World {
  readonly store: TestStore;
  readonly server: TestServer;
  readonly base: string;
  readonly organisations: Readonly<Record<'sectorBody' | 'durham' | 'hartlepool' | 'region' | 'panel' | 'government' | 'inspectorate' | 'service' | 'recipient', Organisation>>;
  readonly users: Readonly<Record<Exclude<Who, 'public'> | 'hartlepoolOfficer', User>>;
  readonly browsers: Readonly<Record<Who | 'hartlepoolOfficer', Browser>>;
  close(): Promise<void>;
}

export async function openWorld(options: { signIn?: boolean } = {}): Promise<World> {
  const store = await openTestStore();
  const sql = store.sql;
  await seedCatalogue(sql);
  const loaded = [
    await importText(sql, 'obesity.csv', `metric,area,period,value\nobesity,${DURHAM},2022/23,31.2\nobesity,${HARTLEPOOL},2022/23,33.9\n`),
    await importText(sql, 'early-metric.csv', `code,title,polarity,value_kind,period_kind,status\n${EARLY},Reserves as a share of spending,higher_is_better,proportion,financial_year,early_sight\n`),
    await importText(sql, 'early.csv', `metric,area,period,value\n${EARLY},${DURHAM},2024/25,12.5\n${EARLY},${HARTLEPOOL},2024/25,4.25\n`),
  ];
  for (const result of loaded) assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
  const organisations = {
    sectorBody: await organisation(sql, 'Sector improvement body', 'sector_body'),
    durham: await organisation(sql, 'Durham County Council', 'council', DURHAM),
    hartlepool: await organisation(sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL),
    region: await organisation(sql, 'North East improvement partnership', 'regional_partnership'),
    panel: await organisation(sql, 'Performance support panel', 'support_panel'),
    government: await organisation(sql, 'Department for local government', 'government'),
    inspectorate: await organisation(sql, 'Inspectorate of services', 'inspectorate'),
    service: await organisation(sql, 'Lantern service', 'sector_body'),
    recipient: await organisation(sql, 'Recipient partnership', 'regional_partnership'),
  };
  const users = {
    author: await user(sql, 'author@sector.example', 'principal_adviser', organisations.sectorBody.id, 'Alex Author'),
    performance_officer: await user(sql, 'officer@durham.example', 'performance_officer', organisations.durham.id),
    council_member: await user(sql, 'member@durham.example', 'council_member', organisations.durham.id),
    principal_adviser: await user(sql, 'adviser@sector.example', 'principal_adviser', organisations.sectorBody.id),
    regional_partner: await user(sql, 'partner@region.example', 'regional_partner', organisations.region.id),
    panel_member: await user(sql, 'panel@panel.example', 'panel_member', organisations.panel.id),
    government_officer: await user(sql, 'officer@government.example', 'government_officer', organisations.government.id),
    inspector: await user(sql, 'inspector@inspectorate.example', 'inspector', organisations.inspectorate.id),
    peer_challenge_manager: await user(sql, 'peers@sector.example', 'peer_challenge_manager', organisations.sectorBody.id),
    administrator: await user(sql, 'admin@service.example', 'administrator', organisations.service.id),
    hartlepoolOfficer: await user(sql, 'officer@hartlepool.example', 'performance_officer', organisations.hartlepool.id),
  };
  const server = await startTestServer(store);
  const browsers = Object.fromEntries([['public', new Browser(server.base)], ...Object.keys(users).map((who) => [who, new Browser(server.base)])]) as World['browsers'];
  if (options.signIn !== false) {
    for (const [who, person] of Object.entries(users)) {
      const response = await browsers[who as keyof typeof users].signIn(person.email);
      assert.equal(response.status, 303, `${who} signs in`);
    }
  }
  return {
    store,
    server,
    base: server.base,
    organisations,
    users,
    browsers,
    async close() {
      await server.close();
      await store.close();
    },
  };
}

/** A shareable intelligence item about Durham, written by the author, with the given classification. */
export async function authorItem(world: World, classification: string, fields: Record<string, unknown> = {}): Promise<{ id: number }> {
  const response = await world.browsers.author.json('POST', '/api/intelligence', {
    subjectArea: DURHAM,
    riskFactor: 'financial_difficulty',
    title: 'Reserves falling',
    classification,
    shareable: true,
    note: 'General fund reserves fell by a third in a year; members were told in March.',
    evidence: [
      { kind: 'observation', metric: 'obesity', area: DURHAM, period: '2022/23' },
      { kind: 'source', description: 'Budget report to cabinet, March' },
    ],
    ...fields,
  });
  const body = (await response.json()) as { id: number; message?: string };
  assert.equal(response.status, 201, body.message);
  return body;
}
