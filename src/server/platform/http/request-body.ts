// Reading a JSON or form body: an object of fields, or a 400 that says so;
// and the id in a page's path. The fields themselves are read through
// schemas (input-schema.ts).
import express, { type NextFunction, type Request, type Response } from 'express';
import { middleware } from '../access/rules.ts';
import { badRequest, HttpError } from './http-error.ts';
import { readPageUpload } from './page-upload.ts';

const formBodies = express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 200 });

/**
 * The page forms that take a file: only these read a multipart body, held in
 * memory up to its limit, so that no other address (and no one unsigned in)
 * can make a server hold megabytes before the CSRF check refuses them.
 */
const TAKES_A_FILE = [/^\/agreements\/\d+\/targets\/import$/, /^\/returns\/upload$/];

/** Reads the form body of page requests; the API reads its own bodies (JSON, or an upload streamed). */
export const pageFormBodies = middleware('reads the form body of page requests', (req: Request, res: Response, next: NextFunction) => {
  if (req.path.startsWith('/api/')) return next();
  if (req.is('multipart/form-data')) {
    if (TAKES_A_FILE.some((path) => path.test(req.path))) return readPageUpload(req, res, next);
    return next(new HttpError(415, 'unsupported_media_type', 'This form takes no file: send it as a form (application/x-www-form-urlencoded)'));
  }
  formBodies(req, res, next);
});

export function bodyOf(req: Request): Record<string, unknown> {
  const body = req.body as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('send the fields as a JSON object (Content-Type: application/json) or a form');
  return body as Record<string, unknown>;
}

/** The id in a route's path, or 404: a path that is not an id names nothing. */
export function pathId(value: unknown, what: string): number {
  const text = String(value);
  if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > 2_147_483_647) throw badRequest(`'id' must be a whole number: there is no ${what} '${text.slice(0, 40)}'`);
  return Number(text);
}
