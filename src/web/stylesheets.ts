// Lantern's stylesheets, compiled from src/web/styles with the GOV.UK
// Frontend's Sass once per process: lantern.css for every page, account.css
// for signed-in work, print.css for reports printed to PDF. The comparison
// tags' colours are written from the charts' palette into the page and print
// sheets, so that tags and charts never disagree.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';
import { GOVUK_FRONTEND } from './render.ts';
import { comparisonColours } from './views/comparison.ts';

const STYLES = fileURLToPath(new URL('./styles', import.meta.url));

export type Stylesheet = 'lantern' | 'account' | 'print';

const compiled = new Map<Stylesheet, string>();

export function stylesheet(name: Stylesheet): string {
  let css = compiled.get(name);
  if (css === undefined) {
    css = sass.compile(path.join(STYLES, `${name}.scss`), { loadPaths: [GOVUK_FRONTEND], style: 'compressed', quietDeps: true }).css;
    if (name !== 'account') css += tagColours();
    compiled.set(name, css);
  }
  return css;
}

function tagColours(): string {
  return comparisonColours().map((c) => `.lantern-tag--${c.key}{background:${c.fill};color:${c.text}}`).join('');
}
