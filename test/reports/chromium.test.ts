// Which Chromium Lantern launches: CHROMIUM_PATH when set, on Linux x64 the
// browser inside the @sparticuz/chromium npm package (whatever the machine
// has installed besides), elsewhere the system's. The npm browser prints
// text in Arimo from npm, and the PDF reader the tests use tells tagged from
// untagged.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromiumExecutable, chromiumSource, launchChromium } from '../../src/reports/chromium.ts';
import { readPdf } from '../support/pdf.ts';

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64' && !process.env.CHROMIUM_PATH;
const PACKAGE_JSON = path.join(path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'package.json');
const packageMajor = (JSON.parse(fs.readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version.split('.')[0];

describe('chromiumSource(env, platform, arch)', () => {
  it('takes CHROMIUM_PATH first, on any machine', () => {
    assert.equal(chromiumSource({ CHROMIUM_PATH: '/opt/chrome' }, 'linux', 'x64'), 'CHROMIUM_PATH');
    assert.equal(chromiumSource({ CHROMIUM_PATH: '/opt/chrome' }, 'darwin', 'arm64'), 'CHROMIUM_PATH');
  });

  it('takes the npm package on Linux x64, the only build it ships', () => {
    assert.equal(chromiumSource({}, 'linux', 'x64'), 'npm package');
    assert.equal(chromiumSource({ CHROMIUM_PATH: '' }, 'linux', 'x64'), 'npm package');
  });

  it('takes the system Chromium elsewhere', () => {
    assert.equal(chromiumSource({}, 'linux', 'arm64'), 'system');
    assert.equal(chromiumSource({}, 'darwin', 'arm64'), 'system');
    assert.equal(chromiumSource({}, 'win32', 'x64'), 'system');
  });
});

describe('chromiumExecutable()', () => {
  it('refuses a CHROMIUM_PATH that does not exist, naming it', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = path.join(os.tmpdir(), 'no-such-chromium');
    try {
      await assert.rejects(chromiumExecutable(), /CHROMIUM_PATH is .*no-such-chromium, which does not exist/);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });

  it('on Linux x64 is the npm package’s browser, unpacked once into the temporary folder', { skip: !onLinuxX64 && 'not Linux x64, or CHROMIUM_PATH set' }, async () => {
    const first = await chromiumExecutable();
    assert.equal(first.source, 'npm package');
    assert.equal(path.dirname(first.path), os.tmpdir());
    assert.ok(!first.path.startsWith('/usr/'), first.path);
    const unpacked = fs.statSync(first.path);
    assert.deepEqual(await chromiumExecutable(), first);
    const again = fs.statSync(first.path);
    // Unpacked again, the file would be written anew: told by the file, not by a clock a busy machine slows.
    assert.deepEqual([again.ino, again.mtimeMs], [unpacked.ino, unpacked.mtimeMs], 'the second asking reuses the unpacked browser');
  });
});

describe('the launched browser', { skip: !onLinuxX64 && 'not Linux x64, or CHROMIUM_PATH set' }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser.close());

  it('is the npm package’s Chromium, of the package’s major version', () => {
    assert.equal(browser.version().split('.')[0], packageMajor);
  });

  it('prints text asked for in Arial, Helvetica or sans-serif in Arimo from npm, tagged', async () => {
    const page = await browser.newPage();
    await page.setContent('<h1 style="font-family: Arial">County Durham</h1><p style="font-family: Helvetica, sans-serif">Healthy life expectancy 59.9</p>');
    const reading = readPdf(await page.pdf({ format: 'A4', tagged: true }));
    const untagged = readPdf(await page.pdf({ format: 'A4', tagged: false }));
    await page.close();
    assert.match(reading.text.join('\n'), /County Durham\s+Healthy life expectancy 59\.9/);
    assert.deepEqual(reading.fonts, ['Arimo-Bold', 'Arimo-Regular']);
    assert.equal(reading.pages, 1);
    assert.equal(reading.tagged, true);
    assert.equal(untagged.tagged, false);
  });
});
