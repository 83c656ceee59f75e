// One schema per route input (its query, its path, its body), written with
// zod: the route gets a typed, checked value from it and the OpenAPI
// document describes the input from the same schema (openapi-input.ts).
// Every refusal is a 400 naming the parameter in Lantern's words: a field's
// schema says what is wrong after the name ("must be a whole number from 1
// to 100, not 'abc'"), and `problem` puts the name in front, once, here.
// The query's pieces read text as it comes in an address: given once,
// trimmed, no control characters, at most 200 characters, empty as absent.
import * as z from 'zod';
import { AREA_TYPES, isGssCode } from '../../../domain/area/index.ts';
import { isMetricCode } from '../../../domain/metric/index.ts';
import { isIsoDay, parsePeriod, type Period } from '../../../domain/period/index.ts';
import { badRequest } from './http-error.ts';
import { isTracking } from './query-params.ts';

export { z };

type Shape = z.ZodRawShape;

/**
 * The checked query, or a 400: a name the schema does not know first (a typo
 * is not silently ignored; tracking added to a shared link is passed over),
 * then the first problem in the schema's order.
 */
export function checkedQuery<S extends Shape>(schema: z.ZodObject<S>, query: Record<string, unknown>): z.output<z.ZodObject<S>> {
  const known = Object.keys(schema.shape);
  for (const name of Object.keys(query)) {
    if (!known.includes(name) && !isTracking(name)) throw badRequest(`unknown query parameter '${name}' (this endpoint takes: ${known.join(', ') || 'none'})`);
  }
  return checked(schema, query);
}

/** The checked path parameters (or body), or a 400 naming the first field that is wrong. */
export function checked<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: lanternWords });
  if (result.success) return result.data;
  throw badRequest(problem(result.error.issues[0]!));
}

/** An issue as Lantern says it: the field named first, as 'field', unless the message already names one or there is none to name. */
export function problem(issue: z.core.$ZodIssue): string {
  const field = issue.path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');
  if (field === '' || issue.message.startsWith("'")) return issue.message;
  return `'${field}'${issue.message.startsWith(':') ? '' : ' '}${issue.message}`;
}

