// The account API's inputs, one schema each: the routes and the token
// use-cases read their checked values from these, and the OpenAPI document
// (openapi.ts) describes the parameters and bodies from them.
import { ACTIONS, type Action } from '../../../domain/access/index.ts';
import { recordId, writtenText, z } from '../../platform/http/input-schema.ts';

const scopesWords = `'scopes' must list one or more of ${ACTIONS.join(', ')}`;
const daysWords = "'expiresInDays' must be a whole number of days from 1 to 366";

/** A new token: its name, its scopes (one, from a form, or a list) and how many days it lasts (none: until revoked). */
export const newTokenBody = z.object({
  name: writtenText(100),
  scopes: z.preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z
      .array(z.enum(ACTIONS, { error: scopesWords }), { error: scopesWords })
      .min(1, scopesWords)
      .transform((asked): Action[] => ACTIONS.filter((a) => asked.includes(a))),
  ),
  expiresInDays: z.preprocess(
    (value) => (value === '' ? undefined : typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value),
    z.number({ error: daysWords }).int(daysWords).min(1, daysWords).max(366, daysWords).optional(),
  ),
});

export const tokenPath = z.object({ id: recordId('API token').describe('Token id.') });
