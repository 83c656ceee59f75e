// Lantern's stylesheets, compiled from src/web/styles with the GOV.UK
// Frontend's Sass once per process: lantern.css for every page, account.css
// for signed-in work, print.css for reports printed to PDF. The comparison
// tags' colours are written from the charts' palette into the page and print
// sheets, so that tags and charts never disagree.
//
// Loading Sass takes a second and compiling the sheets four more, in every
// process that serves pages (each `lantern serve`, each test file): what Sass
// made is kept in node_modules/.cache/lantern, named by what it is made from
// (Lantern's styles and the versions of Sass and the GOV.UK Frontend), and
// Sass is loaded only when there is nothing kept to read.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GOVUK_FRONTEND } from './render.ts';
import { comparisonColours } from './views/comparison.ts';

const STYLES = fileURLToPath(new URL('./styles', import.meta.url));
const KEPT = path.join(GOVUK_FRONTEND, '..', '..', '.cache', 'lantern');
const require = createRequire(import.meta.url);

export type Stylesheet = 'lantern' | 'account' | 'print';

const compiled = new Map<Stylesheet, string>();

export function stylesheet(name: Stylesheet): string {
  let css = compiled.get(name);
  if (css === undefined) {
    css = keptOrCompiled(name);
    if (name !== 'account') css += tagColours();
    compiled.set(name, css);
  }
  return css;
}

function tagColours(): string {
  return comparisonColours()
    .map((c) => `.lantern-tag--${c.key}{background:${c.fill};color:${c.text}}`)
    .join('');
}

/** Sass's output for the sheet: as kept by an earlier process, or compiled now and kept for the next. */
function keptOrCompiled(name: Stylesheet): string {
  const kept = path.join(KEPT, `${name}-${madeFrom(name)}.css`);
  try {
    return fs.readFileSync(kept, 'utf8');
  } catch {
    // not kept yet, or kept for other styles
  }
  const sass = require('sass') as typeof import('sass');
  const css = sass.compile(path.join(STYLES, `${name}.scss`), { loadPaths: [GOVUK_FRONTEND], style: 'compressed', quietDeps: true }).css;
  try {
    fs.mkdirSync(KEPT, { recursive: true });
    for (const old of fs.readdirSync(KEPT).filter((file) => file.startsWith(`${name}-`))) fs.rmSync(path.join(KEPT, old), { force: true });
    const partial = `${kept}.${process.pid}`; // renamed whole: a process reading at the same moment never sees half a sheet
    fs.writeFileSync(partial, css);
    fs.renameSync(partial, kept);
  } catch {
    // a read-only installation compiles in each process
  }
  return css;
}

/** A digest of what Sass makes the sheet from: every file of Lantern's styles, and the versions of Sass and the GOV.UK Frontend. */
function madeFrom(name: Stylesheet): string {
  const digest = createHash('sha256').update(`${name}\0${packageVersion('sass')}\0${packageVersion('govuk-frontend')}`);
  for (const file of fs.readdirSync(STYLES, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(STYLES, file);
    if (fs.statSync(full).isFile()) digest.update(`\0${file}\0`).update(fs.readFileSync(full));
  }
  return digest.digest('hex').slice(0, 16);
}

function packageVersion(name: string): string {
  for (let folder = path.dirname(require.resolve(name)); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    const file = path.join(folder, 'package.json');
    if (!fs.existsSync(file)) continue;
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === name) return manifest.version ?? '';
  }
  return '';
}
