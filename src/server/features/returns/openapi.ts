// Returns' part of the OpenAPI document: paths and query from the schemas the
// routes check them with, bodies as the domain checks them (api-inputs.ts).
import { error, json, list, ref, refusals, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import { calendarQuery, confirmBody, importQuery, localMetricBody, returnBody, returnPath, valuesBody } from './api-inputs.ts';

const duplicate = { 409: error('Your council already has it: a local metric of that title, or a return of that metric at that frequency.') };
const entered = { description: 'Held, provisional until confirmed.', content: json(ref('ValuesEntered')) };

export const paths = {
  '/api/returns/local-metrics': {
    get: {
      operationId: 'listLocalMetrics',
      summary: "Your council's own local metrics",
      responses: { 200: { description: 'The local metrics.', content: json(list('ReturnMetric')) }, ...refusals },
    },
    post: {
      operationId: 'defineLocalMetric',
      summary: "Define a local metric of your council's (councils' performance officers); its code is made from the council and the title",
      requestBody: jsonBody(localMetricBody),
      responses: { 201: { description: 'Defined.', content: json(ref('ReturnMetric')) }, ...refusals, ...duplicate },
    },
  },
  '/api/returns': {
    post: {
      operationId: 'addReturn',
      summary: 'Commit your council to send a metric (the library’s or its own) at a frequency, under a due rule',
      requestBody: jsonBody(returnBody),
      responses: { 201: { description: 'Added.', content: json(ref('CouncilReturn')) }, ...refusals, ...duplicate },
    },
  },
  '/api/returns/calendar': {
    get: {
      operationId: 'returnsCalendar',
      summary: "The returns calendar: each period's due date and whether it is received, explained, upcoming, due or overdue, of the returns you may see",
      parameters: queryParameters(calendarQuery),
      responses: { 200: { description: 'The calendar.', content: json(list('CalendarEntry')) }, ...refusals },
    },
  },
  '/api/returns/values/import': {
    post: {
      operationId: 'importReturnValues',
      summary: "Upload your council's values as CSV or a spreadsheet (metric, period, value, note), all or nothing; each problem names its line and column",
      parameters: queryParameters(importQuery),
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      responses: { 201: { description: 'Held, provisional until confirmed.', content: json({ type: 'object' }) }, ...refusals },
    },
  },
  '/api/returns/{id}': {
    get: {
      operationId: 'getReturn',
      summary: "A return: each period's value with its revisions, the calendar, and the metric's published series beside them",
      parameters: pathParameters(returnPath),
      responses: { 200: { description: 'The return.', content: json({ type: 'object' }) }, ...withMissing },
    },
  },
  '/api/returns/{id}/values': {
    put: {
      operationId: 'enterReturnValues',
      summary: 'Enter values of periods of the return: blank when not submitted, a note per period; each change kept as history',
      parameters: pathParameters(returnPath),
      requestBody: jsonBody(valuesBody),
      responses: { 200: entered, ...withMissing },
    },
  },
  '/api/returns/{id}/confirm': {
    post: {
      operationId: 'confirmReturnValues',
      summary: "Confirm the return's provisional values (of the periods named, or all)",
      parameters: pathParameters(returnPath),
      requestBody: jsonBody(confirmBody),
      responses: { 200: { description: 'Confirmed.', content: json(ref('ValuesEntered')) }, ...withMissing },
    },
  },
};

const text = { type: 'string' };
const nullableText = { type: ['string', 'null'] };

export const schemas = {
  ReturnMetric: {
    type: 'object',
    required: ['code', 'title', 'polarity', 'valueKind', 'periodKind', 'status'],
    properties: {
      code: text,
      title: text,
      definition: nullableText,
      unit: nullableText,
      polarity: text,
      valueKind: text,
      periodKind: text,
      decimals: { type: 'integer' },
      status: text,
      ownerArea: { ...nullableText, description: 'The council that defined a local metric.' },
    },
  },
  CouncilReturn: {
    type: 'object',
    required: ['id', 'areaCode', 'metric', 'periodKind', 'firstPeriod', 'dueRule'],
    properties: {
      id: { type: 'integer' },
      areaCode: text,
      areaName: text,
      organisationId: { type: 'integer' },
      metric: ref('ReturnMetric'),
      periodKind: text,
      firstPeriod: text,
      lastPeriod: nullableText,
      dueRule: { type: 'object' },
      synthetic: { type: 'boolean', description: 'Made up for the demo.' },
      revision: { type: 'integer' },
    },
  },
  CalendarEntry: {
    type: 'object',
    required: ['returnId', 'areaCode', 'metricCode', 'period', 'due', 'state'],
    properties: {
      returnId: { type: 'integer' },
      areaCode: text,
      areaName: text,
      metricCode: text,
      metricTitle: text,
      period: text,
      due: { type: 'string', format: 'date' },
      state: { type: 'string', enum: ['received', 'explained', 'upcoming', 'due', 'overdue'] },
      provisional: { type: ['boolean', 'null'] },
      synthetic: { type: 'boolean' },
    },
  },
  ValuesEntered: {
    type: 'object',
    required: ['returnId', 'changed'],
    properties: { returnId: { type: 'integer' }, changed: { type: 'integer', description: 'Values new or changed; the same value again changes nothing.' } },
  },
};
