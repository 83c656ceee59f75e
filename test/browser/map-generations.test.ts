// Maps that say "No data" only where Lantern holds no figure, seen in a real
// Chromium at phone and desktop widths: an earlier period is drawn on the
// boundaries of its time (the councils of 2015/16, not today's), so that its
// areas with figures are shaded; and the key a phone shows (the map's own is
// hidden there) says "No data" whenever the map hatches an area.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ENGLAND_CODE } from '../../src/domain/area/index.ts';
import { leagueTable } from '../../src/domain/benchmark/benchmark-queries.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const ACTIVE = 'percentage-of-physically-active-adults';
const WIDTHS = [
  { name: 'phone', size: PHONE },
  { name: 'desktop', size: DESKTOP },
] as const;

describe('maps of earlier periods, in a browser', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  /** The codes of the areas with a figure for the period, as the map's league table has them. */
  function figured(period: string): Set<string> {
    const index = server.engine.index;
    const series = index.metric(ACTIVE)!;
    const table = leagueTable(index, series, series.slice(period)!, index.area(ENGLAND_CODE)!, { kind: 'england' }, 0.95);
    return new Set(table.rows.map((r) => r.area));
  }

  for (const { name, size } of WIDTHS) {
    for (const which of ['earliest', 'latest'] as const) {
      it(`shades every area with a figure in the ${which} period, and keys "No data" where it hatches one, at ${name} width`, async () => {
        const series = server.engine.index.metric(ACTIVE)!;
        const period = (which === 'earliest' ? series.slices[0] : series.latest())!.period;
        const withFigures = figured(period);
        const page = await browser.newPage({ viewport: size });
        const response = await page.goto(`${server.base}/metrics/${ACTIVE}?period=${encodeURIComponent(period)}`);
        assert.equal(response?.status(), 200);
        const drawn = await page.$$eval('svg.lantern-map path[data-code]', (paths) =>
          paths.map((p) => ({
            code: p.getAttribute('data-code')!,
            noData: p.classList.contains('lantern-map-no-data'),
          })),
        );
        const shaded = drawn.filter((d) => !d.noData).map((d) => d.code);
        const hatched = drawn.filter((d) => d.noData).map((d) => d.code);
        assert.deepEqual(
          hatched.filter((code) => withFigures.has(code)),
          [],
          `${period}: areas with figures drawn as "No data"`,
        );
        const missing = [...withFigures].filter((code) => !shaded.includes(code));
        assert.ok(missing.length <= 0.05 * withFigures.size, `${period}: ${missing.length} of ${withFigures.size} areas with figures are not on the map: ${missing.slice(0, 8).join(', ')}`);
        assert.ok(hatched.length <= 0.05 * drawn.length, `${period}: ${hatched.length} of ${drawn.length} areas hatched "No data"`);
        assert.equal((await phoneKey(page)).includes('No data'), hatched.length > 0 && size === PHONE);
        await screenshot(page, `map-generations-${which}-${name}`);
        await page.close();
      });
    }

    it(`keys "No data" on a phone when the map hatches areas without figures, at ${name} width`, async () => {
      // The extract gives "fairly active" adults for a handful of areas only.
      const sparse = server.engine.index.metricsByTitle().find((s) => /fairly active/i.test(s.metric.title))!;
      const page = await browser.newPage({ viewport: size });
      assert.equal((await page.goto(`${server.base}/metrics/${sparse.metric.code}`))?.status(), 200);
      const hatched = await page.$$eval('svg.lantern-map path.lantern-map-no-data', (paths) => paths.length);
      assert.ok(hatched > 0, 'areas without figures are hatched');
      const key = await phoneKey(page);
      if (size === PHONE) assert.ok(key.includes('No data'), `the phone's key says ${key.join('; ')}`);
      else assert.deepEqual(key, [], 'the key in HTML is for phones; the map carries its own');
      await screenshot(page, `map-generations-sparse-${name}`);
      await page.close();
    });
  }
});

/** The words of the map key shown in HTML (on phones only, where the map's own key is hidden). */
async function phoneKey(page: Page): Promise<string[]> {
  return page.$$eval('.lantern-map-key .lantern-tag__words', (tags) => tags.filter((t) => (t as HTMLElement).offsetParent !== null).map((t) => t.textContent?.trim() ?? ''));
}
