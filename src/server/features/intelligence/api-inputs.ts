// The intelligence API's query and path, one schema each: the routes
// (intelligence-api.ts) read their checked values from these, and the
// OpenAPI document (openapi.ts) describes the parameters from them. An
// item's own fields are checked by the domain's checkIntelligenceItem, whose
// problems the pages show beside each field.
import { RISK_FACTORS } from '../../../domain/access/index.ts';
import { fromQuery, gssCode, paging, recordId, z } from '../../platform/http/input-schema.ts';

export const intelligenceQuery = z.object({
  about: fromQuery(gssCode()).describe('Council GSS code.'),
  riskFactor: fromQuery(z.enum(RISK_FACTORS, { error: `must be one of ${RISK_FACTORS.join(', ')}` })).describe('Risk factor.'),
  q: fromQuery(z.string()).describe('Words in the title or note.'),
  ...paging(),
});

const itemId = recordId('intelligence item').describe('Item id.');

export const itemPath = z.object({ id: itemId });

export const itemSharePath = z.object({ id: itemId, shareId: recordId('share').describe('Share id.') });
