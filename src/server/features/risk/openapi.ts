// The risk view's part of the OpenAPI document: a council's rows by cause, a
// patch's or England's councils side by side, the patch, and acknowledging a
// flag.
import { CAUSES, FLAG_RULES, NOT_FLAGGED_REASONS } from '../../../domain/early-warning/index.ts';
import { body, error, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, nullableText, integer, boolean, instant, object, textList } from '../../platform/service/openapi-types.ts';

const code = { name: 'code', in: 'path', required: true, description: "The council's GSS code.", schema: text };
const id = { name: 'id', in: 'path', required: true, description: "The flag's id.", schema: { type: 'integer', minimum: 1 } };
const scope = {
  name: 'scope',
  in: 'query',
  required: false,
  description: 'patch (the councils you cover; the default) or england (every council).',
  schema: { type: 'string', enum: ['patch', 'england'] },
};
const areas = object(['areas'], { areas: { type: 'array', items: { type: 'string', description: "A council's GSS code or name." }, maxItems: 500 } });

export const paths = {
  '/api/areas/{code}/risk': {
    get: operation(
      'councilRisk',
      "A council's risk view: per cause of failure, its open flags, the intelligence you may read and where the rules could not look; no score (reads audited)",
      { parameters: [code] },
      { 200: answer('The rows by cause.', ref('CouncilRisk')), ...withMissing },
    ),
  },
  '/api/risk': {
    get: operation(
      'patchRisk',
      "Your patch's (or England's) councils side by side, cause by cause: for the sector body's advisers, the Panel and peer challenge managers",
      { parameters: [scope] },
      { 200: answer('A row per council.', ref('PatchRisk')), ...refusals },
    ),
  },
  '/api/risk/patch': {
    get: operation('readPatch', 'The councils in your patch', {}, { 200: answer('GSS codes.', areas), ...refusals }),
    put: operation(
      'setPatch',
      'Set the councils in your patch (principal advisers); an unknown council refuses the whole list, naming it',
      { requestBody: body(areas) },
      { 200: answer('The patch as kept.', areas), ...refusals },
    ),
  },
  '/api/flags/{id}/acknowledgements': {
    post: operation(
      'acknowledgeFlag',
      'Acknowledge an open flag with a reason (principal advisers): it is muted until its figures change; audited',
      {
        parameters: [id],
        requestBody: body(
          object(['reason'], {
            reason: { type: 'string', minLength: 10, maxLength: 2000 },
            fingerprint: { type: 'string', description: 'The fingerprint as read: a flag whose figures changed since is refused (409).' },
          }),
        ),
      },
      { 201: answer('Acknowledged.', ref('FlagAcknowledgement')), ...withMissing, 409: error('The flag was cleared, or its figures changed since it was read.') },
    ),
  },
};

const flag = object(['id', 'rule', 'ruleTitle', 'ruleTest', 'ruleVersion', 'cause', 'sentence', 'raisedAt', 'muted'], {
  id: integer,
  area: text,
  rule: { type: 'string', enum: FLAG_RULES },
  ruleTitle: text,
  ruleTest: { type: 'string', description: "The rule's test, in words." },
  ruleVersion: integer,
  cause: { type: 'string', enum: CAUSES },
  metric: nullableText,
  metricTitle: nullableText,
  about: { ...nullableText, description: 'What the flag is about beside its rule: its metric, or for a rule with no metric its subject ("corporate peer challenge").' },
  period: nullableText,
  values: { type: ['object', 'null'], description: "The figures the rule read, named; null in a patch's or England's view." },
  sentence: text,
  fingerprint: text,
  raisedAt: instant,
  changedAt: instant,
  muted: { oneOf: [{ type: 'null' }, { type: 'object', properties: { reason: text, by: text, at: instant } }] },
  isNew: { type: 'boolean', description: 'Raised or changed since your last visit of the risk view.' },
});
const item = object(['id', 'href', 'title', 'cause', 'theme', 'stale', 'review'], {
  id: integer,
  href: text,
  title: text,
  cause: { type: 'string', enum: CAUSES },
  theme: text,
  classification: text,
  reviewedAt: instant,
  stale: boolean,
  review: text,
});
const notLooked = {
  type: 'object',
  properties: {
    rule: { type: 'string', enum: FLAG_RULES },
    reason: { type: 'string', enum: NOT_FLAGGED_REASONS },
    label: text,
    metricCount: integer,
    metrics: textList,
  },
};
const council = object(['code', 'name'], { code: text, name: text });

export const schemas = {
  CouncilRisk: object(['council', 'causes', 'mayAcknowledge'], {
    council,
    mayAcknowledge: boolean,
    causes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          cause: { type: 'string', enum: CAUSES },
          label: text,
          flags: { type: 'array', items: flag },
          items: { type: 'array', items: item },
          notLooked: { type: 'array', items: notLooked },
        },
      },
    },
  }),
  PatchRisk: object(['scope', 'rows'], {
    scope: { type: 'string', enum: ['patch', 'england'] },
    since: nullableText,
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          council,
          href: text,
          cells: { type: 'array', items: { type: 'object', properties: { cause: { type: 'string', enum: CAUSES }, flags: { type: 'array', items: flag }, items: { type: 'array', items: item } } } },
        },
      },
    },
  }),
  FlagAcknowledgement: object(['flag', 'reason', 'by', 'on'], { flag: integer, reason: text, by: text, on: instant }),
};
