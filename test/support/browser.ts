// A real headless Chromium for page tests, launched as Lantern itself
// launches it to print reports (src/reports/chromium.ts): on Linux x64 the
// browser inside the @sparticuz/chromium npm package. Every
// page a test opens fails the test on a console error or an uncaught
// exception, and axe-core checks it against WCAG 2.2 AA.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../src/reports/chromium.ts';
import { PROJECT_DIR } from './data.ts';

export const SCREENSHOTS = path.join(PROJECT_DIR, 'test-output', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export const PHONE = { width: 375, height: 812 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

/** A page that records console errors and uncaught exceptions for `problems`. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return { page, problems };
}

/**
 * axe-core as @axe-core/playwright bundles it: the same version, resolved
 * from that package rather than named again as a dependency of our own.
 */
const AXE_SOURCE: string = (createRequire(import.meta.resolve('@axe-core/playwright'))('axe-core') as { source: string }).source;
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[]; readonly failureSummary?: string }[];
}

/**
 * axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules; each violation as "rule:
 * target (summary)". axe runs in the page itself (`axe.run`), loaded once a
 * document: a second check of the same page, at another width say, reuses
 * it. Only violations are reported in full; the rules that pass or do not
 * apply are not described node by node, which the test never reads. That
 * is less than half the processor of AxeBuilder's default, which sends every
 * rule's nodes back and forth and finishes its run in a blank page of its
 * own (made for frames from other origins, which Lantern's pages do not
 * have: a page with a frame is refused here rather than half checked).
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  assert.equal(page.frames().length, 1, `${page.url()} holds a frame, which this check would not enter`);
  if (!(await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
  }, WCAG_AA);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`));
}

/**
 * A full-page picture for people to look at, the same pixels as
 * Playwright's full-page screenshot, taken through Chromium's DevTools
 * protocol so as to ask for its quicker PNG encoding: about 40% less
 * processor a picture, in a file about a quarter larger. Chromium now and
 * then refuses to capture one while the machine is busy ("Unable to
 * capture screenshot"), which says nothing of the page: that refusal is
 * tried again, a little later, up to three times; any other error fails
 * the test at once.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  const devTools = await page.context().newCDPSession(page);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const { cssContentSize } = await devTools.send('Page.getLayoutMetrics');
        const clip = { x: 0, y: 0, width: Math.ceil(cssContentSize.width), height: Math.ceil(cssContentSize.height), scale: 1 };
        const { data } = await devTools.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, optimizeForSpeed: true, clip });
        fs.writeFileSync(file, Buffer.from(data, 'base64'));
        return file;
      } catch (error) {
        if (attempt >= 3 || !/Unable to capture screenshot/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  } finally {
    await devTools.detach();
  }
}

/**
 * Presses Tab through the page and says which visible controls it never
 * reached. A group of radios is one stop for Tab (arrow keys move within it),
 * so it counts once. The page notes each control focus comes to, and is
 * asked only after as many presses as there are controls still unreached
 * (one press reaches one control at most): the presses are those of asking
 * after each, the round trips to the page a few instead of one a press.
 */
export async function controlsMissedByTab(page: Page): Promise<{ controls: number; missed: string[] }> {
  const controls = await page.evaluate(() => {
    const all = Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])'));
    const shown = all.filter((e) => !e.hidden && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
    shown.forEach((e, i) => e.setAttribute('data-control', e instanceof HTMLInputElement && e.type === 'radio' ? `radios ${e.name}` : String(i)));
    const reached = new Set<string>();
    (window as unknown as { lanternTabReached: Set<string> }).lanternTabReached = reached;
    document.addEventListener('focusin', (event) => {
      const key = event.target instanceof Element ? event.target.getAttribute('data-control') : null;
      if (key !== null) reached.add(key);
    });
    return [...new Set(shown.map((e) => e.getAttribute('data-control')!))];
  });
  const reachedCount = () => page.evaluate(() => (window as unknown as { lanternTabReached: Set<string> }).lanternTabReached.size);
  const presses = controls.length + 10;
  for (let pressed = 0, reached = 0; pressed < presses && reached < controls.length; reached = await reachedCount()) {
    for (const end = Math.min(presses, pressed + controls.length - reached); pressed < end; pressed++) await page.keyboard.press('Tab');
  }
  const missed = await page.evaluate((keys) => {
    const reached = (window as unknown as { lanternTabReached: Set<string> }).lanternTabReached;
    return keys.filter((key) => !reached.has(key)).map((key) => document.querySelector(`[data-control="${key}"]`)?.outerHTML.slice(0, 120) ?? key);
  }, controls);
  return { controls: controls.length, missed };
}

/** The smallest text any chart on the page draws, in CSS pixels as rendered: font size times the SVG's scale. */
export async function smallestChartText(page: Page): Promise<{ size: number; text: string; chart: string }> {
  return page.$$eval('svg text', (texts) =>
    texts.reduce(
      (smallest, text) => {
        const svg = (text as SVGTextElement).ownerSVGElement!;
        const box = svg.getBoundingClientRect();
        const scale = svg.viewBox.baseVal && svg.viewBox.baseVal.width > 0 ? box.width / svg.viewBox.baseVal.width : 1;
        const size = Number.parseFloat(getComputedStyle(text).fontSize) * scale;
        return box.width > 0 && size < smallest.size ? { size, text: text.textContent ?? '', chart: svg.id || svg.getAttribute('aria-labelledby') || '' } : smallest;
      },
      { size: Infinity, text: '', chart: '' },
    ),
  );
}

/**
 * What every page of the browser tests is held to, then its picture: no
 * wider than the screen, no axe violation and, with `chartText`, no chart
 * text under 12 px.
 */
export async function checkPage(page: Page, name: string, options: { readonly chartText?: boolean } = {}): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name}: the page is ${overflow} px wider than the screen`);
  if (options.chartText) {
    const smallest = await smallestChartText(page);
    assert.ok(smallest.size >= 12, `${name}: '${smallest.text}' is ${smallest.size.toFixed(1)} px`);
  }
  assert.deepEqual(await accessibilityViolations(page), [], name);
  await screenshot(page, name);
}
