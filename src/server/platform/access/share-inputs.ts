// The bodies of a share and an un-share, one schema each, whatever the
// record: the sharing use-cases (shares.ts) read them, and the OpenAPI
// document describes the request bodies from them.
import { writtenText, z } from '../http/input-schema.ts';

/** An id a field may leave out (absent, null or empty), given as a number or as its digits. */
function optionalId() {
  const words = (issue: { input?: unknown }) => `must be a whole number id, not '${String(issue.input).slice(0, 40)}'`;
  return z.preprocess(
    (value) => (value === undefined || value === null || value === '' ? undefined : typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value),
    z.number({ error: words }).int({ error: words }).min(1, { error: words }).max(2_147_483_647, { error: words }).optional(),
  );
}

const reason = writtenText(2000, 10).describe('Why.');

/** With whom, and why; exactly one of the three recipients, which the use-case checks with the store. */
export const shareBody = z
  .object({
    organisationId: optionalId(),
    userId: optionalId(),
    userEmail: z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined), z.string().optional()),
    reason,
  })
  .describe('With whom: exactly one of organisationId, userId or userEmail.');

export const unshareBody = z.object({ reason });
