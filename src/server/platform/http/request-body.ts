// Reading a JSON or form body: an object of fields, or a 400 that says so;
// and the field readers the features share, each naming its field.
import express, { type NextFunction, type Request, type Response } from 'express';
import { middleware } from '../access/rules.ts';
import { badRequest } from './http-error.ts';

const formBodies = express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 200 });

/** Reads the form body of page requests; the API reads its own bodies (JSON, or an upload streamed). */
export const pageFormBodies = middleware('reads the form body of page requests', (req: Request, res: Response, next: NextFunction) => {
  if (req.path.startsWith('/api/')) return next();
  formBodies(req, res, next);
});

export function bodyOf(req: Request): Record<string, unknown> {
  const body = req.body as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('send the fields as a JSON object (Content-Type: application/json) or a form');
  return body as Record<string, unknown>;
}

export function requiredText(body: Record<string, unknown>, field: string, max: number, min = 1): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim().length < min) throw badRequest(min > 1 ? `'${field}' is required: at least ${min} characters` : `'${field}' is required`);
  const text = value.trim();
  if (text.length > max) throw badRequest(`'${field}' is longer than ${max} characters`);
  if (/[^\P{Cc}\t\n\r]/u.test(text)) throw badRequest(`'${field}' holds a control character`);
  return text;
}

/** A whole number id from a form or JSON field (text or number), or undefined when absent. */
export function optionalId(body: Record<string, unknown>, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > 2_147_483_647) throw badRequest(`'${field}' must be a whole number id, not '${text.slice(0, 40)}'`);
  return Number(text);
}

/** The id in a route's path, or 404: a path that is not an id names nothing. */
export function pathId(value: unknown, what: string): number {
  const text = String(value);
  if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > 2_147_483_647) throw badRequest(`'id' must be a whole number: there is no ${what} '${text.slice(0, 40)}'`);
  return Number(text);
}
