// The one way a page becomes HTML: a template in the site's layout, with the
// version of the stylesheet and script. Pages of forms and of one person's
// own records (sign-in, account, intelligence, shares, audit,
// administration, reports, dashboards) are rendered for the viewer and sent
// at once (renderPage); kept pages are rendered with stand-ins for what is
// the viewer's own (kept-pages.ts).
import type { Response } from 'express';
import { render } from '../../../web/render.ts';
import { formToken } from '../identity/identify.ts';
import { pageAssets } from '../service/assets.ts';
import { localsOf } from './locals.ts';

/** A page's HTML: `template` given `context`, in the layout with the assets' version. */
export function pageHtml(template: string, context: Record<string, unknown>): string {
  return render(template, { assetVersion: pageAssets().version, ...context });
}

/** Renders a page of forms for the viewer (with the forms stylesheet) and sends it, kept by no cache unless `cacheControl` says otherwise. */
export function renderPage(res: Response, template: string, context: Record<string, unknown>, status = 200, cacheControl = 'private, no-store'): void {
  const html = pageHtml(template, { user: localsOf(res).user ?? null, csrfToken: formToken(res.req, res), accountStyles: true, ...context });
  res.status(status).set('Cache-Control', cacheControl).type('html').send(html);
}

/** A local address to return to after sign-in, or undefined: never another site. */
export function localAddress(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%~+,:@]*$/.test(value) && value.length <= 500 ? value : undefined;
}
