// Rendering the pages of forms (sign-in, account, intelligence, shares, audit,
// administration, reports, dashboards) in the site's layout, and the errors of
// every page: a page that needs a sign-in sends the public to the sign-in page
// and back; anything else is the site's error page with its status and message.
import type { NextFunction, Request, Response } from 'express';
import { render } from '../../../web/render.ts';
import { middleware } from '../access/rules.ts';
import { pageAssets } from '../service/assets.ts';
import { figuresLoadingAnswer } from './figures-loading.ts';
import { HttpError } from './http-error.ts';
import { formToken } from '../identity/identify.ts';

/** Renders a page of forms (with the forms stylesheet), kept by no cache unless `cacheControl` says otherwise. */
export function renderPage(res: Response, template: string, context: Record<string, unknown>, status = 200, cacheControl = 'private, no-store'): void {
  const html = render(template, { ...res.locals, csrfToken: formToken(res.req, res), assetVersion: pageAssets().version, accountStyles: true, ...context });
  res.status(status).set('Cache-Control', cacheControl).type('html').send(html);
}

/** A local address to return to after sign-in, or undefined: never another site. */
export function localAddress(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%~+,:@]*$/.test(value) && value.length <= 500 ? value : undefined;
}

export function accessPageErrors(log: (line: string) => void) {
  return middleware('renders errors of the access pages', (thrown: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent || wantsJson(req)) return next(thrown);
    const loading = figuresLoadingAnswer(thrown, res);
    const error = loading ?? thrown;
    const status = error instanceof HttpError ? error.status : typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    if (status === 401 && req.method === 'GET') return void res.redirect(303, `/sign-in?returnTo=${encodeURIComponent(req.originalUrl)}`);
    if (status >= 500 && !loading) log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    const titles: Record<number, string> = {
      400: req.method === 'GET' ? 'There is a problem with the address' : 'There is a problem with the form',
      401: 'Sign in to continue', 403: 'You do not have access', 404: 'Page not found', 429: 'Too many attempts', 503: 'Figures loading',
    };
    const message = error instanceof HttpError ? error.message : status < 500 ? 'The request could not be read.' : 'Something went wrong on the server. It has been logged; please try again later.';
    renderPage(res, 'pages/error.njk', { title: titles[status] ?? 'Sorry, there is a problem with Lantern', message }, status);
  });
}

/** API requests and JSON bodies get the API's JSON errors. */
function wantsJson(req: Request): boolean {
  return req.originalUrl.startsWith('/api/') || req.originalUrl === '/api' || req.is('application/json') === 'application/json';
}
