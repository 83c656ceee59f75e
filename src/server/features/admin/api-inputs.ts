// Administration's inputs, one schema each: the use-cases (organisations.ts,
// users.ts, early-sight-releases.ts) check the API's, the pages' and the
// command line's fields with these, and the OpenAPI document (openapi.ts)
// describes the bodies and paths from them. What needs the store (whether
// an organisation or an area exists, whether a role fits) the use-cases
// decide after.
import { ORGANISATION_KINDS, ROLES } from '../../../domain/access/index.ts';
import { recordId, writtenText, z } from '../../platform/http/input-schema.ts';
import { PASSWORD_LENGTH } from '../../platform/identity/passwords.ts';

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** One of a list of words, given as text: absent or empty, it is required. */
function chosenFrom<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(trimmed, z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === '' ? 'is required' : `must be one of ${values.join(', ')}`) }));
}

export const newOrganisationBody = z.object({
  name: writtenText(200),
  kind: chosenFrom(ORGANISATION_KINDS),
  areaCode: z
    .preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toUpperCase() : undefined), z.string().optional())
    .describe("A council's area (GSS code); only for councils."),
});

const organisationWords = "is required: the id of the user's organisation";

export const newUserBody = z.object({
  email: writtenText(254)
    .refine((email) => /^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/.test(email), { error: (issue) => `: '${String(issue.input).slice(0, 100)}' is not an email address` })
    .transform((email) => email.toLowerCase()),
  name: writtenText(200),
  organisationId: z.preprocess(
    (value) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value),
    z.number({ error: organisationWords }).int(organisationWords).min(0, organisationWords).max(9_999_999_999, organisationWords),
  ),
  role: chosenFrom(ROLES),
  password: z
    .preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string({ error: 'is required' })
        .min(PASSWORD_LENGTH.min, `must be at least ${PASSWORD_LENGTH.min} characters`)
        .max(PASSWORD_LENGTH.max, `must be at most ${PASSWORD_LENGTH.max} characters`)
        .optional(),
    )
    .describe('Without one, Lantern makes one and returns it once.'),
});

const userChange = {
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }).optional(),
  disabled: z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean({ error: 'must be true or false' }).optional()),
};

/** A change to a user, as the use-case reads it from the API, the page and the command line. */
export const userChangeBody = z.object(userChange);

/** The API's change to a user: any other field is refused, not ignored. */
export const userPatchBody = z.strictObject(userChange, {
  error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field '${issue.keys[0] ?? ''}' (a user's role and disabled may be changed here)` : undefined),
});

const instantWords = "'embargoUntil' must be an instant with its offset, such as 2025-07-01T09:30:00+01:00, or null for none";

export const embargoBody = z.object({
  embargoUntil: z.union(
    [
      z.null(),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/)
        .refine((text) => !Number.isNaN(Date.parse(text)))
        .transform((text) => new Date(text)),
    ],
    { error: instantWords },
  ),
});

export const userPath = z.object({ id: recordId('user').describe('User id.') });

export const releasePath = z.object({ metric: z.string().describe('Metric code.') });

export const releaseSharePath = releasePath.extend({ shareId: recordId('share').describe('Share id.') });
