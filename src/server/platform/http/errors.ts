// The end of the application: the one answer for an address no route
// answered, and the one error handler, both mounted last by the composition
// root so that no router is ever behind them. Errors are JSON (a status, a
// stable code, a message; never a stack trace) for the API and for requests
// that sent JSON; the site's error page for everything else, where a page
// that needs a sign-in sends the public to the sign-in page and back.
import type { NextFunction, Request, Response } from 'express';
import { middleware } from '../access/rules.ts';
import { figuresLoadingAnswer } from './figures-loading.ts';
import { HttpError, notFound } from './http-error.ts';
import { renderPage } from './render-page.ts';

export const nothingHere = middleware('answers 404 for addresses no route answered', (req: Request) => {
  throw isApi(req) ? notFound(`there is no API endpoint ${req.method} ${req.path}`) : notFound('There is nothing at this address. If you typed it, check it is correct.');
});

export function errorHandler(log: (line: string) => void) {
  return (thrown: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const loading = figuresLoadingAnswer(thrown, res);
    const error = loading ?? thrown;
    const status = error instanceof HttpError ? error.status : httpStatusOf(error);
    if (status >= 500 && !loading) log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (res.headersSent) return void res.destroy();
    if (isApi(req) || req.is('application/json') === 'application/json') return jsonError(res, error, status);
    if (status === 401 && req.method === 'GET') return void res.redirect(303, `/sign-in?returnTo=${encodeURIComponent(req.originalUrl)}`);
    pageError(req, res, error, status);
  };
}

function isApi(req: Request): boolean {
  return req.path === '/api' || req.path.startsWith('/api/');
}

function jsonError(res: Response, error: unknown, status: number): void {
  const body =
    error instanceof HttpError
      ? { status, code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) }
      : status === 413
        ? { status, code: 'too_large', message: 'the request body is too large' }
        : status === 400
          ? { status, code: 'bad_request', message: 'the request could not be read' }
          : { status: 500, code: 'internal_error', message: 'something went wrong on the server; it has been logged' };
  res.status(body.status).json(body);
}

const TITLES: Readonly<Record<number, string>> = {
  401: 'Sign in to continue',
  403: 'You do not have access',
  404: 'Page not found',
  429: 'Too many attempts',
  503: 'Figures loading',
};

function pageError(req: Request, res: Response, error: unknown, status: number): void {
  const title = status === 400 ? (req.method === 'GET' ? 'There is a problem with the address' : 'There is a problem with the form') : TITLES[status];
  const message = error instanceof HttpError ? error.message : status < 500 ? 'The request could not be read.' : 'Something went wrong on the server. It has been logged; please try again later.';
  renderPage(res, 'pages/error.njk', { title: title ?? 'Sorry, there is a problem with Lantern', message }, status);
}

/** The status a thrown error carries (a body parser's 400 or 413), or 500. */
function httpStatusOf(error: unknown): number {
  const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}
