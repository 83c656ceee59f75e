// The lesser findings of the outside probe: a re-embargoed figure leaving
// public pages at once, the same 404 for a missing and an unreadable record,
// an evidence check that confirms nothing under embargo, and a re-enabled
// user's old tokens staying dead.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { administratorToken, apiToken, bearer } from '../../support/access.ts';
import { DURHAM, EARLY, openWorld, type World } from './world.ts';

describe('the lesser findings', () => {
  let world: World;
  let admin: Record<string, string>;

  before(async () => {
    world = await openWorld();
    await world.server.engine.settled();
    admin = bearer(await administratorToken(world.store.sql));
  });
  after(() => world.close());

  const embargo = async (until: string) => {
    const response = await fetch(`${world.base}/api/admin/early-sight/${EARLY}/embargo`, {
      method: 'PUT',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ embargoUntil: until }),
    });
    assert.equal(response.status, 200, await response.text());
  };

  it('takes a re-embargoed figure off public pages at once', async () => {
    await embargo('2020-01-01T00:00:00Z');
    const published = await fetch(`${world.base}/metrics/${EARLY}`);
    assert.equal(published.status, 200);
    assert.ok((await published.text()).includes('12.5'), 'the figure is public once its embargo has ended');
    await embargo('2099-01-01T00:00:00Z');
    const again = await fetch(`${world.base}/metrics/${EARLY}`);
    assert.ok(!(await again.text()).includes('12.5'), `the re-embargoed figure is gone at once (status ${again.status})`);
  });

  const item = (evidence: unknown[] = []) => ({
    subjectArea: DURHAM,
    riskFactor: 'financial_difficulty',
    title: 'Reserves running down',
    note: 'Reserves fell by a third in two years, with no plan to restore them.',
    evidence,
  });

  it('answers the same for a missing item and one the viewer may not read', async () => {
    const made = await world.browsers.author.json('POST', '/api/intelligence', item());
    assert.equal(made.status, 201);
    const { id } = (await made.json()) as { id: number };
    const missing = id + 1000;
    for (const who of ['public', 'principal_adviser', 'inspector'] as const) {
      const hidden = await world.browsers[who].fetch(`/api/intelligence/${id}`);
      const absent = await world.browsers[who].fetch(`/api/intelligence/${missing}`);
      assert.deepEqual([hidden.status, (await hidden.text()).replace(String(id), 'N')], [absent.status, (await absent.text()).replace(String(missing), 'N')], who);
      assert.equal(hidden.status, 404);
    }
  });

  it('checks evidence without confirming that figures under embargo exist', async () => {
    await embargo('2099-01-01T00:00:00Z');
    const held = await world.browsers.principal_adviser.json('POST', '/api/intelligence', item([{ kind: 'observation', metric: EARLY, area: DURHAM, period: '2024/25' }]));
    const absent = await world.browsers.principal_adviser.json('POST', '/api/intelligence', item([{ kind: 'observation', metric: EARLY, area: DURHAM, period: '2023/24' }]));
    assert.equal(held.status, 400, 'an embargoed observation the adviser may not read is not evidence they can give');
    assert.deepEqual(((await held.json()) as { message: string }).message.replace('2024/25', 'P'), ((await absent.json()) as { message: string }).message.replace('2023/24', 'P'));
    const council = await world.browsers.council_member.fetch(`/api/observations?metric=${EARLY}`);
    assert.equal(council.status, 200, 'the council itself still reads its own row');
  });

  it("leaves a user's old API tokens dead when they are enabled again", async () => {
    const member = world.users.panel_member;
    const token = bearer(await apiToken(world.store.sql, member.id, ['read']));
    assert.equal((await fetch(`${world.base}/api/session`, { headers: token })).status, 200);
    const set = (disabled: boolean) =>
      fetch(`${world.base}/api/admin/users/${member.id}`, {
        method: 'PATCH',
        headers: { ...admin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ disabled }),
      });
    assert.equal((await set(true)).status, 200);
    assert.equal((await fetch(`${world.base}/api/intelligence`, { headers: token })).status, 401);
    assert.equal((await set(false)).status, 200);
    assert.equal((await fetch(`${world.base}/api/intelligence`, { headers: token })).status, 401, 'the old token is not revived');
    const [row] = await world.store.sql<{ revoked: boolean }[]>`select bool_and(revoked_at is not null) as revoked from api_token where user_id = ${member.id}`;
    assert.equal(row!.revoked, true);
  });
});
