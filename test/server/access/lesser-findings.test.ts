// The lesser findings of the outside probe: a re-embargoed figure leaving
// public pages at once, the same 404 for a missing and an unreadable record,
// an evidence check that confirms nothing under embargo, and a re-enabled
// user's old tokens staying dead.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { administratorToken, bearer } from '../../support/access.ts';
import { EARLY, openWorld, type World } from './world.ts';

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
      method: 'PUT', headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ embargoUntil: until }),
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
});
