// The schemas of route inputs: each refusal names its parameter in Lantern's
// words, the checked value is typed and converted, and the OpenAPI
// parameters come from the same schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checked, checkedQuery, flag, fromQuery, fromQueryOr, gssCode, metricCode, oneOf, paging, period, requiredInQuery, wholeNumber, z } from '../../../src/server/platform/http/input-schema.ts';
import { HttpError } from '../../../src/server/platform/http/http-error.ts';
import { jsonBody, pathParameters, queryParameters } from '../../../src/server/platform/service/openapi-input.ts';

const query = z.object({
  area: requiredInQuery(gssCode(), 'is required: the GSS code of the council').describe('GSS code of the council.'),
  metric: fromQuery(metricCode()),
  from: fromQuery(period()),
  current: fromQuery(flag()),
  format: fromQueryOr(oneOf(['json', 'csv']), 'json'),
  ...paging(100, 1000),
});

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof HttpError && error.status === 400, String(error));
    return error.message;
  }
  assert.fail('accepted');
}

describe('checkedQuery(schema, query)', () => {
  it('gives the typed values: codes upper-cased, periods parsed, numbers and flags read, defaults for the absent and the empty', () => {
    const value = checkedQuery(query, Object.freeze({ area: ' e06000047 ', from: '2023/24', current: '1', limit: '' }));
    assert.deepEqual({ ...value, from: value.from?.label }, { area: 'E06000047', from: '2023/24', current: true, format: 'json', limit: 100, offset: 0 });
  });

  const cases: [Record<string, unknown>, string][] = [
    [{}, "'area' is required: the GSS code of the council"],
    [{ area: '  ' }, "'area' is required: the GSS code of the council"],
    [{ area: 'north' }, "'area' must be a GSS code such as E06000047, not 'north'"],
    [{ area: ['E06000047', 'E06000001'] }, "'area' must be given once, as text"],
    [{ area: 'E06000047', metric: 'Bad Metric' }, "'metric' must be a metric code (lower-case letters, digits, hyphens), not 'Bad Metric'"],
    [{ area: 'E06000047', metric: 'a\u0000b' }, "'metric' holds a control character"],
    [{ area: 'E06000047', metric: 'a'.repeat(201) }, "'metric' is longer than 200 characters"],
    [{ area: 'E06000047', current: 'maybe' }, "'current' must be true or false, not 'maybe'"],
    [{ area: 'E06000047', format: 'xml' }, "'format' must be json or csv, not 'xml'"],
    [{ area: 'E06000047', limit: '0' }, "'limit' must be a whole number from 1 to 1000, not '0'"],
    [{ area: 'E06000047', limit: '1.5' }, "'limit' must be a whole number from 1 to 1000, not '1.5'"],
    [{ area: 'E06000047', offset: '-1' }, "'offset' must be a whole number from 0 to 100000000, not '-1'"],
    [{ area: 'E06000047', colour: 'red' }, "unknown query parameter 'colour' (this endpoint takes: area, metric, from, current, format, limit, offset)"],
  ];
  for (const [given, message] of cases) {
    it(`refuses ${JSON.stringify(given)}: ${message}`, () => {
      assert.equal(
        refusal(() => checkedQuery(query, given)),
        message,
      );
    });
  }

  it('passes over tracking added to a shared link, as the pages do', () => {
    assert.equal(checkedQuery(query, { area: 'E06000047', utm_source: 'newsletter', fbclid: 'x' }).area, 'E06000047');
  });

  it("refuses a period the period parser does not read, with the parser's reason", () => {
    assert.match(
      refusal(() => checkedQuery(query, { area: 'E06000047', from: 'notaperiod' })),
      /^'from': 'notaperiod' is not a period/,
    );
  });

  it('names the first problem in the order of the schema', () => {
    assert.match(
      refusal(() => checkedQuery(query, { area: 'x', limit: 'abc' })),
      /^'area'/,
    );
  });
});

describe('checked(schema, body)', () => {
  const body = z.object({ name: z.string().trim().min(1).max(10), ids: z.array(wholeNumber(1, 9)).min(1) });

  it('names the field, and an item of a list by its place', () => {
    assert.equal(
      refusal(() => checked(body, { ids: [1] })),
      "'name' is required",
    );
    assert.equal(
      refusal(() => checked(body, { name: 'x'.repeat(11), ids: [1] })),
      "'name' is longer than 10 characters",
    );
    assert.equal(
      refusal(() => checked(body, { name: 'a', ids: [1, 10] })),
      "'ids[1]' must be a whole number from 1 to 9, not '10'",
    );
    assert.equal(
      refusal(() => checked(body, { name: 'a', ids: 'x' })),
      "'ids' must be a list",
    );
  });
});

describe('queryParameters, pathParameters and jsonBody', () => {
  it('describe each field as the route reads it: its name, whether it is required, its description and schema', () => {
    const parameters = queryParameters(query) as { name: string; required: boolean; description?: string; schema: object }[];
    assert.deepEqual(
      parameters.map((p) => [p.name, p.required]),
      [
        ['area', true],
        ['metric', false],
        ['from', false],
        ['current', false],
        ['format', false],
        ['limit', false],
        ['offset', false],
      ],
    );
    assert.equal(parameters[0]!.description, 'GSS code of the council.');
    assert.deepEqual(parameters[3]!.schema, { type: 'boolean' });
    assert.deepEqual(parameters[5]!.schema, { type: 'integer', minimum: 1, maximum: 1000 });
    assert.deepEqual(pathParameters(z.object({ id: wholeNumber(1, 9) })), [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1, maximum: 9 } }]);
    assert.deepEqual(jsonBody(z.object({ name: z.string() })).content['application/json'].schema, { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] });
  });
});
