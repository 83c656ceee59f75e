// checkBudgetChange(next, allocated) and budgetChanges / allocationChanges
// (before, after): a budget may not fall below what is allocated from it, to
// the penny; the changes are the fields that differ, in words (sums as
// money), and none where nothing differs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocationChanges, budgetChanges, checkBudgetChange, type AllocationFields, type Budget } from '../../../src/domain/peer-challenge/index.ts';

const BUDGET: Budget = Object.freeze({ theme: 'Performance Improvement', year: '2009/10', amount: 1_500_000, carriedForward: 200_000 });
const ALLOCATION: AllocationFields = Object.freeze({
  theme: 'Performance Improvement',
  year: '2009/10',
  recipient: Object.freeze({ kind: 'council' as const, name: 'County Durham', councilCode: 'E06000047' }),
  amount: 250_000,
  decidedBy: 'Theme Management Group',
  decidedOn: '2009-07-01',
  decision: 'Agreed',
  startsOn: null,
  endsOn: null,
});

describe('checkBudgetChange(next, allocated)', () => {
  it('allows a budget down to exactly what is allocated, counting the sums carried forward', () => {
    assert.deepEqual(checkBudgetChange({ ...BUDGET, amount: 50_000.01, carriedForward: 199_999.99 }, 250_000), []);
  });

  it('refuses a budget a penny below what is allocated, naming the amount with the figures', () => {
    assert.deepEqual(checkBudgetChange({ ...BUDGET, amount: 50_000, carriedForward: 199_999.99 }, 250_000), [
      { field: 'amount', message: "'amount': £50,000 with £199,999.99 carried forward is £249,999.99, less than the £250,000 allocated from it" },
    ]);
  });
});

describe('budgetChanges(before, after)', () => {
  it('is empty when nothing differs', () => {
    assert.deepEqual(budgetChanges(BUDGET, { ...BUDGET }), []);
  });

  it('names each field that differs, sums as money, in the order of the form', () => {
    assert.deepEqual(budgetChanges(BUDGET, { ...BUDGET, year: '2010/11', carriedForward: 0.5 }), [
      { field: 'year', from: '2009/10', to: '2010/11' },
      { field: 'carriedForward', from: '£200,000', to: '£0.50' },
    ]);
  });
});

describe('allocationChanges(before, after)', () => {
  it('names a recipient moved from a council to a project, and a day added', () => {
    const after = { ...ALLOCATION, recipient: { kind: 'project' as const, name: ' Data quality ', councilCode: null }, endsOn: '2010-03-31' };
    assert.deepEqual(allocationChanges(ALLOCATION, after), [
      { field: 'recipient.kind', from: 'council', to: 'project' },
      { field: 'recipient.name', from: 'County Durham', to: 'Data quality' },
      { field: 'recipient.councilCode', from: 'E06000047', to: null },
      { field: 'endsOn', from: null, to: '2010-03-31' },
    ]);
  });

  it('sees no change in a decision retyped with spaces around it', () => {
    assert.deepEqual(allocationChanges(ALLOCATION, { ...ALLOCATION, decision: ' Agreed ' }), []);
  });
});
