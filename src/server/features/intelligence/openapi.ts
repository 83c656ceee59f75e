// Intelligence items' part of the OpenAPI document. The parameters come from
// the schemas the routes check them with (api-inputs.ts); an item's body is
// described here, beside the domain's check of it.
import { CLASSIFICATIONS, RISK_FACTORS, STALE_AFTER_MONTHS } from '../../../domain/access/index.ts';
import { BEST_VALUE_THEMES, CAUSES } from '../../../domain/early-warning/index.ts';
import { ref, json, list, body, refusals, withMissing, shareOperations } from '../../platform/service/openapi-parts.ts';
import { pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import { intelligenceQuery, itemPath, itemSharePath } from './api-inputs.ts';

const evidence = {
  oneOf: [
    {
      type: 'object',
      required: ['kind', 'metric', 'area', 'period'],
      properties: { kind: { const: 'observation' }, metric: { type: 'string' }, area: { type: 'string' }, period: { type: 'string' } },
    },
    { type: 'object', required: ['kind', 'description'], properties: { kind: { const: 'source' }, description: { type: 'string', minLength: 10 }, url: { type: ['string', 'null'] } } },
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
  { operationId: 'shareIntelligence', summary: 'Share a restricted or confidential item that has its evidence, saying why; the council sees it', parameters: pathParameters(itemPath) },
  { operationId: 'unshareIntelligence', summary: 'Stop sharing an item, saying why; the council sees this too', parameters: pathParameters(itemSharePath) },
);

export const paths = {
  '/api/intelligence': {
    get: {
      operationId: 'listIntelligence',
      summary: 'Intelligence items you may read, newest first (reads of restricted and confidential items are audited)',
      parameters: queryParameters(intelligenceQuery),
      responses: { 200: { description: 'Items.', content: json(list('IntelligenceItem')) }, ...refusals },
    },
    post: {
      operationId: 'recordIntelligence',
      summary: 'Record an intelligence item (principal advisers)',
      requestBody: body({ type: 'object', required: ['subjectArea', 'cause', 'title', 'note'], properties: itemFields }),
      responses: { 201: { description: 'Recorded.', content: json(ref('IntelligenceItem')) }, ...refusals },
    },
  },
  '/api/intelligence/{id}': {
    get: {
      operationId: 'getIntelligence',
      summary: 'One intelligence item and the shares of it you may see',
      parameters: pathParameters(itemPath),
      responses: { 200: { description: 'The item.', content: json(ref('IntelligenceItem')) }, ...withMissing },
    },
    patch: {
      operationId: 'changeIntelligence',
      summary: 'Change an intelligence item (its author)',
      parameters: pathParameters(itemPath),
      requestBody: body({ type: 'object', properties: itemFields }),
      responses: { 200: { description: 'Changed.', content: json(ref('IntelligenceItem')) }, ...withMissing },
    },
  },
  '/api/intelligence/{id}/review': {
    post: {
      operationId: 'reviewIntelligence',
      summary: `Mark an intelligence item reviewed (those who may change it): it is stale ${STALE_AFTER_MONTHS} months after its last review`,
      parameters: pathParameters(itemPath),
      responses: { 200: { description: 'Reviewed.', content: json(ref('IntelligenceItem')) }, ...withMissing },
    },
  },
  '/api/intelligence/{id}/shares': itemSharing.share,
  '/api/intelligence/{id}/shares/{shareId}/revoke': itemSharing.unshare,
};

export const schemas = {
  IntelligenceItem: {
    type: 'object',
    required: ['id', 'about', 'cause', 'bestValueTheme', 'title', 'note', 'classification', 'reviewedAt', 'stale'],
    properties: {
      id: { type: 'integer' },
      about: { type: 'object' },
      cause: { type: 'string', enum: CAUSES },
      bestValueTheme: { type: 'string', enum: BEST_VALUE_THEMES },
      riskFactor: { type: 'string', enum: RISK_FACTORS, deprecated: true, description: 'The old name of cause: leadership and relationships together.' },
      title: { type: 'string' },
      note: { type: 'string' },
      evidence: { type: 'array', items: evidence },
      classification: { type: 'string', enum: CLASSIFICATIONS },
      shareable: { type: 'boolean' },
      author: { type: 'object' },
      organisation: { type: 'object' },
      shares: { type: 'array', items: ref('Share') },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      reviewedAt: { type: 'string', format: 'date-time', description: 'When it was recorded, last changed or marked reviewed.' },
      stale: { type: 'boolean', description: `Not reviewed for ${STALE_AFTER_MONTHS} months or more (on London's calendar).` },
    },
  },
};
