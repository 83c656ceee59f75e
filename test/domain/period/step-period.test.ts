// Stepping periods: years, quarters and months forward and back across year
// ends, the same period last year, and kinds that do not step.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod, sameTimeLastYear, stepPeriod, stepsBetween, type Period } from '../../../src/domain/period/index.ts';

function period(label: string): Period {
  const parsed = parsePeriod(label);
  assert.equal(parsed.kind, 'ok', label);
  return (parsed as { period: Period }).period;
}

describe('stepPeriod(period, steps)', () => {
  const cases: readonly (readonly [string, number, string])[] = [
    ['2008/09', 1, '2009/10'],
    ['2008/09', -1, '2007/08'],
    ['1999/00', 1, '2000/01'],
    ['2023', 2, '2025'],
    ['2023/24 Q4', 1, '2024/25 Q1'],
    ['2023/24 Q1', -1, '2022/23 Q4'],
    ['2023/24 Q3', 5, '2024/25 Q4'],
    ['2024-12', 1, '2025-01'],
    ['2024-01', -13, '2022-12'],
  ];
  for (const [from, steps, to] of cases) {
    it(`steps ${from} by ${steps} to ${to}`, () => assert.equal(stepPeriod(period(from), steps)?.label, to));
  }

  it('does not step spans of years or dates', () => {
    assert.equal(stepPeriod(period('2010 - 12'), 1), undefined);
    assert.equal(stepPeriod(period('2020-12-31'), 1), undefined);
  });

  it('does not step beyond the years Lantern reads', () => assert.equal(stepPeriod(period('2100'), 1), undefined));
});

describe('sameTimeLastYear(period)', () => {
  it('is last year, the same quarter or the same month a year back', () => {
    assert.equal(sameTimeLastYear(period('2009/10'))?.label, '2008/09');
    assert.equal(sameTimeLastYear(period('2009/10 Q2'))?.label, '2008/09 Q2');
    assert.equal(sameTimeLastYear(period('2024-03'))?.label, '2023-03');
  });
});

describe('stepsBetween(from, to)', () => {
  it('counts steps of one kind, and none between kinds', () => {
    assert.equal(stepsBetween(period('2022/23 Q3'), period('2024/25 Q1')), 6);
    assert.equal(stepsBetween(period('2010/11'), period('2008/09')), -2);
    assert.equal(stepsBetween(period('2010/11'), period('2010')), undefined);
  });
});