/** The words for an issue a field's schema left unsaid. */
function lanternWords(issue: z.core.$ZodRawIssue): string {
  if (issue.input === undefined) return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'too_big':
      return issue.origin === 'string' ? `is longer than ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string' ? `is required: at least ${String(issue.minimum)} characters` : `must be at least ${String(issue.minimum)}`;
    case 'unrecognized_keys':
      return `unknown field '${issue.keys[0] ?? ''}'`;
    default:
      return 'is not valid';
  }
}

const quoted = (input: unknown, length = 100) => `'${String(input).slice(0, length)}'`;

/** Text as an address gives it: once, trimmed, without control characters, at most 200 characters; empty is absent. */
function queryText(value: unknown, context: z.core.$RefinementCtx): unknown {
  if (value === undefined) return undefined;
  const problem = (message: string) => context.issues.push({ code: 'custom', message, input: value });
  if (typeof value !== 'string') return problem('must be given once, as text');
  const trimmed = value.trim();
  if (/\p{Cc}/u.test(trimmed)) return problem('holds a control character');
  if (trimmed.length > 200) return problem('is longer than 200 characters');
  return trimmed === '' ? undefined : trimmed;
}

/** A query parameter of this schema, optional. */
export function fromQuery<T extends z.ZodType>(schema: T) {
  return z.preprocess(queryText, schema.optional()).optional();
}

/** A query parameter of this schema that is `fallback` when absent or empty. */
export function fromQueryOr<T extends z.ZodType>(schema: T, fallback: z.util.NoUndefined<z.output<T>>) {
  return z.preprocess(queryText, schema.default(fallback)).default(fallback as never);
}

/** A query parameter that must be given; `missing` is what its absence is called, after its name (or whole, naming it itself). */
export function requiredInQuery<T extends z.ZodType>(schema: T, missing = 'is required') {
  return z.preprocess((value, context) => {
    const read = queryText(value, context);
    if (read === undefined && context.issues.length === 0) context.issues.push({ code: 'custom', message: missing, input: value });
    return read;
  }, schema);
}

/** A GSS code, upper-cased: E06000047. */
export const gssCode = () =>
  z
    .string()
    .refine((value) => isGssCode(value.toUpperCase()), { error: (issue) => `must be a GSS code such as E06000047, not ${quoted(issue.input)}` })
    .toUpperCase();

export const metricCode = () => z.string().refine(isMetricCode, { error: (issue) => `must be a metric code (lower-case letters, digits, hyphens), not ${quoted(issue.input)}` });

export const areaType = () => z.enum(AREA_TYPES, { error: (issue) => `must be an area type such as unitary or district, not ${quoted(issue.input)}` });

/**
 * A day of the calendar written YYYY-MM-DD, as `example` shows one: a day
 * that never was (2026-02-30) is refused here, not left for the store to
 * fail on. `missing` is what is said when there is no text at all, where the
 * feature's words are not the default.
 */
export const isoDay = (example: string, missing?: string) =>
  z
    .string(missing === undefined ? undefined : { error: missing })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `must be a date written ${example}`)
    // A text of another shape is refused by the pattern alone, not twice.
    .refine((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || isIsoDay(text), 'is not a day of the calendar');

/** A figure from JSON, or from the digits of a form or a file's cell. */
export const figure = () =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value),
    z.number({ error: (issue) => `must be a number, not ${JSON.stringify(issue.input)?.slice(0, 40) ?? 'nothing'}` }).refine(Number.isFinite, 'must be a finite number'),
  );

/** A period label, read by the one period parser. */
export const period = () =>
  z.string().transform((value, context): Period => {
    const parsed = parsePeriod(value);
    if (parsed.kind === 'ok') return parsed.period;
    context.issues.push({ code: 'custom', message: `: ${parsed.reason}`, input: value });
    return z.NEVER;
  });

/** true or 1, false or 0. */
export const flag = () =>
  z.preprocess(
    (value) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value),
    z.boolean({ error: (issue) => `must be true or false, not ${quoted(issue.input)}` }),
  );

/** A whole number from `min` to `max`, from the digits of an address or a JSON number. */
export function wholeNumber(min: number, max: number) {
  const words = (issue: { input?: unknown }) => `must be a whole number from ${min} to ${max}, not ${quoted(issue.input)}`;
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value),
    z.number({ error: words }).int({ error: words }).min(min, { error: words }).max(max, { error: words }),
  );
}

/** The id of a record in a path (or a field): what it names is said when it is not a whole number. */
export function recordId(what: string) {
  const words = (issue: { input?: unknown }) => `must be a whole number: there is no ${what} ${quoted(issue.input, 40)}`;
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value),
    z.number({ error: words }).int({ error: words }).min(1, { error: words }).max(2_147_483_647, { error: words }),
  );
}

/** Text a person wrote: trimmed, at least `min` characters and at most `max`, without control characters other than tabs and line ends. */
export function writtenText(max: number, min = 1) {
  const missing = min > 1 ? `is required: at least ${min} characters` : 'is required';
  return z
    .string({ error: missing })
    .trim()
    .min(min, missing)
    .max(max, `is longer than ${max} characters`)
    .refine((text) => !/[^\P{Cc}\t\n\r]/u.test(text), 'holds a control character');
}

/** One of the words listed, or a 400 that lists them. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, listed = values.join(' or ')) {
  return z.enum(values, { error: (issue) => `must be ${listed}, not ${quoted(issue.input)}` });
}

/** A page of a list: how many, and how many to skip. */
export function paging(defaultLimit = 100, maxLimit = 10_000) {
  return {
    limit: fromQueryOr(wholeNumber(1, maxLimit), defaultLimit).describe(`How many to return (default ${defaultLimit}).`),
    offset: fromQueryOr(wholeNumber(0, 100_000_000), 0).describe('How many to skip.'),
  };
}
