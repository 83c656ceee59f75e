import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkObservationValues, emptyValues, encodeFlags, SUPPRESSED, type CellProblem, type ObservationCells } from '../../../src/domain/observation/index.ts';
import type { ValueKind } from '../../../src/domain/metric/index.ts';

const cells = (given: Partial<ObservationCells>): ObservationCells => Object.freeze({ value: '', numerator: '', denominator: '', lower_ci: '', upper_ci: '', flags: '', ...given });

const NOT_A_FLAG = 'is not a flag: use provisional, revised, suppressed, estimated, separated by ;';

describe('checkObservationValues(cells, valueKind, into)', () => {
  it('fills `into` and finds no problem in a good row', () => {
    const into = emptyValues();
    const row = cells({ value: '21.9', numerator: '773', denominator: '3526', lower_ci: '20', upper_ci: '23', flags: 'provisional;revised' });
    assert.equal(checkObservationValues(row, 'proportion', into), undefined);
    assert.deepEqual(into, { value: 21.9, numerator: 773, denominator: 3526, lowerCi: 20, upperCi: 23, flags: encodeFlags(['provisional', 'revised']) });
  });

  it('lets a suppressed row leave its value empty', () => {
    const into = emptyValues();
    assert.equal(checkObservationValues(cells({ flags: 'suppressed' }), 'count', into), undefined);
    assert.deepEqual(into, { value: null, numerator: null, denominator: null, lowerCi: null, upperCi: null, flags: SUPPRESSED });
  });

  it('overwrites every field of a reused `into`', () => {
    const into = emptyValues();
    checkObservationValues(cells({ value: '5', numerator: '1', denominator: '2', lower_ci: '4', upper_ci: '6', flags: 'revised' }), 'mean', into);
    assert.equal(checkObservationValues(cells({ value: '7' }), 'mean', into), undefined);
    assert.deepEqual(into, { value: 7, numerator: null, denominator: null, lowerCi: null, upperCi: null, flags: 0 });
  });

  type Good = readonly [title: string, given: Partial<ObservationCells>, kind: ValueKind];
  const GOOD = Object.freeze<readonly Good[]>([
    ['a negative mean', { value: '-0.4' }, 'mean'],
    ['a negative currency amount', { value: '-1200' }, 'currency'],
    ['a negative index', { value: '-3' }, 'index'],
    ['a numerator above its denominator in a rate', { value: '120', numerator: '12', denominator: '10' }, 'rate'],
    ['a numerator above its denominator in a mean', { value: '1.2', numerator: '12', denominator: '10' }, 'mean'],
    ['a numerator equal to its denominator in a proportion', { value: '100', numerator: '10', denominator: '10' }, 'proportion'],
    ['a value on the edges of its interval', { value: '4', lower_ci: '4', upper_ci: '4' }, 'mean'],
    ['an interval with only its lower limit', { value: '5', lower_ci: '4' }, 'mean'],
    ['a suppressed row that still gives its value', { value: '3', flags: 'suppressed' }, 'count'],
    ['flags in any case, split by ; or | and spaced', { value: '3', flags: ' Provisional | SUPPRESSED; ' }, 'count'],
    ['a blank cell read as empty', { value: '3', numerator: '  ' }, 'count'],
    ['a zero count', { value: '0', numerator: '0', denominator: '0' }, 'proportion'],
  ]);
  for (const [title, given, kind] of GOOD) {
    it(`accepts ${title}`, () => assert.equal(checkObservationValues(cells(given), kind, emptyValues()), undefined));
  }

  type Bad = readonly [title: string, given: Partial<ObservationCells>, kind: ValueKind, problems: readonly CellProblem[]];
  const BAD = Object.freeze<readonly Bad[]>([
    ['a value that is not a number', { value: 'abc' }, 'mean', [{ column: 'value', value: 'abc', reason: "'abc' is not a number" }]],
    ['a formatted value, suggesting it plain', { value: '1,234' }, 'count', [{ column: 'value', value: '1,234', reason: "'1,234' is not a plain number", suggestion: '1234' }]],
    ['a denominator that is not finite', { value: '1', denominator: 'Infinity' }, 'count', [{ column: 'denominator', value: 'Infinity', reason: "'Infinity' is not a finite number" }]],
    [
      'a missing value without the suppressed flag',
      { flags: 'provisional' },
      'mean',
      [{ column: 'value', value: '', reason: 'the value is missing; a value may be left empty only when the row is flagged suppressed', suggestion: 'suppressed' }],
    ],
    ['a negative numerator', { value: '1', numerator: '-1', denominator: '5' }, 'mean', [{ column: 'numerator', value: '-1', reason: 'a numerator counts something and cannot be negative' }]],
    ['a negative denominator', { value: '1', denominator: '-5' }, 'mean', [{ column: 'denominator', value: '-5', reason: 'a denominator counts something and cannot be negative' }]],
    ['a negative count', { value: '-2' }, 'count', [{ column: 'value', value: '-2', reason: 'a count cannot be negative' }]],
    ['a negative proportion', { value: '-0.1' }, 'proportion', [{ column: 'value', value: '-0.1', reason: 'a proportion cannot be negative' }]],
    ['a negative rate', { value: '-7' }, 'rate', [{ column: 'value', value: '-7', reason: 'a rate cannot be negative' }]],
    [
      'a numerator above its denominator in a proportion',
      { value: '50', numerator: '6', denominator: '5' },
      'proportion',
      [{ column: 'numerator', value: '6', reason: 'the numerator (6) is greater than the denominator (5)' }],
    ],
    [
      'an interval the wrong way round',
      { value: '5', lower_ci: '6', upper_ci: '4' },
      'mean',
      [{ column: 'lower_ci', value: '6', reason: 'the lower confidence limit (6) is above the upper one (4)' }],
    ],
    ['a value above its interval', { value: '9', lower_ci: '4', upper_ci: '6' }, 'mean', [{ column: 'value', value: '9', reason: 'the value (9) lies outside its confidence interval (4 to 6)' }]],
    ['a value below its only lower limit', { value: '3', lower_ci: '4' }, 'mean', [{ column: 'value', value: '3', reason: 'the value (3) lies outside its confidence interval (4 to …)' }]],
    ['a value above its only upper limit', { value: '7', upper_ci: '6' }, 'mean', [{ column: 'value', value: '7', reason: 'the value (7) lies outside its confidence interval (… to 6)' }]],
    ['a misspelt flag, suggesting the flag', { value: '1', flags: 'provisonal' }, 'mean', [{ column: 'flags', value: 'provisonal', reason: `'provisonal' ${NOT_A_FLAG}`, suggestion: 'provisional' }]],
    [
      'a flag misspelt among good ones, naming the word',
      { value: '1', flags: 'revised;Supressed' },
      'mean',
      [{ column: 'flags', value: 'revised;Supressed', reason: `'supressed' ${NOT_A_FLAG}`, suggestion: 'suppressed' }],
    ],
    ['a word that is nothing like a flag, suggesting nothing', { value: '1', flags: 'maybe' }, 'mean', [{ column: 'flags', value: 'maybe', reason: `'maybe' ${NOT_A_FLAG}` }]],
  ]);
  for (const [title, given, kind, problems] of BAD) {
    it(`refuses ${title}`, () => assert.deepEqual(checkObservationValues(cells(given), kind, emptyValues()), problems));
  }

  it('reports every unreadable cell of a row at once', () => {
    const problems = checkObservationValues(cells({ value: 'x', numerator: 'y', upper_ci: '5%', flags: 'maybe;perhaps' }), 'mean', emptyValues());
    assert.deepEqual(
      problems?.map((p) => [p.column, p.value]),
      [
        ['value', 'x'],
        ['numerator', 'y'],
        ['upper_ci', '5%'],
        ['flags', 'maybe;perhaps'],
        ['flags', 'maybe;perhaps'],
      ],
    );
  });

  it('reports every inconsistency of a row at once', () => {
    const problems = checkObservationValues(cells({ numerator: '-1', denominator: '-2', lower_ci: '3', upper_ci: '1' }), 'proportion', emptyValues());
    assert.deepEqual(
      problems?.map((p) => p.column),
      ['value', 'numerator', 'denominator', 'numerator', 'lower_ci'],
    );
  });
});
