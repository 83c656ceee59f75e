// No silent truncation: after 1,050 shares about one item, the council's
// shares page, the API and the feed reach every one and say how many there
// are, the oldest (a share with a government department) included.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createShare } from '../../../src/store/shares.ts';
import { DURHAM, openWorld, type World } from './world.ts';

const MANY = 1050;

describe('1,050 shares about one item', () => {
  let world: World;
  let oldest: number;

  before(async () => {
    world = await openWorld();
    const made = await world.browsers.author.json('POST', '/api/intelligence', {
      subjectArea: DURHAM,
      riskFactor: 'disengagement',
      title: 'Absent from the regional network',
      note: 'Missed every regional meeting this year, and replied to none of the invitations.',
      evidence: [{ kind: 'source', description: 'Regional network attendance records', url: null }],
      shareable: true,
    });
    assert.equal(made.status, 201);
    const { id } = (await made.json()) as { id: number };
    await world.store.sql.begin(async (tx) => {
      for (let i = 0; i < MANY; i++) {
        const share = await createShare(tx, {
          recordKind: 'intelligence_item',
          recordId: String(id),
          subjectArea: DURHAM,
          reason: `Share number ${i + 1}`,
          sharedBy: world.users.author.id,
          withOrganisationId: i === 0 ? world.organisations.government.id : world.organisations.region.id,
          withUserId: null,
        });
        if (i === 0) oldest = share.id;
      }
    });
  });
  after(() => world.close());

  it("pages the council's /shares, saying how many there are, to the oldest", async () => {
    const first = await (await world.browsers.council_member.fetch('/shares')).text();
    assert.match(first, /Showing shares 1 to 100 of 1050/);
    assert.match(first, /govuk-pagination/);
    const last = await (await world.browsers.council_member.fetch(`/shares?about=${DURHAM}&page=11`)).text();
    assert.match(last, /Showing shares 1001 to 1050 of 1050/);
    assert.ok(last.includes('Share number 1<') && last.includes(world.organisations.government.name), 'the oldest share, with government, is reachable');
  });

  it('gives the API a total and every share by limit and offset', async () => {
    const seen = new Set<number>();
    for (let offset = 0; offset < MANY; offset += 1000) {
      const body = (await (await world.browsers.council_member.fetch(`/api/shares?about=${DURHAM}&limit=1000&offset=${offset}`)).json()) as { items: { id: number }[]; total: number };
      assert.equal(body.total, MANY);
      for (const item of body.items) seen.add(item.id);
    }
    assert.equal(seen.size, MANY);
    assert.ok(seen.has(oldest));
  });

  it('leads the feed from page to page with next links, to every share', async () => {
    const seen = new Set<string>();
    let address: string | undefined = `/api/shares/feed?about=${DURHAM}&limit=400`;
    let pages = 0;
    while (address && pages++ < 10) {
      const feed = (await (await world.browsers.council_member.fetch(address)).json()) as { items: { id: string }[]; next_url?: string; _lantern: { total: number } };
      assert.equal(feed._lantern.total, MANY);
      for (const item of feed.items) seen.add(item.id);
      address = feed.next_url?.replace(world.base, '');
    }
    assert.equal(pages, 3);
    assert.equal(seen.size, MANY);
  });
});
