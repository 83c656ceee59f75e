import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  checkObservationValues, decodeFlags, emptyValues, encodeFlags, OBSERVATION_FLAGS, SUPPRESSED, type ObservationCells,
} from '../../../src/domain/observation/index.ts';

const cells = (given: Partial<ObservationCells>): ObservationCells =>
  Object.freeze({ value: '', numerator: '', denominator: '', lower_ci: '', upper_ci: '', flags: '', ...given });

describe('checkObservationValues(cells, valueKind, into)', () => {
  it('fills `into` and finds no problem in a good row', () => {
    const into = emptyValues();
    assert.equal(checkObservationValues(cells({ value: '21.9', numerator: '773', denominator: '3526', lower_ci: '20', upper_ci: '23', flags: 'provisional;revised' }), 'proportion', into), undefined);
    assert.deepEqual(into, { value: 21.9, numerator: 773, denominator: 3526, lowerCi: 20, upperCi: 23, flags: encodeFlags(['provisional', 'revised']) });
  });

  it('lets a suppressed row leave its value empty', () => {
    const into = emptyValues();
    assert.equal(checkObservationValues(cells({ flags: 'suppressed' }), 'count', into), undefined);
    assert.deepEqual([into.value, into.flags], [null, SUPPRESSED]);
  });

  type Case = readonly [title: string, given: Partial<ObservationCells>, kind: 'count' | 'proportion' | 'mean', column: string, reason: string, suggestion?: string];
  const PROBLEMS: readonly Case[] = Object.freeze([
    ['a value that is not a number', { value: 'abc' }, 'mean', 'value', "'abc' is not a number"],
    ['a missing value without the suppressed flag', {}, 'mean', 'value', 'the value is missing', 'suppressed'],
    ['a negative numerator', { value: '1', numerator: '-1', denominator: '5' }, 'mean', 'numerator', 'cannot be negative'],
    ['a negative denominator', { value: '1', denominator: '-5' }, 'mean', 'denominator', 'cannot be negative'],
    ['a negative count', { value: '-2' }, 'count', 'value', 'a count cannot be negative'],
    ['a numerator above its denominator in a proportion', { value: '50', numerator: '6', denominator: '5' }, 'proportion', 'numerator', 'the numerator (6) is greater than the denominator (5)'],
    ['an interval the wrong way round', { value: '5', lower_ci: '6', upper_ci: '4' }, 'mean', 'lower_ci', 'the lower confidence limit (6) is above the upper one (4)'],
    ['a value outside its interval', { value: '9', lower_ci: '4', upper_ci: '6' }, 'mean', 'value', 'lies outside its confidence interval'],
    ['a misspelt flag', { value: '1', flags: 'provisonal' }, 'mean', 'flags', "'provisonal' is not a flag", 'provisional'],
  ]);
  for (const [title, given, kind, column, reason, suggestion] of PROBLEMS) {
    it(`refuses ${title}`, () => {
      const problems = checkObservationValues(cells(given), kind, emptyValues());
      assert.equal(problems?.length, 1, JSON.stringify(problems));
      assert.equal(problems[0]!.column, column);
      assert.ok(problems[0]!.reason.includes(reason), problems[0]!.reason);
      assert.equal(problems[0]!.suggestion, suggestion);
    });
  }

  it('allows a negative mean and a numerator above its denominator in a rate', () => {
    assert.equal(checkObservationValues(cells({ value: '-0.4' }), 'mean', emptyValues()), undefined);
    assert.equal(checkObservationValues(cells({ value: '120', numerator: '12', denominator: '10' }), 'rate' as 'mean', emptyValues()), undefined);
  });

  it('reports every problem of a row at once', () => {
    const problems = checkObservationValues(cells({ value: 'x', numerator: 'y', flags: 'maybe' }), 'mean', emptyValues());
    assert.deepEqual(problems?.map((p) => p.column), ['value', 'numerator', 'flags']);
  });
});

describe('encodeFlags(flags) and decodeFlags(bits)', () => {
  it('round-trip every set of flags', () => {
    fc.assert(fc.property(fc.subarray([...OBSERVATION_FLAGS]), (flags) => {
      assert.deepEqual(decodeFlags(encodeFlags(flags)), flags);
    }));
  });
});
