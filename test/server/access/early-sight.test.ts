// Early sight on every read path: an early-sight metric's observations are
// for the council each is about and the release's named partners until the
// embargo ends, then public. Observations (JSON, CSV, history), league
// tables, profiles and series all filter through the policy, and every
// partner named is a share the councils see.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearer, administratorToken } from '../../support/access.ts';
import { DURHAM, EARLY, HARTLEPOOL, openWorld, type World } from './world.ts';

interface Row {
  area: string;
  value: number;
}

describe('early sight and its embargo', () => {
  let world: World;
  let admin: Record<string, string>;

  before(async () => {
    world = await openWorld();
    await world.server.engine.settled();
    admin = bearer(await administratorToken(world.store.sql));
  });
  after(() => world.close());

  const rows = async (who: keyof World['browsers'], address: string) => {
    const response = await world.browsers[who].fetch(address);
    return { status: response.status, items: response.status === 200 ? ((await response.json()) as { items: Row[] }).items : [] };
  };
  const adminJson = (method: string, address: string, body: unknown) => fetch(world.base + address, { method, headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('hides the rows from the public and from others, everywhere observations are listed', async () => {
    for (const address of [`/api/observations?metric=${EARLY}`, '/api/observations?limit=10000']) {
      assert.deepEqual(
        (await rows('public', address)).items.filter((r) => r.area && address.includes(EARLY)),
        [],
      );
      assert.ok((await rows('inspector', address)).items.every((r) => !('metric' in r) || (r as unknown as { metric: string }).metric !== EARLY));
    }
    const all = (await rows('public', '/api/observations?limit=10000')).items as unknown as { metric: string }[];
    assert.ok(all.length > 0 && all.every((r) => r.metric !== EARLY));
    const csv = await (await world.browsers.public.fetch(`/api/observations?metric=${EARLY}&format=csv`)).text();
    assert.equal(csv.trim().split(/\r?\n/).length, 1, 'the CSV has its header only');
  });

  it("shows a council its own rows and no other council's", async () => {
    const durham = await rows('council_member', `/api/observations?metric=${EARLY}`);
    assert.deepEqual(
      durham.items.map((r) => [r.area, r.value]),
      [[DURHAM, 12.5]],
    );
    const hartlepool = await rows('hartlepoolOfficer', `/api/observations?metric=${EARLY}&format=json`);
    assert.deepEqual(
      hartlepool.items.map((r) => [r.area, r.value]),
      [[HARTLEPOOL, 4.25]],
    );
    const csv = await (await world.browsers.council_member.fetch(`/api/observations?metric=${EARLY}&format=csv`)).text();
    assert.deepEqual(
      csv
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(',')[1]),
      [DURHAM],
    );
    assert.equal((await world.browsers.council_member.fetch(`/api/observations/history?metric=${EARLY}&area=${DURHAM}`)).status, 200);
    assert.equal((await world.browsers.council_member.fetch(`/api/observations/history?metric=${EARLY}&area=${HARTLEPOOL}`)).status, 404);
    assert.equal((await world.browsers.public.fetch(`/api/observations/history?metric=${EARLY}&area=${DURHAM}`)).status, 404, 'as for a figure that does not exist');
  });

  it('refuses comparisons (league tables) to all but named partners, and leaves the metric out of profiles', async () => {
    assert.equal((await world.browsers.public.fetch(`/api/benchmark/league-table?metric=${EARLY}`)).status, 401);
    const council = await world.browsers.council_member.fetch(`/api/benchmark/league-table?metric=${EARLY}&area=${DURHAM}`);
    assert.equal(council.status, 403);
    assert.match(((await council.json()) as { message: string }).message, /under embargo/);
    const profile = (await (await world.browsers.council_member.fetch(`/api/benchmark/profile?area=${DURHAM}&group=england`)).json()) as { items: { metric: { code: string } }[] };
    assert.ok(profile.items.length > 0 && profile.items.every((i) => i.metric.code !== EARLY));
    assert.equal((await world.browsers.council_member.fetch(`/api/benchmark/profile?area=${DURHAM}&group=england&metrics=${EARLY}`)).status, 403);
    const series = (await (await world.browsers.council_member.fetch(`/api/benchmark/series?metric=${EARLY}&areas=${DURHAM},${HARTLEPOOL}`)).json()) as { points: Row[] };
    assert.deepEqual(
      series.points.map((p) => p.area),
      [DURHAM],
    );
  });

  it('names a partner by sharing the release: the partner then reads and compares every council, audited', async () => {
    const refused = await world.browsers.principal_adviser.json('POST', `/api/admin/early-sight/${EARLY}/shares`, {
      organisationId: world.organisations.region.id,
      reason: 'Regional early sight for the autumn review',
    });
    assert.equal(refused.status, 403);
    const shared = await adminJson('POST', `/api/admin/early-sight/${EARLY}/shares`, { organisationId: world.organisations.region.id, reason: 'Regional early sight for the autumn review' });
    assert.equal(shared.status, 201);
    const partner = await rows('regional_partner', `/api/observations?metric=${EARLY}`);
    assert.deepEqual(
      partner.items.map((r) => r.area),
      [HARTLEPOOL, DURHAM].sort(),
    );
    assert.equal((await world.browsers.regional_partner.fetch(`/api/benchmark/league-table?metric=${EARLY}`)).status, 200);
    const reads = await world.store.sql<{ recordId: string }[]>`
      select record_id as "recordId" from audit_event where action = 'read' and record_kind = 'observation' and user_id = ${world.users.regional_partner.id}`;
    assert.ok(reads.some((r) => r.recordId === `${EARLY}/${DURHAM}`));
    assert.ok(
      reads.some((r) => r.recordId === EARLY),
      'the league table read is audited',
    );
  });

  it('shows every council the release shares on its list of shares', async () => {
    for (const who of ['council_member', 'hartlepoolOfficer'] as const) {
      const response = await world.browsers[who].fetch('/api/shares/feed');
      const feed = (await response.json()) as { items: { title: string }[] };
      assert.ok(
        feed.items.some((i) => i.title.includes(`shared observation ${EARLY} with North East improvement partnership`)),
        who,
      );
    }
  });

  it('makes the data public from the instant the embargo ends', async () => {
    const future = await adminJson('PUT', `/api/admin/early-sight/${EARLY}/embargo`, { embargoUntil: '2999-01-01T09:30:00Z' });
    assert.equal(future.status, 200);
    assert.deepEqual((await rows('public', `/api/observations?metric=${EARLY}`)).items, []);
    const bad = await adminJson('PUT', `/api/admin/early-sight/${EARLY}/embargo`, { embargoUntil: 'next tuesday' });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /'embargoUntil'/);
    const past = await adminJson('PUT', `/api/admin/early-sight/${EARLY}/embargo`, { embargoUntil: new Date(Date.now() - 1000).toISOString() });
    assert.equal(past.status, 200);
    assert.deepEqual(
      (await rows('public', `/api/observations?metric=${EARLY}`)).items.map((r) => r.area),
      [HARTLEPOOL, DURHAM].sort(),
    );
    assert.equal((await world.browsers.public.fetch(`/api/benchmark/league-table?metric=${EARLY}`)).status, 200);
    const afterwards = await world.store.sql`select 1 from audit_event where user_id is null and action = 'read' and record_kind = 'observation'`;
    assert.equal(afterwards.length, 0, 'public data is not audited');
  });
});
