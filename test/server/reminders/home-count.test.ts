// The home page, kept once for everyone of a scope, shows each signed-in
// person how many of their own reminders they have not read: two advisers of
// one body, one with a reminder and one without, are each served their own
// count, in either order and compressed or not; reading the reminder takes it
// off; the public see no count.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from '../../support/access.ts';
import { DURHAM, openWorld, type World } from '../access/world.ts';

const count = (html: string) => /Reminders not yet read: <strong>([^<]*)<\/strong>/.exec(html)?.[1] ?? null;

describe("the home page's count of reminders", () => {
  let world: World;

  before(async () => {
    world = await openWorld();
    await world.server.engine.settled();
    const sql = world.store.sql;
    const [challenge] = await sql<{ id: number }[]>`
      insert into peer_challenge (area_code, kind, stage, enquired_on, on_site) values (${DURHAM}, 'corporate', 'booked', '2026-09-01', '[2027-03-01,2027-03-04]') returning id`;
    await sql`
      insert into reminder (kind, thing_id, peer_challenge_id, moment, due_on, user_id, subject, area_code, reminded_on)
      values ('peer_report', ${challenge!.id}, ${challenge!.id}, 'fortnight_before', '2027-06-04', ${world.users.author.id}, 'Corporate peer challenge of County Durham', ${DURHAM}, '2027-05-21')`;
  });
  after(() => world.close());

  const home = async (browser: Browser, gzip = true) => {
    const response = await browser.fetch('/', gzip ? {} : { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(response.status, 200);
    return response.text();
  };

  it('serves each person their own count from the one kept page, and none to the public', async () => {
    const { author, principal_adviser: colleague } = world.browsers;
    assert.equal(count(await home(colleague)), '0');
    assert.equal(count(await home(author)), '1', "the colleague's kept page, with the author's own count");
    assert.equal(count(await home(author, false)), '1', 'uncompressed');
    assert.equal(count(await home(colleague, false)), '0');
    const publicPage = await home(world.browsers.public);
    assert.equal(count(publicPage), null);
    assert.ok(!publicPage.includes('lantern-slot-'), 'no stand-in left in the page');
  });

  it('takes a reminder off the count once it is read', async () => {
    const { author } = world.browsers;
    const [reminder] = await world.store.sql<{ id: number }[]>`select id from reminder where user_id = ${world.users.author.id}`;
    const marked = await author.json('POST', `/api/reminders/${reminder!.id}/read`, {});
    assert.equal(marked.status, 200);
    assert.equal(count(await home(author)), '0');
  });
});
