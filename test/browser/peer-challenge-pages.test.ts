// Peer challenge pages in a real Chromium at a phone's width and a desk's,
// on the demo's figures and its synthetic challenges: the programme and its
// filters, a challenge with an overdue item marked, an enquiry refused as a
// second open one (409, naming it), then a new challenge scoped and booked
// through its forms, each refusal named beside its field with what was typed
// kept, and a stale form refused; the programme's councils needing
// attention first, then every council 25 a page, not
// every council on a phone; and the council's officer recording its action
// on a recommendation. Nothing wider than the screen, nothing axe
// finds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createDemoChallenges } from '../../src/server/features/peer-challenges/demo-challenges.ts';
import { organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const MANAGER = 'peers@sector.example';
const OFFICER = 'officer@northumberland.example';
const NORTHUMBERLAND = 'E06000057';

describe('peer challenge pages, as a peer challenge manager uses them', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    const body = await organisation(store.sql, 'Sector improvement body', 'sector_body');
    await user(store.sql, MANAGER, 'peer_challenge_manager', body.id, 'Robin Manager');
    const council = await organisation(store.sql, 'Northumberland County Council', 'council', NORTHUMBERLAND);
    await user(store.sql, OFFICER, 'performance_officer', council.id, 'Ash Officer');
    await createDemoChallenges(store.sql, () => {});
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  for (const [width, viewport, council, kind] of [
    ['phone', PHONE, 'Gateshead', "Children's safeguarding"],
    ['desktop', DESKTOP, 'Hartlepool', "Children's safeguarding"],
  ] as const) {
    it(`reads the programme, refuses a second enquiry, and scopes and books a new one at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await signIn(page, server.base);
        assert.equal(await page.locator('nav a[href="/peer-challenges"]').count(), 1, 'the menu leads a manager to the programme');
        await page.goto(`${server.base}/peer-challenges`);
        await checkPage(page, `peer-programme-${width}`);
        const tall = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(tall < 12_000, `the programme's first page is ${tall} px tall, not every council at once`);
        assert.equal(await page.locator('table').nth(1).locator('tbody tr').count(), 10, 'the councils that need attention, first');
        assert.match((await page.locator('table').nth(1).locator('caption').textContent()) ?? '', /^Councils needing attention \(10\)$/);
        await Promise.all([page.waitForURL(/show=all/), page.getByRole('link', { name: /^All councils \(\d+\)$/ }).click()]);
        assert.equal(await page.locator('table').nth(1).locator('tbody tr').count(), 25);
        await checkPage(page, `peer-programme-all-${width}`);
        await Promise.all([page.waitForURL(/show=all&page=2/), page.getByRole('link', { name: /Next/ }).click()]);
        assert.match((await page.locator('table').nth(1).locator('caption').textContent()) ?? '', /26 to 50, page 2 of \d+/);
        await checkPage(page, `peer-programme-page-2-${width}`);
        await page.goto(`${server.base}/peer-challenges`);
        await page.getByLabel('Only councils with an overdue item').check();
        await Promise.all([page.waitForURL(/overdue=yes/), page.getByRole('button', { name: 'Filter' }).click()]);
        const rows = page.locator('table').nth(1).locator('tbody tr');
        assert.deepEqual(await rows.locator('th').allTextContents(), ['County Durham', 'Darlington']);
        assert.match((await page.getByRole('link', { name: /Download these 2 councils as CSV/ }).getAttribute('href')) ?? '', /programme\.csv\?overdue=yes&show=attention/);

        await Promise.all([page.waitForURL(/\/peer-challenges\/\d+$/), rows.first().getByRole('link').click()]);
        assert.match((await page.locator('table').first().textContent()) ?? '', /Progress review\s*2026-11-29\s*Overdue\s*Progress review within 10 months of the week on site \(ending 2026-01-29\)/);
        assert.match((await page.locator('main').textContent()) ?? '', /made up for the Lantern demo/);
        await checkPage(page, `peer-challenge-${width}`);

        await page.goto(`${server.base}/peer-challenges/new`);
        await page.selectOption('#councilCode', { label: 'Sunderland' });
        await page.getByLabel('Corporate').check();
        await page.getByRole('button', { name: 'Open the enquiry' }).click();
        assert.match(
          (await page.locator('.govuk-error-summary').textContent()) ?? '',
          /Kind of challenge: the council already has an open corporate peer challenge, number \d+, enquired about on 2026-11-02/,
        );
        assert.equal(await page.locator('#councilCode option:checked').textContent(), 'Sunderland', 'the council chosen is kept');
        await checkPage(page, `peer-enquiry-refused-${width}`);

        await page.selectOption('#councilCode', { label: council });
        await page.getByLabel(kind).check();
        await page.fill('#enquiredOn', '2026-11-30');
        await Promise.all([page.waitForURL(/\/peer-challenges\/\d+$/), page.getByRole('button', { name: 'Open the enquiry' }).click()]);
        const address = page.url();

        await page.getByRole('link', { name: /Scope it/ }).click();
        await checkPage(page, `peer-scope-${width}`);
        const required = page.locator('input[name="focusAreas"]:checked');
        assert.equal(await required.count(), 1, "the kind's required area is offered ticked");
        await required.uncheck();
        await page.getByRole('button', { name: 'Save the focus' }).click();
        assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Focus areas: give at least one focus area/);
        await checkPage(page, `peer-scope-refused-${width}`);
        await page.getByLabel("Children's safeguarding practice, leadership and partnership").check();
        await Promise.all([page.waitForURL(address), page.getByRole('button', { name: 'Save the focus' }).click()]);

        await page.getByRole('link', { name: 'Book the week on site' }).click();
        await page.fill('#from', '2027-02-04');
        await page.fill('#to', '2027-02-01');
        await page.getByRole('button', { name: 'Book the week' }).click();
        assert.match((await page.locator('#to-error').textContent()) ?? '', /Last day on site: the last day on site \(2027-02-01\) is before the first \(2027-02-04\)/);
        assert.deepEqual([await page.inputValue('#from'), await page.inputValue('#to')], ['2027-02-04', '2027-02-01']);
        await checkPage(page, `peer-week-refused-${width}`);
        await page.fill('#to', '2027-02-05');
        await Promise.all([page.waitForURL(address), page.getByRole('button', { name: 'Book the week' }).click()]);
        assert.match((await page.locator('main').textContent()) ?? '', /Report published\s*2027-05-05/);

        await page.getByRole('link', { name: /Take the next step/ }).click();
        await checkPage(page, `peer-step-${width}`);
        assert.deepEqual(unexpected(problems), []);
      } finally {
        await context.close();
      }
    });
  }

  it('refuses a stale form with 409, saying the challenge changed since it was read', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const { page } = await openPage(context);
    const other = await context.newPage();
    try {
      await signIn(page, server.base);
      await page.goto(`${server.base}/peer-challenges/new`);
      await page.selectOption('#councilCode', { label: 'York' });
      await page.getByLabel('Corporate').check();
      await Promise.all([page.waitForURL(/\/peer-challenges\/\d+$/), page.getByRole('button', { name: 'Open the enquiry' }).click()]);
      const address = page.url();
      await page.goto(`${address}/steps/new`);
      await other.goto(`${address}/scope/edit`);
      await Promise.all([other.waitForURL(address), other.getByRole('button', { name: 'Save the focus' }).click()]);
      await page.getByLabel('Closed').check();
      await page.fill('#reason', 'The council asked to wait');
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Take the step' }).click()]);
      assert.equal(response.status(), 409);
      assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /This form: the challenge changed since it was read/);
      assert.equal(await page.inputValue('#reason'), 'The council asked to wait', 'the reason typed is kept');
      await checkPage(page, 'peer-step-stale-desktop');
    } finally {
      await context.close();
    }
  });

  for (const [width, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`records findings and recommendations and publishes the report at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await signIn(page, server.base);
        await page.goto(`${server.base}/peer-challenges?council=Northumberland&show=all`);
        await Promise.all([page.waitForURL(/\/peer-challenges\/\d+$/), page.locator('table').nth(1).locator('tbody tr').first().getByRole('link').click()]);
        await page.getByRole('link', { name: /Findings, the report and action plan/ }).click();
        await page.getByRole('link', { name: /Add findings, publish/ }).click();
        await checkPage(page, `peer-follow-up-edit-${width}`);
        await page.fill('#finding', `Members and officers share a clear plan (${width}).`);
        await page.fill('#metrics', 'no-such-metric');
        await page.getByRole('button', { name: 'Add the finding' }).click();
        assert.match((await page.locator('#metrics-error').textContent()) ?? '', /Metrics cited: the library has no metric 'no-such-metric'/);
        assert.equal(await page.inputValue('#finding'), `Members and officers share a clear plan (${width}).`);
        await checkPage(page, `peer-follow-up-refused-${width}`);
        await page.fill('#metrics', '');
        await page.getByRole('button', { name: 'Add the finding' }).click();
        await page.fill('#recommendation', 'Publish the action plan by the due date.');
        await page.getByRole('button', { name: 'Add the recommendation' }).click();
        await page.getByLabel('The report').check();
        await page.fill('#body', 'The team found a council that knows its priorities.');
        await page.getByRole('button', { name: 'Publish' }).click();
        await page
          .getByRole('link', { name: /^Report, version \d+$/ })
          .first()
          .click();
        assert.match((await page.locator('main').textContent()) ?? '', /Members and officers share a clear plan/);
        await checkPage(page, `peer-publication-${width}`);
        const followUp = page.url().replace(/\/publications\/\d+$/, '/follow-up');

        await context.clearCookies();
        await signIn(page, server.base, OFFICER);
        await page.goto(followUp);
        await page.getByRole('link', { name: "Record the council's actions and evidence" }).click();
        assert.equal(await page.locator('#finding').count(), 0, "the findings form is the managers'");
        const actionField = page.locator('input[name="action"]').last();
        await actionField.fill(`Cabinet to adopt the plan (${width})`);
        await page.locator('input[name="dueOn"]').last().fill('next spring');
        await page.getByRole('button', { name: 'Add the action' }).last().click();
        assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Due: give the day as YYYY-MM-DD/);
        await checkPage(page, `peer-follow-up-officer-refused-${width}`);
        await page.locator('input[name="dueOn"]').last().fill('2027-04-30');
        await page.getByRole('button', { name: 'Add the action' }).last().click();
        assert.match((await page.locator('main').textContent()) ?? '', new RegExp(`Cabinet to adopt the plan \\(${width}\\) \\(due 2027-04-30\\)`));
        await checkPage(page, `peer-follow-up-officer-${width}`);
        assert.deepEqual(unexpected(problems), []);
      } finally {
        await context.close();
      }
    });
  }
});

function unexpected(problems: readonly string[]): string[] {
  return problems.filter((p) => !/status of (400|409)/.test(p));
}

async function signIn(page: Page, base: string, email = MANAGER): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
}
