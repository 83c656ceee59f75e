// The log of shares' inputs, one schema each: the routes (shares-api.ts)
// read their checked values from these, and the OpenAPI document
// (openapi.ts) describes the parameters from them.
import { SHARED_KINDS } from '../../../store/shares.ts';
import { fromQuery, fromQueryOr, gssCode, recordId, wholeNumber, z } from '../../platform/http/input-schema.ts';

const offset = fromQueryOr(wholeNumber(0, 100_000_000), 0);

export const sharesQuery = z.object({
  about: fromQuery(gssCode()).describe('Council GSS code.'),
  recordKind: fromQuery(z.enum(SHARED_KINDS, { error: `must be one of ${SHARED_KINDS.join(', ')}` })).describe('Kind of record shared.'),
  recordId: fromQuery(z.string()).describe('The record.'),
  limit: fromQueryOr(wholeNumber(1, 1000), 100).describe('How many (default 100).'),
  offset: offset.describe('How many to skip.'),
});

export const feedQuery = z.object({
  about: fromQuery(gssCode()).describe("Council GSS code (default: your own council's)."),
  limit: fromQueryOr(wholeNumber(1, 1000), 100).describe('How many shares a page (default 100).'),
  offset: offset.describe('How many to skip: next_url gives the next page.'),
});

export const sharePath = z.object({ id: recordId('share').describe('Share id.') });
