// The risk view's part of the OpenAPI document: a council's rows by cause, a
// patch's or England's councils side by side, the patch, and acknowledging a
// flag.
import { CAUSES, FLAG_RULES, NOT_FLAGGED_REASONS } from '../../../domain/early-warning/index.ts';
import { body, json, nullable, ref, refusals, withMissing } from '../../platform/service/openapi-parts.ts';

const code = { name: 'code', in: 'path', required: true, description: "The council's GSS code.", schema: { type: 'string' } };
const id = { name: 'id', in: 'path', required: true, description: "The flag's id.", schema: { type: 'integer', minimum: 1 } };
const scope = {
  name: 'scope',
  in: 'query',
  required: false,
  description: 'patch (the councils you cover; the default) or england (every council).',
  schema: { type: 'string', enum: ['patch', 'england'] },
};
const areas = { type: 'object', required: ['areas'], properties: { areas: { type: 'array', items: { type: 'string', description: "A council's GSS code or name." }, maxItems: 500 } } };

export const paths = {
  '/api/areas/{code}/risk': {
    get: {
      operationId: 'councilRisk',
      summary: "A council's risk view: per cause of failure, its open flags, the intelligence you may read and where the rules could not look; no score (reads audited)",
      parameters: [code],
      responses: { 200: { description: 'The rows by cause.', content: json(ref('CouncilRisk')) }, ...withMissing },
    },
  },
  '/api/risk': {
    get: {
      operationId: 'patchRisk',
      summary: "Your patch's (or England's) councils side by side, cause by cause: for the sector body's advisers, the Panel and peer challenge managers",
      parameters: [scope],
      responses: { 200: { description: 'A row per council.', content: json(ref('PatchRisk')) }, ...refusals },
    },
  },
  '/api/risk/patch': {
    get: {
      operationId: 'readPatch',
      summary: 'The councils in your patch',
      responses: { 200: { description: 'GSS codes.', content: json(areas) }, ...refusals },
    },
    put: {
      operationId: 'setPatch',
      summary: 'Set the councils in your patch (principal advisers); an unknown council refuses the whole list, naming it',
      requestBody: body(areas),
      responses: { 200: { description: 'The patch as kept.', content: json(areas) }, ...refusals },
    },
  },
  '/api/flags/{id}/acknowledgements': {
    post: {
      operationId: 'acknowledgeFlag',
      summary: 'Acknowledge an open flag with a reason (principal advisers): it is muted until its figures change; audited',
      parameters: [id],
      requestBody: body({
        type: 'object',
        required: ['reason'],
        properties: {
          reason: { type: 'string', minLength: 10, maxLength: 2000 },
          fingerprint: { type: 'string', description: 'The fingerprint as read: a flag whose figures changed since is refused (409).' },
        },
      }),
      responses: {
        201: { description: 'Acknowledged.', content: json(ref('FlagAcknowledgement')) },
        ...withMissing,
        409: { description: 'The flag was cleared, or its figures changed since it was read.', content: json(ref('Error')) },
      },
    },
  },
};

const flag = {
  type: 'object',
  required: ['id', 'rule', 'ruleTitle', 'ruleTest', 'ruleVersion', 'cause', 'sentence', 'raisedAt', 'muted'],
  properties: {
    id: { type: 'integer' },
    area: { type: 'string' },
    rule: { type: 'string', enum: FLAG_RULES },
    ruleTitle: { type: 'string' },
    ruleTest: { type: 'string', description: "The rule's test, in words." },
    ruleVersion: { type: 'integer' },
    cause: { type: 'string', enum: CAUSES },
    metric: nullable('string'),
    metricTitle: nullable('string'),
    about: { ...nullable('string'), description: 'What the flag is about beside its rule: its metric, or for a rule with no metric its subject ("corporate peer challenge").' },
    period: nullable('string'),
    values: { type: ['object', 'null'], description: "The figures the rule read, named; null in a patch's or England's view." },
    sentence: { type: 'string' },
    fingerprint: { type: 'string' },
    raisedAt: { type: 'string', format: 'date-time' },
    changedAt: { type: 'string', format: 'date-time' },
    muted: { oneOf: [{ type: 'null' }, { type: 'object', properties: { reason: { type: 'string' }, by: { type: 'string' }, at: { type: 'string', format: 'date-time' } } }] },
    isNew: { type: 'boolean', description: 'Raised or changed since your last visit of the risk view.' },
  },
};
const item = {
  type: 'object',
  required: ['id', 'href', 'title', 'cause', 'theme', 'stale', 'review'],
  properties: {
    id: { type: 'integer' },
    href: { type: 'string' },
    title: { type: 'string' },
    cause: { type: 'string', enum: CAUSES },
    theme: { type: 'string' },
    classification: { type: 'string' },
    reviewedAt: { type: 'string', format: 'date-time' },
    stale: { type: 'boolean' },
    review: { type: 'string' },
  },
};
const notLooked = {
  type: 'object',
  properties: {
    rule: { type: 'string', enum: FLAG_RULES },
    reason: { type: 'string', enum: NOT_FLAGGED_REASONS },
    label: { type: 'string' },
    metricCount: { type: 'integer' },
    metrics: { type: 'array', items: { type: 'string' } },
  },
};
const council = { type: 'object', required: ['code', 'name'], properties: { code: { type: 'string' }, name: { type: 'string' } } };

export const schemas = {
  CouncilRisk: {
    type: 'object',
    required: ['council', 'causes', 'mayAcknowledge'],
    properties: {
      council,
      mayAcknowledge: { type: 'boolean' },
      causes: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            cause: { type: 'string', enum: CAUSES },
            label: { type: 'string' },
            flags: { type: 'array', items: flag },
            items: { type: 'array', items: item },
            notLooked: { type: 'array', items: notLooked },
          },
        },
      },
    },
  },
  PatchRisk: {
    type: 'object',
    required: ['scope', 'rows'],
    properties: {
      scope: { type: 'string', enum: ['patch', 'england'] },
      since: nullable('string'),
      rows: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            council,
            href: { type: 'string' },
            cells: { type: 'array', items: { type: 'object', properties: { cause: { type: 'string', enum: CAUSES }, flags: { type: 'array', items: flag }, items: { type: 'array', items: item } } } },
          },
        },
      },
    },
  },
  FlagAcknowledgement: {
    type: 'object',
    required: ['flag', 'reason', 'by', 'on'],
    properties: { flag: { type: 'integer' }, reason: { type: 'string' }, by: { type: 'string' }, on: { type: 'string', format: 'date-time' } },
  },
};
