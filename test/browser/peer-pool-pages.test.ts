// The peer pool and a challenge's team in a real Chromium at a phone's width
// and a desk's, on the demo's figures, its challenges and its invented
// peers: the pool and its filters, a peer added on its form (every bad field
// named, what was typed kept), a conflict and days away refused then
// recorded then withdrawn (and kept on the peer's record as withdrawn), the
// pool a page at a time, "Giving and taking", a team booked from the
// suggestions and a peer released with a reason, the council reading its
// team, and a peer making their calendar feed's address, shown once.
// Nothing wider than the screen, nothing axe finds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createDemoChallenges } from '../../src/server/features/peer-challenges/demo-challenges.ts';
import { createDemoPeers } from '../../src/server/features/peer-pool/demo-peers.ts';
import { challengesOf } from '../../src/store/peer-challenges.ts';
import { addPeer } from '../../src/store/peer-pool.ts';
import { organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const MANAGER = 'peers@sector.example';
const PEER = 'peer@region.example';
const MEMBER = 'member@hartlepool.example';
const HARTLEPOOL = 'E06000001';

describe('peer pool pages, as a manager, a peer and a council use them', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  let challengeId: number;
  let ownPeer: number;

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    const body = await organisation(store.sql, 'Sector improvement body', 'sector_body');
    await user(store.sql, MANAGER, 'peer_challenge_manager', body.id, 'Robin Manager');
    const region = await organisation(store.sql, 'North East improvement partnership', 'regional_partnership');
    const partner = await user(store.sql, PEER, 'regional_partner', region.id, 'Sol Partner');
    const council = await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL);
    await user(store.sql, MEMBER, 'council_member', council.id, 'Cllr Tam Member');
    await createDemoChallenges(store.sql, () => {});
    assert.equal(await createDemoPeers(store.sql, () => {}), 36);
    assert.equal(await createDemoPeers(store.sql, () => {}), 0, 'made once');
    const added = await addPeer(store.sql, { name: 'Sol Partner', role: 'specialist', party: null, councilCode: null, skills: [], sectorExperience: [], unavailable: [], userId: partner.id }, null);
    ownPeer = (added as { id: number }).id;
    challengeId = Number((await challengesOf(store.sql, HARTLEPOOL)).find((c) => c.stage === 'booked' && c.team.length === 0)!.id);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  for (const [width, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`keeps the pool and books a team at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await signIn(page, server.base, MANAGER);
        await page.goto(`${server.base}/peers`);
        assert.match((await page.locator('main').textContent()) ?? '', /\(invented peer\)/);
        await checkPage(page, `pool-${width}`);
        await page.selectOption('#role', 'councillor');
        await Promise.all([page.waitForURL(/role=councillor/), page.getByRole('button', { name: 'Filter' }).click()]);
        assert.ok(!((await page.locator('tbody').textContent()) ?? '').includes('Chief executive'));

        await page.goto(`${server.base}/peers/new`);
        await page.getByLabel('Director').check();
        await page.fill('#party', 'Teal Party');
        await page.fill('#councilCode', 'E99999999');
        await page.getByRole('button', { name: 'Add the peer' }).click();
        const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
        assert.match(summary, /give the peer's name/i);
        assert.match(summary, /only a member peer/i);
        assert.match(summary, /no council has the code 'E99999999'/);
        assert.equal(await page.inputValue('#party'), 'Teal Party', 'what was typed is kept');
        await checkPage(page, `pool-new-refused-${width}`);
        await page.fill('#name', `Wren Invented ${width} (invented peer)`);
        await page.fill('#party', '');
        await page.fill('#councilCode', 'E08000035');
        await page.getByLabel('Governance and culture').check();
        await Promise.all([page.waitForURL(/\/peers\/\d+$/), page.getByRole('button', { name: 'Add the peer' }).click()]);
        await checkPage(page, `pool-peer-${width}`);

        await page.getByRole('link', { name: 'Record days away' }).click();
        await page.fill('#from', '2027-04-10');
        await page.fill('#to', '2027-04-01');
        await page.getByRole('button', { name: 'Record the days' }).click();
        assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /is before the first/);
        await checkPage(page, `pool-unavailable-refused-${width}`);
        await page.fill('#to', '2027-04-12');
        await Promise.all([page.waitForURL(/\/peers\/\d+$/), page.getByRole('button', { name: 'Record the days' }).click()]);

        await page.getByRole('link', { name: 'Declare a conflict' }).click();
        await page.fill('#councilCode', HARTLEPOOL);
        await page.getByRole('button', { name: 'Declare the conflict' }).click();
        assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /reason/i);
        await checkPage(page, `pool-conflict-refused-${width}`);
        await page.fill('#reason', 'Former employer');
        await Promise.all([page.waitForURL(/\/peers\/\d+$/), page.getByRole('button', { name: 'Declare the conflict' }).click()]);
        assert.match((await page.locator('main').textContent()) ?? '', /Hartlepool: Former employer/);

        await page.getByRole('link', { name: 'Withdraw the conflict with Hartlepool' }).click();
        await page.getByRole('button', { name: 'Withdraw a declared conflict' }).click();
        assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /reason/i);
        await checkPage(page, `pool-conflict-withdraw-refused-${width}`);
        await page.fill('#reason', 'Left in 2015');
        await Promise.all([page.waitForURL(/\/peers\/\d+$/), page.getByRole('button', { name: 'Withdraw a declared conflict' }).click()]);
        assert.match((await page.locator('main').textContent()) ?? '', /None declared\./);
        await page.getByRole('link', { name: /Withdraw the days away/ }).click();
        await checkPage(page, `pool-unavailable-withdraw-${width}`);
        await page.getByLabel('Why the days are free again (optional)').fill('The course was cancelled');
        await Promise.all([page.waitForURL(/\/peers\/\d+$/), page.getByRole('button', { name: 'Withdraw days away' }).click()]);
        assert.match((await page.locator('main').textContent()) ?? '', /Days away\s*None recorded\./);
        // Both withdrawals stay on the peer's record, with who, when and why.
        assert.match((await page.locator('#withdrawn-away').textContent()) ?? '', /10 April 2027 to 12 April 2027: withdrawn on .+ by .+, The course was cancelled/);
        assert.match((await page.locator('#withdrawn-conflicts').textContent()) ?? '', /Hartlepool: Former employer \(declared .+\); withdrawn on .+ by .+: Left in 2015/);
        await checkPage(page, `pool-peer-withdrawn-${width}`);

        await page.goto(`${server.base}/peers?pageSize=10&page=2`);
        assert.match((await page.locator('#pool-count').textContent()) ?? '', /Peers 11 to 20 of \d+, page 2 of \d+\./);
        await checkPage(page, `pool-page-2-${width}`);
        await Promise.all([page.waitForURL(/page=3/), page.getByRole('link', { name: /Next/ }).click()]);
        assert.match((await page.locator('#pool-count').textContent()) ?? '', /Peers 21 to 30 of/);

        await page.goto(`${server.base}/peers/giving-and-taking`);
        await checkPage(page, `pool-giving-${width}`);

        await page.goto(`${server.base}/peer-challenges/${challengeId}/team`);
        await checkPage(page, `pool-team-${width}`);
        await page.getByRole('link', { name: 'Book a peer' }).click();
        await page.getByRole('button', { name: 'Book the peer' }).click();
        assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /peer/i);
        await checkPage(page, `pool-book-refused-${width}`);
        await page.locator('input[name="peerId"]').first().check();
        await Promise.all([page.waitForURL(/\/team$/), page.getByRole('button', { name: 'Book the peer' }).click()]);
        const booked = (await page.locator('tbody').first().textContent()) ?? '';
        assert.match(booked, /\(invented peer\)/);

        await page.getByRole('link', { name: 'Release a peer' }).click();
        await page.locator('input[name="peerId"]').first().check();
        await page.getByRole('button', { name: 'Release the peer' }).click();
        assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /reason/i);
        await checkPage(page, `pool-release-refused-${width}`);
        await page.fill('#reason', 'Asked to step back');
        await Promise.all([page.waitForURL(/\/team$/), page.getByRole('button', { name: 'Release the peer' }).click()]);
        assert.match((await page.locator('main').textContent()) ?? '', /No peer is booked yet/);
        assert.deepEqual(unexpected(problems), []);
      } finally {
        await context.close();
      }
    });

    it(`shows a peer their feed and the council its team at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await signIn(page, server.base, PEER);
        await page.goto(`${server.base}/peers/${ownPeer}`);
        await page.getByRole('link', { name: /calendar feed address|Make a new address/ }).click();
        await checkPage(page, `pool-feed-new-${width}`);
        await page.getByRole('button', { name: 'Make the address' }).click();
        const address = (await page.locator('#feed-address').textContent()) ?? '';
        assert.match(address, /\/peers\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
        await checkPage(page, `pool-feed-made-${width}`);
        await page.goto(`${server.base}/peers/${ownPeer}`);
        assert.ok(!((await page.locator('main').textContent()) ?? '').includes(address.slice(-47)), 'shown once, never again');
        await checkPage(page, `pool-own-${width}`);
        const other = await page.goto(`${server.base}/peer-challenges/${challengeId}/team`);
        assert.equal(other?.status(), 404, 'a peer not on the team does not see it');

        await page.goto(`${server.base}/sign-out`).catch(() => undefined);
        await context.clearCookies();
        await signIn(page, server.base, MEMBER);
        await page.goto(`${server.base}/peer-challenges/${challengeId}/team`);
        assert.ok(!((await page.locator('main').textContent()) ?? '').includes('Suggested'), 'no suggestions for the council');
        await checkPage(page, `pool-team-council-${width}`);
        assert.deepEqual(unexpected(problems), []);
      } finally {
        await context.close();
      }
    });
  }
});

async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
}

/** The console's problems, less the 400, 404 and 409 answers a refused form or a hidden page is: those refusals are the point. */
function unexpected(problems: readonly string[]): string[] {
  return problems.filter((p) => !/status of (400|404|409)/.test(p));
}
