// Returns' part of the OpenAPI document: paths and query from the schemas the
// routes check them with, bodies as the domain checks them (api-inputs.ts).
import { list, error, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, nullableText, integer, boolean, day, anyObject, object } from '../../platform/service/openapi-types.ts';
import { calendarQuery, confirmBody, importQuery, localMetricBody, returnBody, returnPath, valuesBody } from './api-inputs.ts';

const duplicate = { 409: error('Your council already has it: a local metric of that title, or a return of that metric at that frequency.') };
const entered = answer('Held, provisional until confirmed.', ref('ValuesEntered'));

export const paths = {
  '/api/returns/local-metrics': {
    get: operation('listLocalMetrics', "Your council's own local metrics", {}, { 200: answer('The local metrics.', list('ReturnMetric')), ...refusals }),
    post: operation(
      'defineLocalMetric',
      "Define a local metric of your council's (councils' performance officers); its code is made from the council and the title",
      { body: localMetricBody },
      { 201: answer('Defined.', ref('ReturnMetric')), ...refusals, ...duplicate },
    ),
  },
  '/api/returns': {
    post: operation(
      'addReturn',
      'Commit your council to send a metric (the library’s or its own) at a frequency, under a due rule',
      { body: returnBody },
      { 201: answer('Added.', ref('CouncilReturn')), ...refusals, ...duplicate },
    ),
  },
  '/api/returns/calendar': {
    get: operation(
      'returnsCalendar',
      "The returns calendar: each period's due date and whether it is received, explained, upcoming, due or overdue, of the returns you may see",
      { query: calendarQuery },
      { 200: answer('The calendar.', list('CalendarEntry')), ...refusals },
    ),
  },
  '/api/returns/values/import': {
    post: operation(
      'importReturnValues',
      "Upload your council's values as CSV or a spreadsheet (metric, period, value, note), all or nothing; each problem names its line and column",
      { query: importQuery, requestBody: { required: true, content: { 'text/csv': { schema: text }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } },
      { 201: answer('Held, provisional until confirmed.', anyObject), ...refusals },
    ),
  },
  '/api/returns/{id}': {
    get: operation(
      'getReturn',
      "A return: each period's value with its revisions, the calendar, and the metric's published series beside them",
      { path: returnPath },
      { 200: answer('The return.', anyObject), ...withMissing },
    ),
  },
  '/api/returns/{id}/values': {
    put: operation(
      'enterReturnValues',
      'Enter values of periods of the return: blank when not submitted, a note per period; each change kept as history',
      { path: returnPath, body: valuesBody },
      { 200: entered, ...withMissing },
    ),
  },
  '/api/returns/{id}/confirm': {
    post: operation(
      'confirmReturnValues',
      "Confirm the return's provisional values (of the periods named, or all)",
      { path: returnPath, body: confirmBody },
      { 200: answer('Confirmed.', ref('ValuesEntered')), ...withMissing },
    ),
  },
};

export const schemas = {
  ReturnMetric: object(['code', 'title', 'polarity', 'valueKind', 'periodKind', 'status'], {
    code: text,
    title: text,
    definition: nullableText,
    unit: nullableText,
    polarity: text,
    valueKind: text,
    periodKind: text,
    decimals: integer,
    status: text,
    ownerArea: { ...nullableText, description: 'The council that defined a local metric.' },
  }),
  CouncilReturn: object(['id', 'areaCode', 'metric', 'periodKind', 'firstPeriod', 'dueRule'], {
    id: integer,
    areaCode: text,
    areaName: text,
    organisationId: integer,
    metric: ref('ReturnMetric'),
    periodKind: text,
    firstPeriod: text,
    lastPeriod: nullableText,
    dueRule: anyObject,
    synthetic: { type: 'boolean', description: 'Made up for the demo.' },
    revision: integer,
  }),
  CalendarEntry: object(['returnId', 'areaCode', 'metricCode', 'period', 'due', 'state'], {
    returnId: integer,
    areaCode: text,
    areaName: text,
    metricCode: text,
    metricTitle: text,
    period: text,
    due: day,
    state: { type: 'string', enum: ['received', 'explained', 'upcoming', 'due', 'overdue'] },
    provisional: { type: ['boolean', 'null'] },
    synthetic: boolean,
  }),
  ValuesEntered: object(['returnId', 'changed'], { returnId: integer, changed: { type: 'integer', description: 'Values new or changed; the same value again changes nothing.' } }),
};
