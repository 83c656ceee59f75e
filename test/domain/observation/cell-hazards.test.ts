import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellHazard, MAX_CELL_LENGTH } from '../../../src/domain/observation/index.ts';

describe('cellHazard(cell, maxLength)', () => {
  type Formula = readonly [cell: string, suggestion?: string];
  const FORMULAS = Object.freeze<readonly Formula[]>([
    ['=1+2'],
    ['+5', '5'],
    ['@SUM(A1)'],
    [' =7', '7'],
    ['=-5', '-5'],
    ['\t25', '25'],
    ['\r3.5', '3.5'],
    ['\t=1', '1'],
    ['\n=1', '1'],
    ['\u00a0=1', '1'],
    ['='],
  ]);
  for (const [cell, suggestion] of FORMULAS) {
    it(`refuses ${JSON.stringify(cell)} as a formula${suggestion ? `, suggesting ${suggestion}` : ''}`, () => {
      assert.deepEqual(cellHazard(cell), { reason: `'${cell}' looks like a spreadsheet formula`, ...(suggestion ? { suggestion } : {}) });
    });
  }

  const FINE = Object.freeze(['-5', '-0.4', '25', 'County Durham', 'E06000047', '', ' 25', '\n25', 'a=b', 'x+1', 'name@example.org']);
  for (const cell of FINE) {
    it(`lets ${JSON.stringify(cell)} through`, () => assert.equal(cellHazard(cell), undefined));
  }

  it('refuses a formula starting with a minus sign, while a negative number passes', () => {
    assert.equal(cellHazard('-5'), undefined);
    assert.notEqual(cellHazard("-2+3+cmd|' /C calc'!A0"), undefined);
  });

  it('suggests only what is a number', () => {
    assert.deepEqual(cellHazard('+1.2.3'), { reason: "'+1.2.3' looks like a spreadsheet formula" });
  });

  it('shortens a long formula in its reason to 40 characters', () => {
    const cell = `=${'A'.repeat(50)}`;
    assert.deepEqual(cellHazard(cell), { reason: `'${cell.slice(0, 40)}…' looks like a spreadsheet formula` });
  });

  it('refuses a cell over the limit, naming its length and the limit', () => {
    assert.equal(MAX_CELL_LENGTH, 1000);
    assert.equal(cellHazard('x'.repeat(MAX_CELL_LENGTH)), undefined);
    assert.deepEqual(cellHazard('x'.repeat(MAX_CELL_LENGTH + 1)), { reason: 'the cell is 1001 characters long; at most 1000 are allowed' });
    assert.deepEqual(cellHazard('abcdef', 5), { reason: 'the cell is 6 characters long; at most 5 are allowed' });
    assert.deepEqual(cellHazard(`=${'1'.repeat(5)}`, 5), { reason: 'the cell is 6 characters long; at most 5 are allowed' }, 'length is told before the formula');
  });
});
