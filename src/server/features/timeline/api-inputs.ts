// The timeline's path and query, one schema each: the routes read the
// council's code and the page asked for from them, and the OpenAPI document
// describes the parameters from them.
import { fromQueryOr, gssCode, paging, wholeNumber, z } from '../../platform/http/input-schema.ts';

export const timelinePath = z.object({ code: gssCode().describe('Council GSS code.') });

export const timelineQuery = z.object({ ...paging(100, 1000) });

/** The page's query: only where it starts, a hundred entries a page. */
export const timelinePageQuery = z.object({ offset: fromQueryOr(wholeNumber(0, 100_000_000), 0).describe('How many entries to skip.') });
