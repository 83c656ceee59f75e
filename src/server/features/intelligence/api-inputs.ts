// The intelligence API's query and path, one schema each: the routes
// (intelligence-api.ts) read their checked values from these, and the
// OpenAPI document (openapi.ts) describes the parameters from them. An
// item's own fields are checked by the domain's checkIntelligenceItem, whose
// problems the pages show beside each field.
import { RISK_FACTORS } from '../../../domain/access/index.ts';
import { BEST_VALUE_THEMES, CAUSES } from '../../../domain/early-warning/index.ts';
import { fromQuery, gssCode, paging, recordId, z } from '../../platform/http/input-schema.ts';

export const intelligenceQuery = z.object({
  about: fromQuery(gssCode()).describe('Council GSS code.'),
  cause: fromQuery(z.enum(CAUSES, { error: `must be one of ${CAUSES.join(', ')}` })).describe('Cause of failure.'),
  bestValueTheme: fromQuery(z.enum(BEST_VALUE_THEMES, { error: `must be one of ${BEST_VALUE_THEMES.join(', ')}` })).describe('Best Value theme.'),
  riskFactor: fromQuery(z.enum(RISK_FACTORS, { error: `must be one of ${RISK_FACTORS.join(', ')}` })).describe(
    'The old name of cause, kept for older clients: leadership_and_relationships asks for both leadership and relationships.',
  ),
  q: fromQuery(z.string()).describe('Words in the title or note.'),
  ...paging(),
});

const itemId = recordId('intelligence item').describe('Item id.');

export const itemPath = z.object({ id: itemId });

export const itemSharePath = z.object({ id: itemId, shareId: recordId('share').describe('Share id.') });
