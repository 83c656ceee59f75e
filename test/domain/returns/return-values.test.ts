import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReturnValues, type GivenValue, type ValueRules } from '../../../src/domain/returns/index.ts';

const QUARTERLY_COUNT: ValueRules = Object.freeze({ periodKind: 'quarter', valueKind: 'count', today: '2026-12-05' });

const problemsOf = (given: readonly GivenValue[], rules: ValueRules = QUARTERLY_COUNT) => {
  const check = checkReturnValues(given, rules);
  return check.kind === 'refused' ? check.problems : [];
};

describe('checkReturnValues(given, rules)', () => {
  it('takes values to two decimals, blanks as not submitted, and notes', () => {
    const check = checkReturnValues(
      Object.freeze([
        { period: '2025/26 Q2', value: '1,204.5', note: ' ' },
        { period: 'Q1 2025/26', value: '', note: 'System outage: figures follow' },
        { period: '2025/26 Q3', value: 0.25 },
      ]),
      QUARTERLY_COUNT,
    );
    assert.equal(check.kind, 'ok');
    assert.deepEqual(check.kind === 'ok' && check.values.map((v) => [v.period.label, v.value, v.note]), [
      ['2025/26 Q1', null, 'System outage: figures follow'],
      ['2025/26 Q2', 1204.5, null],
      ['2025/26 Q3', 0.25, null],
    ]);
  });

  it('refuses a count below zero, naming the value', () => {
    assert.deepEqual(problemsOf([{ period: '2025/26 Q1', value: '-1' }]), [{ field: 'value', message: `'value' must be 0 or more: a count cannot be below zero` }]);
  });

  it('lets a currency fall below zero', () => {
    assert.equal(checkReturnValues([{ period: '2025/26', value: '-1500.25' }], { periodKind: 'financial_year', valueKind: 'currency', today: '2026-12-05' }).kind, 'ok');
  });

  it('refuses more than two decimals, from text and from numbers', () => {
    assert.deepEqual(
      problemsOf([
        { period: '2025/26 Q1', value: '1.005' },
        { period: '2025/26 Q2', value: 1.005 },
      ]).map((p) => p.field),
      ['value', 'value'],
    );
  });

  it('refuses words where a number belongs', () => {
    assert.deepEqual(problemsOf([{ period: '2025/26 Q1', value: 'twelve' }]), [{ field: 'value', message: `'value' must be a number, or blank when not submitted` }]);
  });

  it('refuses a period of another kind, one that is not a period, and one not begun', () => {
    assert.deepEqual(
      problemsOf([
        { period: '2025-09', value: '1' },
        { period: 'soon', value: '1' },
        { period: '2027/28 Q1', value: '1' },
        { period: '', value: '1' },
      ]).map((p) => p.field),
      ['period', 'period', 'period', 'period'],
    );
  });

  it('takes a period that begins today', () => {
    assert.equal(checkReturnValues([{ period: '2026-12', value: '3' }], { periodKind: 'month', valueKind: 'count', today: '2026-12-01' }).kind, 'ok');
  });

  it('refuses a period given twice, naming the line of the first', () => {
    const problems = problemsOf([
      { period: '2025/26 Q1', value: '1', line: 2 },
      { period: '2025/26 Q1', value: '2', line: 5 },
    ]);
    assert.deepEqual(problems, [{ field: 'period', line: 5, message: `'period' 2025/26 Q1 is given twice (first on line 2)` }]);
  });

  it('refuses a note too long, and a note that is not text', () => {
    assert.deepEqual(
      problemsOf([
        { period: '2025/26 Q1', value: '1', note: 'x'.repeat(2001) },
        { period: '2025/26 Q2', value: '1', note: 7 },
      ]).map((p) => p.field),
      ['note', 'note'],
    );
  });

  it('names fields as the form or body does', () => {
    const check = checkReturnValues([{ period: '2025/26 Q1', value: 'x' }], QUARTERLY_COUNT, (index, field) => `values[${index}].${field}`);
    assert.deepEqual(check.kind === 'refused' && check.problems.map((p) => p.field), ['values[0].value']);
  });
});
