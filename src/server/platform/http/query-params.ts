// Reading the query parameters of pages: each reader takes the raw value and
// either returns it typed or throws a 400 that names the parameter and what
// was wrong. The JSON API reads its inputs through schemas (input-schema.ts).
import { isGssCode } from '../../../domain/area/index.ts';
import { badRequest } from './http-error.ts';

type Query = Record<string, unknown>;

function text(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`'${name}' must be given once, as text`);
  const trimmed = value.trim();
  if (/\p{Cc}/u.test(trimmed)) throw badRequest(`'${name}' holds a control character`);
  if (trimmed.length > 200) throw badRequest(`'${name}' is longer than 200 characters`);
  return trimmed === '' ? undefined : trimmed;
}

export function optionalText(query: Query, name: string): string | undefined {
  return text(query, name);
}

export function optionalCode(query: Query, name: string): string | undefined {
  const value = text(query, name);
  if (value !== undefined && !isGssCode(value.toUpperCase())) throw badRequest(`'${name}' must be a GSS code such as E06000047, not '${value}'`);
  return value?.toUpperCase();
}

export function optionalMetricCode(query: Query, name: string): string | undefined {
  const value = text(query, name);
  if (value !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(value)) throw badRequest(`'${name}' must be a metric code (lower-case letters, digits, hyphens), not '${value}'`);
  return value;
}

export function integer(query: Query, name: string, fallback: number, min: number, max: number): number {
  const value = text(query, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw badRequest(`'${name}' must be a whole number from ${min} to ${max}, not '${value}'`);
  return number;
}

/**
 * Campaign and click tracking that sites and mail add to a shared link
 * (`utm_source`, `fbclid`, `gclid`): a reader who follows such a link wants
 * the page, so these are passed over rather than refused as a typo.
 */
export function isTracking(name: string): boolean {
  return /^utm_/i.test(name) || name === 'fbclid' || name === 'gclid';
}

/** Refuses parameters the endpoint does not know, so that a typo is not silently ignored; tracking is passed over. */
export function onlyKnown(query: Query, known: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (!known.includes(name) && !isTracking(name)) throw badRequest(`unknown query parameter '${name}' (this endpoint takes: ${known.join(', ') || 'none'})`);
  }
}
