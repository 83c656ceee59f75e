// Monitoring's part of the OpenAPI document. `/api/agreements` is shared with
// the targets feature (its POST records an agreement); src/server/openapi.ts
// merges the two by method.
import { json, jsonOrCsv, list, nullable, ref, refusals, withMissing } from '../../platform/service/openapi-parts.ts';
import { pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import { areaPath, metricPath, monitoringQuery, partnerPath } from './api-inputs.ts';

const LINES_CSV =
  'agreement, agreement_title, council, status, target, reference, metric, area, area_name, baseline_period, baseline, target_period, target_value, period, actual, expected, gap, rating, rule, likelihood, reviewed_on';

export const paths = {
  '/api/agreements': {
    get: {
      operationId: 'monitorAgreements',
      summary: 'Agreements of a region or England that you may read, with targets counted by RAG and likelihood, trouble first',
      parameters: queryParameters(monitoringQuery),
      responses: { 200: { description: 'Monitoring lines.', content: json(list('MonitoringLine')) }, ...refusals },
    },
  },
  '/api/agreements.csv': {
    get: {
      operationId: 'monitorAgreementsCsv',
      summary: 'The monitoring view as CSV, in the same order',
      parameters: queryParameters(monitoringQuery),
      responses: { 200: { description: 'One line an agreement.', content: jsonOrCsv({ type: 'string' }) }, ...refusals },
    },
  },
  '/api/agreements/metrics/{code}': {
    get: {
      operationId: 'metricTargets',
      summary: "One metric's targets across areas that you may read, one line an area, problems first (red, amber, green, not rated)",
      parameters: pathParameters(metricPath),
      responses: { 200: { description: 'The metric and its lines.', content: json(ref('MetricTargets')) }, ...withMissing },
    },
  },
  '/api/agreements/metrics/{code}.csv': {
    get: {
      operationId: 'metricTargetsCsv',
      summary: "One metric's targets across areas as CSV, in the same order",
      parameters: pathParameters(metricPath),
      responses: { 200: { description: `One line an area of a target. Columns: ${LINES_CSV}.`, content: { 'text/csv': { schema: { type: 'string' } } } }, ...withMissing },
    },
  },
  '/api/agreements/partners/{id}': {
    get: {
      operationId: 'partnerTargets',
      summary: "A partner's targets, led or contributed to, across the agreements you may read (a partner Lantern knows as an organisation is gathered across agreements), problems first",
      parameters: pathParameters(partnerPath),
      responses: { 200: { description: 'The partner and its lines.', content: json(ref('PartnerTargets')) }, ...withMissing },
    },
  },
  '/api/areas/{code}/off-trajectory.csv': {
    get: {
      operationId: 'offTrajectoryCsv',
      summary: "A council's targets off trajectory as CSV, in the same order",
      parameters: pathParameters(areaPath),
      responses: {
        200: {
          description:
            'One line a target. Columns: area, area_name, agreement, agreement_title, target, reference, metric, title, rating, period, actual, expected, gap, rule, rule_kind, rule_version.',
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        ...withMissing,
      },
    },
  },
  '/api/areas/{code}/off-trajectory': {
    get: {
      operationId: 'offTrajectory',
      summary: "A council's targets rated red or amber against their trajectory, each naming its rule and figures; red first, nothing added up",
      parameters: pathParameters(areaPath),
      responses: { 200: { description: 'The area and its lines; none is an empty list.', content: json(ref('OffTrajectory')) }, ...withMissing },
    },
  },
};

const figure = nullable('number');
const rating = {
  type: 'object',
  required: ['rule'],
  description: 'A band (green, amber, red) or the reason there is none (notRated), always with the words of the rule that decided.',
  properties: { band: { type: 'string', enum: ['green', 'amber', 'red'] }, notRated: { type: 'string' }, rule: { type: 'string' } },
};
const targetLine = {
  type: 'object',
  required: ['agreement', 'target', 'area', 'baseline', 'period', 'actual', 'expected', 'gap', 'rating', 'label', 'likelihood'],
  properties: {
    agreement: { type: 'object', properties: { id: { type: 'integer' }, title: { type: 'string' }, council: { type: 'string' }, statusLabel: { type: 'string' } } },
    target: {
      type: 'object',
      properties: { id: { type: 'integer' }, reference: { type: 'string' }, metric: { type: 'string' }, metricTitle: { type: 'string' }, period: { type: 'string' }, value: figure },
    },
    area: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
    baseline: { type: ['object', 'null'], properties: { period: { type: 'string' }, value: figure } },
    period: nullable('string'),
    actual: figure,
    expected: { ...figure, description: 'Where the trajectory says the actual should be at its period.' },
    gap: { ...figure, description: 'Actual against the trajectory, positive when better.' },
    decimals: { type: 'integer' },
    rating,
    label: { type: 'string', description: 'The rating in words.' },
    likelihood: {
      type: ['object', 'null'],
      description: "The latest review's likelihood of delivery.",
      properties: { value: { type: 'string' }, label: { type: 'string' }, reviewedOn: { type: 'string' } },
    },
  },
};

export const schemas = {
  MonitoringLine: {
    type: 'object',
    required: ['agreement', 'targets', 'rag', 'likelihood'],
    properties: { agreement: ref('Agreement'), targets: { type: 'integer' }, rag: { type: 'object' }, likelihood: { type: 'object' } },
  },
  TargetLine: targetLine,
  MetricTargets: {
    type: 'object',
    required: ['metric', 'items'],
    properties: {
      metric: { type: 'object', properties: { code: { type: 'string' }, title: { type: 'string' }, unit: nullable('string'), polarity: { type: 'string' } } },
      items: { type: 'array', items: ref('TargetLine') },
    },
  },
  PartnerTargets: {
    type: 'object',
    required: ['partner', 'items'],
    properties: {
      partner: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          name: { type: 'string' },
          kind: { type: 'string' },
          kindLabel: { type: 'string' },
          organisationId: nullable('integer'),
          agreements: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, title: { type: 'string' }, council: { type: 'string' } } } },
        },
      },
      items: { type: 'array', items: { allOf: [ref('TargetLine'), { type: 'object', properties: { role: { type: 'string', enum: ['lead', 'contributing'] } } }] } },
    },
  },
  OffTrajectory: {
    type: 'object',
    required: ['area', 'items'],
    properties: {
      area: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['agreement', 'target', 'metric', 'band', 'label', 'period', 'actual', 'expected', 'gap', 'rule', 'toleranceRule'],
          properties: {
            agreement: { type: 'object', properties: { id: { type: 'integer' }, title: { type: 'string' } } },
            target: { type: 'object', properties: { id: { type: 'integer' }, reference: { type: 'string' } } },
            metric: { type: 'object', properties: { code: { type: 'string' }, title: { type: 'string' } } },
            band: { type: 'string', enum: ['red', 'amber'] },
            label: { type: 'string' },
            period: nullable('string'),
            actual: figure,
            expected: figure,
            gap: { ...figure, description: 'Actual against the trajectory, positive when better.' },
            decimals: { type: 'integer' },
            rule: { type: 'string', description: 'The test: the tolerance rule in words.' },
            toleranceRule: { type: 'object', description: 'The tolerance rule as stored, with its kind and version.' },
          },
        },
      },
    },
  },
};
