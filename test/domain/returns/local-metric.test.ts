import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkLocalMetric, localMetricCode } from '../../../src/domain/returns/index.ts';

const GOOD = Object.freeze({
  title: 'Missed bin collections',
  definition: 'Collections reported missed per 100,000 collections made',
  unit: 'per 100,000',
  polarity: 'lower_is_better',
  valueKind: 'rate',
  periodKind: 'month',
});

const fieldsOf = (given: Record<string, unknown>) => {
  const check = checkLocalMetric('E06000047', given);
  return check.kind === 'refused' ? check.problems.map((p) => p.field) : [];
};

describe('checkLocalMetric(areaCode, given)', () => {
  it('makes the code from the council and the title', () => {
    const check = checkLocalMetric('E06000047', GOOD);
    assert.equal(check.kind, 'ok');
    assert.equal(check.kind === 'ok' && check.metric.code, 'local-e06000047-missed-bin-collections');
    assert.equal(check.kind === 'ok' && check.metric.decimals, 2);
  });

  it('gives two councils with one title two codes', () => {
    assert.notEqual(localMetricCode('E06000047', 'Missed bins'), localMetricCode('E06000001', 'Missed bins'));
  });

  it('refuses each missing field by its name', () => {
    assert.deepEqual(fieldsOf({}), ['title', 'definition', 'polarity', 'valueKind', 'periodKind']);
  });

  it('leaves the unit optional', () => {
    assert.equal(checkLocalMetric('E06000047', { ...GOOD, unit: '' }).kind, 'ok');
  });

  it('refuses period kinds that returns do not run by', () => {
    assert.deepEqual(fieldsOf({ ...GOOD, periodKind: 'calendar_year' }), ['periodKind']);
  });

  it('refuses a polarity or value kind outside the library words', () => {
    assert.deepEqual(fieldsOf({ ...GOOD, polarity: 'up', valueKind: 'percent' }), ['polarity', 'valueKind']);
  });

  it('refuses a title of punctuation alone and one too long', () => {
    assert.deepEqual(fieldsOf({ ...GOOD, title: '!!!' }), ['title']);
    assert.deepEqual(fieldsOf({ ...GOOD, title: 'x'.repeat(201) }), ['title']);
  });

  it('refuses a definition that is not text', () => {
    const check = checkLocalMetric('E06000047', { ...GOOD, definition: 42 });
    assert.deepEqual(check.kind === 'refused' && check.problems, [{ field: 'definition', message: `'definition' must be text` }]);
  });
});
