// The area page leads to early warning only for those who may read it: the
// sector body's watchers of flags and the council itself reach its risk view
// and improvement cases from the page; the public, another council and the
// roles outside the protocol see its timeline alone. The area page is kept
// per scope of viewer, so each scope must get its own copy. The menu leads
// the sector body's watchers of flags to early warning, and the Panel and
// advisers to the Panel's meetings.
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

  it('England and a region have no timeline, so their pages lead to none', async () => {
    for (const code of ['E92000001', 'E12000001']) {
      const response = await world.browsers.principal_adviser.fetch(`/areas/${code}`);
      assert.equal(response.status, 200, code);
      const html = await response.text();
      assert.doesNotMatch(html, /\/timeline"/, code);
      assert.doesNotMatch(html, /\/risk"[^>]*>the risk view/, code);
    }
  });

  // The menu, on a kept page (the area page) and a page made for each request (the account page).
  const MENU: Readonly<Record<string, readonly [risk: boolean, panel: boolean]>> = {
    principal_adviser: [true, true],
    panel_member: [true, true],
    peer_challenge_manager: [true, false],
    performance_officer: [false, false],
    regional_partner: [false, false],
    administrator: [false, false],
  };
  for (const [who, [risk, panel]] of Object.entries(MENU)) {
    it(`${who}'s menu ${risk ? 'leads' : 'does not lead'} to early warning and ${panel ? 'leads' : 'does not lead'} to the Panel`, async () => {
      for (const address of [`/areas/${DURHAM}?group=england`, '/account']) {
        const html = await (await world.browsers[who as Who].fetch(address)).text();
        assert.equal(/href="\/risk"[^>]*>\s*Early warning/.test(html), risk, `${address}: early warning`);
        assert.equal(/href="\/panel\/meetings"[^>]*>\s*Panel/.test(html), panel, `${address}: the Panel`);
      }
    });
  }
});
