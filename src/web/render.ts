// Pages are Nunjucks templates over the GOV.UK Frontend's own templates and
// macros, used as published (`{% from "govuk/components/table/macro.njk" ... %}`),
// with Lantern's templates in ./templates. Autoescaping is on: every value a
// template prints is escaped unless a template marks trusted markup (SVG made
// by src/web/charts) as safe.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { formatNumber, formatValue } from '../domain/format/index.ts';

const TEMPLATES = fileURLToPath(new URL('./templates', import.meta.url));
/** The folder holding govuk-frontend's `govuk/` templates, styles and assets. */
export const GOVUK_FRONTEND = path.join(path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');

const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader([TEMPLATES, GOVUK_FRONTEND]), {
  autoescape: true,
  trimBlocks: true,
  lstripBlocks: true,
});
environment.addFilter('figure', (value: number | null | undefined, decimals = 1, unit = '') => formatValue(value ?? null, decimals, unit));
environment.addFilter('count', (value: number) => formatNumber(value, 0));

export function render(template: string, context: Record<string, unknown>): string {
  return environment.render(template, context);
}
