// Monitoring's part of the OpenAPI document. `/api/agreements` is shared with
// the targets feature (its POST records an agreement); src/server/openapi.ts
// merges the two by method.
import { list, jsonOrCsv, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { nullable, ref, text, nullableText, integer, anyObject, object, codeAndName } from '../../platform/service/openapi-types.ts';
import { areaPath, metricPath, monitoringQuery, partnerPath } from './api-inputs.ts';

const LINES_CSV =
  'agreement, agreement_title, council, status, target, reference, metric, area, area_name, baseline_period, baseline, target_period, target_value, period, actual, expected, gap, rating, rule, likelihood, reviewed_on';

export const paths = {
  '/api/agreements': {
    get: operation(
      'monitorAgreements',
      'Agreements of a region or England that you may read, with targets counted by RAG and likelihood, trouble first',
      { query: monitoringQuery },
      { 200: answer('Monitoring lines.', list('MonitoringLine')), ...refusals },
    ),
  },
  '/api/agreements.csv': {
    get: operation(
      'monitorAgreementsCsv',
      'The monitoring view as CSV, in the same order',
      { query: monitoringQuery },
      { 200: { description: 'One line an agreement.', content: jsonOrCsv(text) }, ...refusals },
    ),
  },
  '/api/agreements/metrics/{code}': {
    get: operation(
      'metricTargets',
      "One metric's targets across areas that you may read, one line an area, problems first (red, amber, green, not rated)",
      { path: metricPath },
      { 200: answer('The metric and its lines.', ref('MetricTargets')), ...withMissing },
    ),
  },
  '/api/agreements/metrics/{code}.csv': {
    get: operation(
      'metricTargetsCsv',
      "One metric's targets across areas as CSV, in the same order",
      { path: metricPath },
      { 200: { description: `One line an area of a target. Columns: ${LINES_CSV}.`, content: { 'text/csv': { schema: text } } }, ...withMissing },
    ),
  },
  '/api/agreements/partners/{id}': {
    get: operation(
      'partnerTargets',
      "A partner's targets, led or contributed to, across the agreements you may read (a partner Lantern knows as an organisation is gathered across agreements), problems first",
      { path: partnerPath },
      { 200: answer('The partner and its lines.', ref('PartnerTargets')), ...withMissing },
    ),
  },
  '/api/areas/{code}/off-trajectory.csv': {
    get: operation(
      'offTrajectoryCsv',
      "A council's targets off trajectory as CSV, in the same order",
      { path: areaPath },
      {
        200: {
          description:
            'One line a target. Columns: area, area_name, agreement, agreement_title, target, reference, metric, title, rating, period, actual, expected, gap, rule, rule_kind, rule_version.',
          content: { 'text/csv': { schema: text } },
        },
        ...withMissing,
      },
    ),
  },
  '/api/areas/{code}/off-trajectory': {
    get: operation(
      'offTrajectory',
      "A council's targets rated red or amber against their trajectory, each naming its rule and figures; red first, nothing added up",
      { path: areaPath },
      { 200: answer('The area and its lines; none is an empty list.', ref('OffTrajectory')), ...withMissing },
    ),
  },
};

const figure = nullable('number');
const rating = {
  type: 'object',
  required: ['rule'],
  description: 'A band (green, amber, red) or the reason there is none (notRated), always with the words of the rule that decided.',
  properties: { band: { type: 'string', enum: ['green', 'amber', 'red'] }, notRated: text, rule: text },
};
const targetLine = object(['agreement', 'target', 'area', 'baseline', 'period', 'actual', 'expected', 'gap', 'rating', 'label', 'likelihood'], {
  agreement: { type: 'object', properties: { id: integer, title: text, council: text, statusLabel: text } },
  target: {
    type: 'object',
    properties: { id: integer, reference: text, metric: text, metricTitle: text, period: text, value: figure },
  },
  area: codeAndName,
  baseline: { type: ['object', 'null'], properties: { period: text, value: figure } },
  period: nullableText,
  actual: figure,
  expected: { ...figure, description: 'Where the trajectory says the actual should be at its period.' },
  gap: { ...figure, description: 'Actual against the trajectory, positive when better.' },
  decimals: integer,
  rating,
  label: { type: 'string', description: 'The rating in words.' },
  likelihood: {
    type: ['object', 'null'],
    description: "The latest review's likelihood of delivery.",
    properties: { value: text, label: text, reviewedOn: text },
  },
});

export const schemas = {
  MonitoringLine: object(['agreement', 'targets', 'rag', 'likelihood'], { agreement: ref('Agreement'), targets: integer, rag: anyObject, likelihood: anyObject }),
  TargetLine: targetLine,
  MetricTargets: object(['metric', 'items'], {
    metric: { type: 'object', properties: { code: text, title: text, unit: nullableText, polarity: text } },
    items: { type: 'array', items: ref('TargetLine') },
  }),
  PartnerTargets: object(['partner', 'items'], {
    partner: {
      type: 'object',
      properties: {
        id: integer,
        name: text,
        kind: text,
        kindLabel: text,
        organisationId: nullable('integer'),
        agreements: { type: 'array', items: { type: 'object', properties: { id: integer, title: text, council: text } } },
      },
    },
    items: { type: 'array', items: { allOf: [ref('TargetLine'), { type: 'object', properties: { role: { type: 'string', enum: ['lead', 'contributing'] } } }] } },
  }),
  OffTrajectory: object(['area', 'items'], {
    area: codeAndName,
    items: {
      type: 'array',
      items: object(['agreement', 'target', 'metric', 'band', 'label', 'period', 'actual', 'expected', 'gap', 'rule', 'toleranceRule'], {
        agreement: { type: 'object', properties: { id: integer, title: text } },
        target: { type: 'object', properties: { id: integer, reference: text } },
        metric: { type: 'object', properties: { code: text, title: text } },
        band: { type: 'string', enum: ['red', 'amber'] },
        label: text,
        period: nullableText,
        actual: figure,
        expected: figure,
        gap: { ...figure, description: 'Actual against the trajectory, positive when better.' },
        decimals: integer,
        rule: { type: 'string', description: 'The test: the tolerance rule in words.' },
        toleranceRule: { type: 'object', description: 'The tolerance rule as stored, with its kind and version.' },
      }),
    },
  }),
};
