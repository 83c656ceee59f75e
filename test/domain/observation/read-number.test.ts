import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { plainNumberOf, readNumber } from '../../../src/domain/observation/index.ts';

describe('readNumber(cell)', () => {
  const NUMBERS = Object.freeze([
    ['12', 12],
    ['-3.5', -3.5],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['5.', 5],
    ['0', 0],
    ['007', 7],
    ['1e3', 1000],
    ['1E-3', 0.001],
    ['-2.5e+2', -250],
    ['1e308', 1e308],
    [' 42 ', 42],
    ['\t7\n', 7],
  ] as const);
  for (const [cell, value] of NUMBERS) {
    it(`reads ${JSON.stringify(cell)} as ${value}`, () => assert.deepEqual(readNumber(cell), { kind: 'number', value }));
  }

  it('reads an empty or blank cell as empty', () => {
    assert.deepEqual(readNumber(''), { kind: 'empty' });
    assert.deepEqual(readNumber('   '), { kind: 'empty' });
    assert.deepEqual(readNumber('\t'), { kind: 'empty' });
  });

  type Refused = readonly [cell: string, reason: string, suggestion?: string];
  const REFUSED = Object.freeze<readonly Refused[]>([
    // Not finite.
    ['NaN', "'NaN' is not a finite number"],
    ['Infinity', "'Infinity' is not a finite number"],
    ['-Infinity', "'-Infinity' is not a finite number"],
    ['inf', "'inf' is not a finite number"],
    ['1e999', "'1e999' is too large to be a finite number"],
    // Formatted: what was probably meant is suggested.
    ['1,234', "'1,234' is not a plain number", '1234'],
    ['1,234.5', "'1,234.5' is not a plain number", '1234.5'],
    ['12,345,678', "'12,345,678' is not a plain number", '12345678'],
    ['12%', "'12%' is not a plain number", '12'],
    ['£12', "'£12' is not a plain number", '12'],
    ['£1,234.50', "'£1,234.50' is not a plain number", '1234.50'],
    ['€-3', "'€-3' is not a plain number", '-3'],
    ['$1e3', "'$1e3' is not a plain number", '1e3'],
    // Decimal commas, and commas out of place: no guess.
    ['2,5', "'2,5' is not a number"],
    ['1.234,5', "'1.234,5' is not a number"],
    ['1234,567', "'1234,567' is not a number"],
    // Garbage.
    ['abc', "'abc' is not a number"],
    ['0x10', "'0x10' is not a number"],
    ['1.2.3', "'1.2.3' is not a number"],
    ['12 345', "'12 345' is not a number"],
    ['+5', "'+5' is not a number"],
    ['1e', "'1e' is not a number"],
    ['.', "'.' is not a number"],
    ['%', "'%' is not a number"],
  ]);
  for (const [cell, reason, suggestion] of REFUSED) {
    it(`refuses '${cell}'${suggestion ? `, suggesting ${suggestion}` : ''}`, () => {
      assert.deepEqual(readNumber(cell), { kind: 'invalid', reason, ...(suggestion ? { suggestion } : {}) });
    });
  }

  it('names the trimmed text in its reason', () => {
    assert.deepEqual(readNumber('  abc  '), { kind: 'invalid', reason: "'abc' is not a number" });
  });

  it('reads back every finite number as JavaScript writes it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const read = readNumber(String(x));
        assert.equal(read.kind, 'number');
        assert.ok(read.kind === 'number' && read.value === x, `${x} read as ${JSON.stringify(read)}`);
      }),
    );
  });
});

describe('plainNumberOf(cell)', () => {
  const CASES = Object.freeze([
    ['21.9', 21.9],
    ['-3', -3],
    ['1e3', 1000],
    [' 21.9', undefined],
    ['21.9 ', undefined],
    ['', undefined],
    ['1e999', undefined],
    ['1,234', undefined],
    ['NaN', undefined],
  ] as const);
  for (const [cell, value] of CASES) {
    it(`gives ${JSON.stringify(cell)} as ${value}`, () => assert.equal(plainNumberOf(cell), value));
  }

  it('agrees with readNumber whenever it gives a value', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', '+', 'e', 'E', ',', ' '), maxLength: 8 }), (cell) => {
        const fast = plainNumberOf(cell);
        if (fast !== undefined) assert.deepEqual(readNumber(cell), { kind: 'number', value: fast });
      }),
    );
  });
});
