// The area page leads to early warning only for those who may read it: the
// sector body's watchers of flags and the council itself reach its risk view
// and improvement cases from the page; the public, another council and the
// roles outside the protocol see its timeline alone. The area page is kept
// per scope of viewer, so each scope must get its own copy.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DURHAM, openWorld, type Who, type World } from '../access/world.ts';

const LEADS: readonly Who[] = ['author', 'principal_adviser', 'panel_member', 'peer_challenge_manager', 'performance_officer', 'council_member'];
const OUTSIDE: readonly (Who | 'hartlepoolOfficer')[] = ['public', 'regional_partner', 'government_officer', 'inspector', 'administrator', 'hartlepoolOfficer'];

describe("the area page's way into early warning", () => {
  let world: World;
  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  const page = async (who: Who | 'hartlepoolOfficer') => {
    const response = await world.browsers[who].fetch(`/areas/${DURHAM}?group=england`);
    assert.equal(response.status, 200, `${who} reads the area page`);
    return response.text();
  };

  for (const who of LEADS) {
    it(`${who} is led to the risk view, the cases and the timeline`, async () => {
      const html = await page(who);
      assert.match(html, new RegExp(`href="/areas/${DURHAM}/risk"`));
      assert.match(html, new RegExp(`href="/areas/${DURHAM}/case"`));
      assert.match(html, new RegExp(`href="/areas/${DURHAM}/timeline"`));
    });
  }

  for (const who of OUTSIDE) {
    it(`${who} is led to the timeline alone`, async () => {
      const html = await page(who);
      assert.doesNotMatch(html, /\/risk"/);
      assert.doesNotMatch(html, /\/case"/);
      assert.match(html, new RegExp(`href="/areas/${DURHAM}/timeline"`));
    });
  }
});
