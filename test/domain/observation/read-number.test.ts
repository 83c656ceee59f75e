import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainNumberOf, readNumber } from '../../../src/domain/observation/index.ts';

describe('readNumber(cell)', () => {
  const NUMBERS = Object.freeze([['12', 12], ['-3.5', -3.5], ['.5', 0.5], ['5.', 5], ['1e3', 1000], [' 42 ', 42], ['0', 0]] as const);
  for (const [cell, value] of NUMBERS) {
    it(`reads '${cell}' as ${value}`, () => assert.deepEqual(readNumber(cell), { kind: 'number', value }));
  }

  it('reads an empty or blank cell as empty', () => {
    assert.deepEqual(readNumber(''), { kind: 'empty' });
    assert.deepEqual(readNumber('   '), { kind: 'empty' });
  });

  const REFUSED = Object.freeze([
    ['NaN', "'NaN' is not a finite number", undefined],
    ['-Infinity', "'-Infinity' is not a finite number", undefined],
    ['1e999', "'1e999' is too large to be a finite number", undefined],
    ['1,234', "'1,234' is not a plain number", '1234'],
    ['1,234.5', "'1,234.5' is not a plain number", '1234.5'],
    ['12%', "'12%' is not a plain number", '12'],
    ['£12', "'£12' is not a plain number", '12'],
    ['2,5', "'2,5' is not a number", undefined],
    ['1.234,5', "'1.234,5' is not a number", undefined],
    ['abc', "'abc' is not a number", undefined],
    ['0x10', "'0x10' is not a number", undefined],
  ] as const);
  for (const [cell, reason, suggestion] of REFUSED) {
    it(`refuses '${cell}'${suggestion ? `, suggesting ${suggestion}` : ''}`, () => {
      assert.deepEqual(readNumber(cell), { kind: 'invalid', reason, ...(suggestion ? { suggestion } : {}) });
    });
  }
});

describe('plainNumberOf(cell)', () => {
  it('gives the value of a plain number and undefined for anything that needs the slow path', () => {
    assert.equal(plainNumberOf('21.9'), 21.9);
    assert.equal(plainNumberOf(' 21.9'), undefined);
    assert.equal(plainNumberOf('1e999'), undefined);
    assert.equal(plainNumberOf(''), undefined);
  });
});
