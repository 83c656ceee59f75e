import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellHazard, MAX_CELL_LENGTH } from '../../../src/domain/observation/index.ts';

describe('cellHazard(cell, maxLength)', () => {
  const FORMULAS = Object.freeze([
    ['=1+2', "'=1+2' looks like a spreadsheet formula", undefined],
    ['+5', "'+5' looks like a spreadsheet formula", '5'],
    ['@SUM(A1)', "'@SUM(A1)' looks like a spreadsheet formula", undefined],
    [' =7', "' =7' looks like a spreadsheet formula", '7'],
    ['\t25', "'\t25' looks like a spreadsheet formula", '25'],
    ['\r3.5', "'\r3.5' looks like a spreadsheet formula", '3.5'],
  ] as const);
  for (const [cell, reason, suggestion] of FORMULAS) {
    it(`refuses ${JSON.stringify(cell)} as a formula${suggestion ? `, suggesting ${suggestion}` : ''}`, () => {
      assert.deepEqual(cellHazard(cell), { reason, ...(suggestion ? { suggestion } : {}) });
    });
  }

  it('lets a negative number and ordinary text through', () => {
    assert.equal(cellHazard('-5'), undefined);
    assert.equal(cellHazard('County Durham'), undefined);
    assert.equal(cellHazard(''), undefined);
  });

  it('refuses a cell over the limit, naming its length and the limit', () => {
    assert.equal(cellHazard('x'.repeat(MAX_CELL_LENGTH)), undefined);
    assert.deepEqual(cellHazard('x'.repeat(MAX_CELL_LENGTH + 1)), { reason: `the cell is ${MAX_CELL_LENGTH + 1} characters long; at most ${MAX_CELL_LENGTH} are allowed` });
    assert.deepEqual(cellHazard('abcdef', 5), { reason: 'the cell is 6 characters long; at most 5 are allowed' });
  });
});
