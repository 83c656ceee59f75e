// What every browser test holds its pages to (checkPage, in
// test/support/browser.ts) does what it should. Its axe-core run: a page
// with known WCAG failures names each rule and element, a page with none
// passes, a second check of the same document finds what changed since the
// first, and a page holding a frame is refused rather than half checked.
// Its picture: the whole page, pixel for pixel as Playwright's own
// full-page screenshot draws it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { accessibilityViolations, DESKTOP, launchBrowser, screenshot } from '../support/browser.ts';

const CLEAN = `<!doctype html><html lang="en"><head><title>Clean</title></head><body><main><h1>Clean</h1><p>Plain text.</p>
<label for="name">Name</label><input id="name" type="text"></main></body></html>`;

const BROKEN = `<!doctype html><html><head><title>Broken</title></head><body><main><h1>Broken</h1>
<p style="color:#bbb;background:#fff">Pale text</p><input type="text"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a href="/x"></a>
<ul><div>Not an item</div></ul></main></body></html>`;

describe('the checks of every page in the browser tests', () => {
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

  it('pictures the whole page, the same pixels as Playwright draws it', async () => {
    const page = await context.newPage();
    const rows = Array.from({ length: 60 }, (_, i) => `<p style="margin:0;height:40px;background:hsl(${i * 6} 60% 80%)">Row ${i + 1}</p>`).join('');
    await page.setContent(CLEAN.replace('</main>', `${rows}</main>`));
    const ours = fs.readFileSync(await screenshot(page, 'check-page-picture'));
    const playwrights = await page.screenshot({ fullPage: true });
    const picture = await context.newPage();
    // Both decoded in a page; no function is declared inside it (the TypeScript loader would name it).
    const compared = await picture.evaluate(
      async (pngs) => {
        const decoded: { size: string; data: Uint8ClampedArray }[] = [];
        for (const png of pngs) {
          const image = new Image();
          image.src = `data:image/png;base64,${png}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.width;
          canvas.height = image.height;
          const drawing = canvas.getContext('2d')!;
          drawing.drawImage(image, 0, 0);
          decoded.push({ size: `${image.width}x${image.height}`, data: drawing.getImageData(0, 0, image.width, image.height).data });
        }
        const [x, y] = decoded as [(typeof decoded)[0], (typeof decoded)[0]];
        let differing = 0;
        for (let i = 0; i < x.data.length; i++) if (x.data[i] !== y.data[i]) differing++;
        return { size: x.size, otherSize: y.size, differing };
      },
      [ours.toString('base64'), playwrights.toString('base64')],
    );
    const tall = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(tall > 60 * 40 && tall > DESKTOP.height, `the page is ${tall} px tall, more than a screen`);
    assert.equal(compared.size, `${DESKTOP.width}x${tall}`, 'the whole page, not the screen');
    assert.equal(compared.size, compared.otherSize);
    assert.equal(compared.differing, 0);
    await picture.close();
    await page.close();
  });
});
