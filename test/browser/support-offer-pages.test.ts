// The support offer in a real Chromium, each page held to checkPage (no
// wider than the screen, nothing axe finds) at a desk's width and a phone's:
// County Durham's chief executive reads the menu and asks in one form (a
// refusal names the field and keeps what was typed; an offer Durham may not
// have says why; a second open enquiry links to the open one); the peer
// challenge manager declines without a reason (refused), then accepts; the
// council's chief executive and a performance officer each rate it once and
// read the verdict over both, and the chief executive changes, withdraws and
// gives again their own rating; the regional partner
// keeps the budget, refused over it, for a negative sum and an end before
// the start, and changes it and an allocation, each change shown; two
// partners editing the budget at once, the second is shown what the first
// changed with what they typed kept; an administrator names, then removes,
// the organisation that answers for a provider.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { setProviderOrganisation } from '../../src/store/support-requests.ts';
import { organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const MEMBER = 'member@durham.example';
const OFFICER = 'officer@durham.example';
const MANAGER = 'peers@sector.example';
const PARTNER = 'partner@region.example';
const ADMIN = 'admin@service.example';
const COLLEAGUE = 'colleague@region.example';

describe('support offer pages', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  const visited: string[] = [];

  before(async () => {
    store = await openTestStore();
    const sql = store.sql;
    const durham = await organisation(sql, 'Durham County Council', 'council', DURHAM);
    const sectorBody = await organisation(sql, 'Sector improvement body', 'sector_body');
    const region = await organisation(sql, 'North East improvement partnership', 'regional_partnership');
    await user(sql, MEMBER, 'council_member', durham.id, 'Chris Member');
    await user(sql, OFFICER, 'performance_officer', durham.id, 'Olly Officer');
    await user(sql, MANAGER, 'peer_challenge_manager', sectorBody.id, 'Pat Manager');
    await user(sql, PARTNER, 'regional_partner', region.id, 'Sam Partner');
    await user(sql, COLLEAGUE, 'regional_partner', region.id, 'Kim Colleague');
    await user(sql, ADMIN, 'administrator', (await organisation(sql, 'Lantern service', 'sector_body')).id, 'Ada Admin');
    await setProviderOrganisation(sql, 'lga', sectorBody.id);
    server = await startTestServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function as(email: string, work: (page: Page, problems: string[]) => Promise<void>, context?: BrowserContext): Promise<void> {
    const own = context ?? (await browser.newContext({ viewport: DESKTOP }));
    const { page, problems } = await openPage(own);
    try {
      await page.goto(`${server.base}/sign-in`);
      await page.fill('input[name="email"]', email);
      await page.fill('input[name="password"]', TEST_PASSWORD);
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
      await work(page, problems);
      assert.deepEqual(
        problems.filter((p) => !/status of 40[09]/.test(p)),
        [],
      );
    } finally {
      await own.close();
    }
  }
  const check = async (page: Page, name: string) => {
    visited.push(page.url().replace(server.base, ''));
    await checkPage(page, `${name}-desktop`);
  };
  const summary = async (page: Page) => (await page.locator('.govuk-error-summary').textContent()) ?? '';

  it('lets the chief executive read the menu and ask in one form, refused by field with the input kept', async () => {
    await as(MEMBER, async (page) => {
      await page.getByRole('link', { name: 'Support', exact: true }).click();
      await page.waitForURL(`**/support-offer/councils/${DURHAM}`);
      assert.match((await page.locator('h1').textContent()) ?? '', /Support for County Durham/);
      assert.match((await page.locator('main').textContent()) ?? '', /Chief Executive mentor \(Improvement East.*?\): it is offered in East of England \(E12000006\) alone/);
      await check(page, 'support-menu');
      await page.getByRole('link', { name: 'Ask for support' }).first().click();
      await page.fill('#note', 'Ahead of the budget round');
      await page.getByRole('button', { name: 'Send the enquiry' }).click();
      assert.match(await summary(page), /What the council asks for/);
      assert.equal(await page.inputValue('#note'), 'Ahead of the budget round', 'the note is kept');
      await check(page, 'support-ask-refused');
      await page.getByLabel('Chief Executive mentor').check();
      await page.getByRole('button', { name: 'Send the enquiry' }).click();
      assert.match(await summary(page), /may not have Chief Executive mentor: it is offered in East of England \(E12000006\) alone/);
      await page.getByLabel('Corporate peer challenge').check();
      await Promise.all([page.waitForURL(/\/support-offer\/requests\/\d+$/), page.getByRole('button', { name: 'Send the enquiry' }).click()]);
      const requestUrl = page.url();
      await check(page, 'support-request');
      await page.goto(`${server.base}/support-offer/requests/new?offer=corporate-peer-challenge`);
      await page.getByRole('button', { name: 'Send the enquiry' }).click();
      assert.match(await summary(page), /already has an open enquiry of this kind/);
      assert.equal(await page.locator('#open-record a').getAttribute('href'), new URL(requestUrl).pathname);
      await check(page, 'support-ask-open');
    });
  });

  it('lets the peer challenge manager decline only with a reason, then accept, opening the challenge', async () => {
    await as(MANAGER, async (page) => {
      await page.goto(`${server.base}/support-offer`);
      await page.waitForURL('**/support-offer/requests');
      await check(page, 'support-requests');
      await page.getByRole('link', { name: 'Corporate peer challenge' }).click();
      await page.getByRole('link', { name: 'Answer the request' }).click();
      await check(page, 'support-answer');
      await page.getByRole('button', { name: 'Decline the request' }).click();
      assert.match(await summary(page), /The reason: a declined request says why/);
      await check(page, 'support-answer-refused');
      await Promise.all([page.waitForURL(/\/support-offer\/requests\/\d+$/), page.getByRole('button', { name: 'Accept the request' }).click()]);
      assert.match((await page.getByRole('link', { name: /Peer challenge \d+/ }).getAttribute('href')) ?? '', /^\/peer-challenges\/\d+$/);
      await page.getByRole('link', { name: 'Answer the request' }).click();
      await Promise.all([page.waitForURL(/\/support-offer\/requests\/\d+$/), page.getByRole('button', { name: 'Mark it delivered' }).click()]);
    });
  });

  it("lets each of the council's people rate delivered support once, and shows the verdict over every rating with its rule", async () => {
    await as(MEMBER, async (page) => {
      await page.goto(`${server.base}/support-offer/requests`);
      await page.getByRole('link', { name: 'Corporate peer challenge' }).click();
      await page.getByRole('link', { name: 'Give your rating' }).click();
      await page.getByRole('button', { name: 'Give your rating' }).click();
      assert.match(await summary(page), /How far you agree: say how far you agree it has been helpful/);
      await check(page, 'support-rating-refused');
      await page.getByLabel('Agree', { exact: true }).check();
      await Promise.all([page.waitForURL(/\/support-offer\/requests\/\d+$/), page.getByRole('button', { name: 'Give your rating' }).click()]);
      const main = (await page.locator('main').textContent()) ?? '';
      assert.match(main, /Helpful: 1 of 1 agree it has been helpful/);
      assert.match(main, /You have rated it \(Agree\); each person rates it once/);
      assert.equal(await page.getByRole('link', { name: 'Give your rating' }).count(), 0);
      await check(page, 'support-request-rated');
    });
    await as(OFFICER, async (page) => {
      await page.goto(`${server.base}/support-offer/requests`);
      await page.getByRole('link', { name: 'Corporate peer challenge' }).click();
      await page.getByRole('link', { name: 'Give your rating' }).click();
      await page.getByLabel('Disagree', { exact: true }).check();
      await Promise.all([page.waitForURL(/\/support-offer\/requests\/\d+$/), page.getByRole('button', { name: 'Give your rating' }).click()]);
      const main = (await page.locator('main').textContent()) ?? '';
      assert.match(main, /Not shown to be helpful: 1 of 2 agree it has been helpful/);
      assert.match(main, /Chris Member: Agree/);
      assert.match(main, /Olly Officer: Disagree/);
    });
    await as(MEMBER, async (page) => {
      await page.goto(`${server.base}/support-offer/requests`);
      await page.getByRole('link', { name: 'Corporate peer challenge' }).click();
      await page.getByRole('link', { name: 'Change or withdraw your rating' }).click();
      assert.equal(await page.getByLabel('Agree', { exact: true }).isChecked(), true, 'the form holds the rating as given');
      await check(page, 'support-rating-change');
      await page.getByLabel('Strongly disagree', { exact: true }).check();
      await Promise.all([page.waitForURL(/\/support-offer\/requests\/\d+$/), page.getByRole('button', { name: 'Save your rating' }).click()]);
      let main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
      assert.match(main, /Not shown to be helpful: 0 of 2 agree it has been helpful/);
      assert.match(main, /Chris Member changed their rating from Agree to Strongly disagree/);
      await page.getByRole('link', { name: 'Change or withdraw your rating' }).click();
      await Promise.all([page.waitForURL(/\/support-offer\/requests\/\d+$/), page.getByRole('button', { name: 'Withdraw your rating' }).click()]);
      main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
      assert.match(main, /Not shown to be helpful: 0 of 1 agree it has been helpful/);
      assert.match(main, /Chris Member withdrew their rating \(Strongly disagree\)/);
      await check(page, 'support-rating-withdrawn');
      await page.getByRole('link', { name: 'Give your rating' }).click();
      await page.getByLabel('Agree', { exact: true }).check();
      await Promise.all([page.waitForURL(/\/support-offer\/requests\/\d+$/), page.getByRole('button', { name: 'Give your rating' }).click()]);
      main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
      assert.match(main, /Not shown to be helpful: 1 of 2 agree it has been helpful/);
      assert.match(main, /Chris Member gave their rating again: Agree/);
    });
  });

  it('lets the regional partner keep the budget in the open, refusing bad sums by field', async () => {
    await as(PARTNER, async (page) => {
      await page.goto(`${server.base}/support-offer/funding`);
      await page.getByRole('link', { name: 'Add a budget' }).click();
      await page.fill('#theme', 'Performance Improvement');
      await page.fill('#year', '2009/10');
      await page.fill('#amount', '-5');
      await page.getByRole('button', { name: 'Add the budget' }).click();
      assert.match(await summary(page), /The budget: give the budget in pounds, 0 or more/);
      assert.equal(await page.inputValue('#theme'), 'Performance Improvement');
      await check(page, 'support-budget-refused');
      await page.fill('#amount', '1,500,000');
      await page.fill('#carriedForward', '200000');
      await Promise.all([page.waitForURL(/\/support-offer\/funding\/\d+$/), page.getByRole('button', { name: 'Add the budget' }).click()]);
      await page.getByRole('link', { name: 'Record an allocation' }).click();
      await page.getByRole('radio', { name: 'A council' }).check();
      await page.fill('#councilCode', DURHAM);
      await page.fill('#recipientName', 'County Durham');
      await page.fill('#amount', '1700000.01');
      await page.fill('#decidedBy', 'Theme Management Group');
      await page.fill('#decidedOn', '2009-07-01');
      await page.fill('#decision', 'Agreed');
      await page.fill('#startsOn', '2009-09-01');
      await page.fill('#endsOn', '2009-08-01');
      await page.getByRole('button', { name: 'Record the allocation' }).click();
      assert.match(await summary(page), /The end: 2009-08-01 is before the start, 2009-09-01/);
      await page.fill('#endsOn', '2010-03-31');
      await page.getByRole('button', { name: 'Record the allocation' }).click();
      assert.match(await summary(page), /The amount: £1,700,000.01 is over the budget: £1,700,000 of Performance Improvement's 2009\/10 budget is unallocated/);
      assert.equal(await page.inputValue('#decision'), 'Agreed');
      await check(page, 'support-allocation-refused');
      await page.fill('#amount', '250000');
      await Promise.all([page.waitForURL(/\/support-offer\/funding\/\d+$/), page.getByRole('button', { name: 'Record the allocation' }).click()]);
      await page.getByRole('link', { name: /Record spend/ }).click();
      await page.fill('#amount', '-1');
      await page.getByRole('button', { name: 'Record the spend' }).click();
      assert.match(await summary(page), /The amount: give the spend in pounds, 0 or more/);
      await check(page, 'support-spend-refused');
      await page.fill('#amount', '260000');
      await Promise.all([page.waitForURL(/\/support-offer\/funding\/\d+$/), page.getByRole('button', { name: 'Record the spend' }).click()]);
      assert.match((await page.locator('main').textContent()) ?? '', /£1,450,000 unallocated, £260,000 spent/);
      assert.match((await page.locator('main').textContent()) ?? '', /£10,000 over/);
      await check(page, 'support-budget');
      await page.goto(`${server.base}/support-offer/funding`);
      await check(page, 'support-funding');
    });
  });

  it('lets the regional partner change the budget and an allocation, refused below what is allocated, and shows each change', async () => {
    await as(PARTNER, async (page) => {
      await page.goto(`${server.base}/support-offer/funding/1`);
      await page.getByRole('link', { name: 'Change the budget' }).click();
      assert.equal(await page.inputValue('#amount'), '1500000', 'the form holds the budget as kept');
      await page.fill('#amount', '100');
      await page.fill('#carriedForward', '0');
      await page.getByRole('button', { name: 'Save the changes' }).click();
      assert.match(await summary(page), /The budget: £100 with £0 carried forward is £100, less than the £250,000 allocated from it/);
      assert.equal(await page.inputValue('#amount'), '100', 'what was typed is kept');
      await check(page, 'support-budget-change-refused');
      await page.fill('#amount', '1,600,000');
      await page.fill('#carriedForward', '200000');
      await Promise.all([page.waitForURL(/\/support-offer\/funding\/1$/), page.getByRole('button', { name: 'Save the changes' }).click()]);
      await page.getByRole('link', { name: 'Change the allocation to County Durham' }).click();
      await check(page, 'support-allocation-change');
      await page.fill('#decision', 'Agreed, and extended to March');
      await Promise.all([page.waitForURL(/\/support-offer\/funding\/1$/), page.getByRole('button', { name: 'Save the changes' }).click()]);
      const rows = await page.locator('#changes + div table tbody tr').allTextContents();
      assert.equal(rows.length, 2);
      assert.match(rows[0]!.replace(/\s+/g, ' '), /Sam Partner Decision of the allocation to County Durham Agreed Agreed, and extended to March/);
      assert.match(rows[1]!.replace(/\s+/g, ' '), /Sam Partner The year's new money £1,500,000 £1,600,000/);
      await check(page, 'support-budget-changed');
    });
  });

  it('shows the second of two partners editing the budget at once what the first changed, keeping what they typed', async () => {
    const first = await browser.newContext({ viewport: DESKTOP });
    await as(
      PARTNER,
      async (late) => {
        await late.goto(`${server.base}/support-offer/funding/1/edit`);
        await as(COLLEAGUE, async (early) => {
          await early.goto(`${server.base}/support-offer/funding/1/edit`);
          await early.fill('#carriedForward', '250000');
          await Promise.all([early.waitForURL(/\/support-offer\/funding\/1$/), early.getByRole('button', { name: 'Save the changes' }).click()]);
        });
        await late.fill('#amount', '1,700,000');
        await late.getByRole('button', { name: 'Save the changes' }).click();
        assert.match(await summary(late), /Kim Colleague changed this budget since you opened the form: what changed is listed below/);
        assert.match(((await late.locator('#changed-since').textContent()) ?? '').replace(/\s+/g, ' '), /Kim Colleague ?Carried forward ?£200,000 ?£250,000/);
        assert.equal(await late.inputValue('#amount'), '1,700,000', 'what was typed is kept');
        assert.equal(await late.inputValue('#carriedForward'), '200000', 'the form as it was read, the colleague’s change shown above it');
        await check(late, 'support-budget-stale');
        await late.fill('#carriedForward', '250000');
        await Promise.all([late.waitForURL(/\/support-offer\/funding\/1$/), late.getByRole('button', { name: 'Save the changes' }).click()]);
        assert.match(((await late.locator('main').textContent()) ?? '').replace(/\s+/g, ' '), /£1,950,000/);
      },
      first,
    );
  });

  it('lets an administrator name who answers for a provider, refused by field', async () => {
    await as(ADMIN, async (page) => {
      await page.goto(`${server.base}/support-offer/providers/edit`);
      await check(page, 'support-providers');
      await page.getByRole('button', { name: 'Name the organisation' }).click();
      assert.match(await summary(page), /The provider: choose the provider/);
      await check(page, 'support-providers-refused');
      await page.getByLabel('Improvement East (East of England Regional Improvement and Efficiency Partnership)').check();
      await page.selectOption('#organisation', { label: 'North East improvement partnership' });
      await Promise.all([page.waitForURL(/\/support-offer\/providers\/edit$/), page.getByRole('button', { name: 'Name the organisation' }).click()]);
      assert.match(
        ((await page.locator('table').textContent()) ?? '').replace(/\s+/g, ' '),
        /Improvement East \(East of England Regional Improvement and Efficiency Partnership\) ?North East improvement partnership/,
      );
      await page.getByRole('button', { name: 'Remove the organisation' }).click();
      assert.match(await summary(page), /The provider: choose the provider/);
      await check(page, 'support-providers-remove-refused');
      await page.getByRole('group', { name: 'The provider' }).last().getByLabel('Improvement East (East of England Regional Improvement and Efficiency Partnership)').check();
      await Promise.all([page.waitForURL(/\/support-offer\/providers\/edit$/), page.getByRole('button', { name: 'Remove the organisation' }).click()]);
      assert.match(
        ((await page.locator('table').textContent()) ?? '').replace(/\s+/g, ' '),
        /Improvement East \(East of England Regional Improvement and Efficiency Partnership\) ?No one: it takes no requests through Lantern/,
      );
    });
  });

  it('keeps every page within a phone’s width, nothing axe finds', async () => {
    const pages: [string, string][] = [
      [MEMBER, `/support-offer/councils/${DURHAM}`],
      [MEMBER, '/support-offer/requests/new'],
      [MEMBER, '/support-offer/requests'],
      [MANAGER, '/support-offer/requests/1'],
      [MANAGER, '/support-offer/requests/1/edit'],
      [MEMBER, '/support-offer/requests/1/ratings/new'],
      [MEMBER, '/support-offer/requests/1/ratings/1/edit'],
      [PARTNER, '/support-offer/funding'],
      [PARTNER, '/support-offer/funding/1'],
      [PARTNER, '/support-offer/funding/new'],
      [PARTNER, '/support-offer/funding/1/allocations/new'],
      [PARTNER, '/support-offer/funding/allocations/1/spend/new'],
      [PARTNER, '/support-offer/funding/1/edit'],
      [PARTNER, '/support-offer/funding/allocations/1/edit'],
      [ADMIN, '/support-offer/providers/edit'],
    ];
    for (const email of [MEMBER, MANAGER, PARTNER, ADMIN]) {
      await as(
        email,
        async (page) => {
          for (const [who, address] of pages.filter(([w]) => w === email)) {
            const response = await page.goto(`${server.base}${address}`);
            assert.equal(response?.status(), 200, `${who} ${address}`);
            await checkPage(page, `support${address.replace(/\//g, '-').replace(/-support-offer/, '')}-phone`);
          }
        },
        await browser.newContext({ viewport: PHONE }),
      );
    }
  });
});
