// The check every browser test holds its pages to (checkPage's axe-core run,
// in test/support/browser.ts) finds what it should: a page with known WCAG
// failures names each rule and element, a page with none passes, a second
// check of the same document finds what changed since the first, and a page
// holding a frame is refused rather than half checked.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { accessibilityViolations, DESKTOP, launchBrowser } from '../support/browser.ts';

const CLEAN = `<!doctype html><html lang="en"><head><title>Clean</title></head><body><main><h1>Clean</h1><p>Plain text.</p>
<label for="name">Name</label><input id="name" type="text"></main></body></html>`;

const BROKEN = `<!doctype html><html><head><title>Broken</title></head><body><main><h1>Broken</h1>
<p style="color:#bbb;background:#fff">Pale text</p><input type="text"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a href="/x"></a>
<ul><div>Not an item</div></ul></main></body></html>`;

describe('the accessibility check of the browser tests', () => {
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: DESKTOP });
  });
  after(async () => {
    await browser?.close();
  });

  it('names each rule a page breaks and the element, and passes a page that breaks none', async () => {
    const page = await context.newPage();
    await page.setContent(BROKEN);
    const found = await accessibilityViolations(page);
    assert.deepEqual(
      found.map((line) => line.split(' (')[0]),
      ['color-contrast: p', 'html-has-lang: html', 'image-alt: img', 'label: input', 'link-name: a', 'list: ul'],
    );
    assert.match(found[0]!, /^color-contrast: p \(.*contrast.*\)$/i, 'each line says what to fix');
    await page.setContent(CLEAN);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.close();
  });

  it('checks the page as it is now when the same document is checked again', async () => {
    const page = await context.newPage();
    await page.setContent(CLEAN);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.evaluate(() => document.querySelector('label')!.remove());
    assert.deepEqual(
      (await accessibilityViolations(page)).map((line) => line.split(' (')[0]),
      ['label: #name'],
    );
    await page.close();
  });

  it('refuses a page holding a frame, which it would not enter', async () => {
    const page = await context.newPage();
    await page.setContent(`${CLEAN.replace('</main>', '<iframe title="Inside" srcdoc="<p>Inside</p>"></iframe></main>')}`);
    await assert.rejects(accessibilityViolations(page), /holds a frame/);
    await page.close();
  });
});
