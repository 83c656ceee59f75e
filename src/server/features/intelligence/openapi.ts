// Intelligence items' part of the OpenAPI document. The parameters come from
// the schemas the routes check them with (api-inputs.ts); an item's body is
// described here, beside the domain's check of it.
import { CLASSIFICATIONS, RISK_FACTORS, STALE_AFTER_MONTHS } from '../../../domain/access/index.ts';
import { BEST_VALUE_THEMES, CAUSES } from '../../../domain/early-warning/index.ts';
import { list, body, refusals, withMissing, shareOperations, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, nullableText, integer, boolean, instant, anyObject, object } from '../../platform/service/openapi-types.ts';
import { intelligenceQuery, itemPath, itemSharePath } from './api-inputs.ts';

const evidence = {
  oneOf: [
    object(['kind', 'metric', 'area', 'period'], { kind: { const: 'observation' }, metric: text, area: text, period: text }),
    object(['kind', 'description'], { kind: { const: 'source' }, description: { type: 'string', minLength: 10 }, url: nullableText }),
  ],
};
const itemFields = {
  subjectArea: { type: 'string', description: 'GSS code of the council.' },
  cause: { type: 'string', enum: CAUSES, description: 'Cause of failure (Improvement Board, 2012, appendix 1).' },
  bestValueTheme: { type: 'string', enum: BEST_VALUE_THEMES, description: 'Best Value theme; when absent, the one the cause usually takes.' },
  riskFactor: {
    type: 'string',
    enum: RISK_FACTORS,
    deprecated: true,
    description: 'The old name of cause, for older clients: leadership_and_relationships is read as leadership. Send cause instead.',
  },
  title: { type: 'string', maxLength: 200 },
  note: { type: 'string', minLength: 20, maxLength: 10000 },
  evidence: { type: 'array', items: evidence },
  classification: { type: 'string', enum: CLASSIFICATIONS, default: 'confidential' },
  shareable: { type: 'boolean', default: false, description: 'Only with evidence.' },
};

const itemSharing = shareOperations(
  { operationId: 'shareIntelligence', summary: 'Share a restricted or confidential item that has its evidence, saying why; the council sees it', path: itemPath },
  { operationId: 'unshareIntelligence', summary: 'Stop sharing an item, saying why; the council sees this too', path: itemSharePath },
);

export const paths = {
  '/api/intelligence': {
    get: operation(
      'listIntelligence',
      'Intelligence items you may read, newest first (reads of restricted and confidential items are audited)',
      { query: intelligenceQuery },
      { 200: answer('Items.', list('IntelligenceItem')), ...refusals },
    ),
    post: operation(
      'recordIntelligence',
      'Record an intelligence item (principal advisers)',
      { requestBody: body(object(['subjectArea', 'cause', 'title', 'note'], itemFields)) },
      { 201: answer('Recorded.', ref('IntelligenceItem')), ...refusals },
    ),
  },
  '/api/intelligence/{id}': {
    get: operation('getIntelligence', 'One intelligence item and the shares of it you may see', { path: itemPath }, { 200: answer('The item.', ref('IntelligenceItem')), ...withMissing }),
    patch: operation(
      'changeIntelligence',
      'Change an intelligence item (its author)',
      { path: itemPath, requestBody: body({ type: 'object', properties: itemFields }) },
      { 200: answer('Changed.', ref('IntelligenceItem')), ...withMissing },
    ),
  },
  '/api/intelligence/{id}/review': {
    post: operation(
      'reviewIntelligence',
      `Mark an intelligence item reviewed (those who may change it): it is stale ${STALE_AFTER_MONTHS} months after its last review`,
      { path: itemPath },
      { 200: answer('Reviewed.', ref('IntelligenceItem')), ...withMissing },
    ),
  },
  '/api/intelligence/{id}/shares': itemSharing.share,
  '/api/intelligence/{id}/shares/{shareId}/revoke': itemSharing.unshare,
};

export const schemas = {
  IntelligenceItem: object(['id', 'about', 'cause', 'bestValueTheme', 'title', 'note', 'classification', 'reviewedAt', 'stale'], {
    id: integer,
    about: anyObject,
    cause: { type: 'string', enum: CAUSES },
    bestValueTheme: { type: 'string', enum: BEST_VALUE_THEMES },
    riskFactor: { type: 'string', enum: RISK_FACTORS, deprecated: true, description: 'The old name of cause: leadership and relationships together.' },
    title: text,
    note: text,
    evidence: { type: 'array', items: evidence },
    classification: { type: 'string', enum: CLASSIFICATIONS },
    shareable: boolean,
    author: anyObject,
    organisation: anyObject,
    shares: { type: 'array', items: ref('Share') },
    createdAt: instant,
    updatedAt: instant,
    reviewedAt: { type: 'string', format: 'date-time', description: 'When it was recorded, last changed or marked reviewed.' },
    stale: { type: 'boolean', description: `Not reviewed for ${STALE_AFTER_MONTHS} months or more (on London's calendar).` },
  }),
};
