// The system's Chromium, which prints reports to PDF (and drives the page
// tests): Debian's `chromium` package, or CHROMIUM_PATH. playwright-core
// never downloads a browser of its own.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const found = CANDIDATES.find((candidate) => candidate && fs.existsSync(candidate));
  if (!found) throw new Error("no Chromium found: install Debian's chromium package or set CHROMIUM_PATH");
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // No sandbox when run as root; no background traffic to hosts that may be unreachable.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
