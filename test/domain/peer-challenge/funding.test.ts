import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkAllocation, checkBudget, checkSpend, fundingPosition, type Allocation, type AllocationDraft, type Budget } from '../../../src/domain/peer-challenge/index.ts';

/** 000 §8: "In 2009-10, the Performance Improvement Theme has budget, including carried forward sums, of £1.7m." The split is made up. */
const BUDGET: Budget = Object.freeze<Budget>({ theme: 'Performance Improvement', year: '2009/10', amount: 1_400_000, carriedForward: 300_000 });

const DRAFT: AllocationDraft = Object.freeze<AllocationDraft>({
  theme: 'Performance Improvement',
  year: '2009/10',
  recipient: { kind: 'project', name: 'Data quality in Kent and Medway', councilCode: null },
  amount: 250_000,
  decidedBy: 'Theme Management Group',
  decidedOn: '2009-06-12',
  decision: 'Agreed: two years of support for data quality',
});

const allocation = (id: string, amount: number, spent: number, changes: Partial<Allocation> = {}): Allocation => Object.freeze({ ...DRAFT, id, amount, spent, ...changes });
const fields = (problems: readonly { field: string }[]) => problems.map((p) => p.field);

describe('fundingPosition(budget, allocations)', () => {
  it('adds carried-forward sums to the year and shows what is unallocated and spent', () => {
    const position = fundingPosition(BUDGET, [allocation('a', 250_000, 100_000), allocation('b', 400_000, 410_000, { recipient: { kind: 'council', name: 'Slough', councilCode: 'E06000039' } })]);
    assert.deepEqual([position.total, position.allocated, position.unallocated, position.spent], [1_700_000, 650_000, 1_050_000, 510_000]);
    assert.equal(position.sentence, 'Performance Improvement, 2009/10: £1,700,000 (£1,400,000 with £300,000 carried forward); £650,000 allocated, £1,050,000 unallocated, £510,000 spent.');
    assert.deepEqual(
      position.allocations.map((a) => [a.remaining, a.overspent]),
      [
        [150_000, false],
        [-10_000, true],
      ],
    );
    assert.equal(position.allocations[1]!.sentence, 'Slough: £410,000 spent of £400,000 allocated on 2009-06-12, £10,000 over.');
  });

  it('leaves out other themes and years', () => {
    assert.equal(fundingPosition(BUDGET, [allocation('a', 100, 0, { year: '2010/11' }), allocation('b', 100, 0, { theme: 'Efficiency' })]).allocated, 0);
  });

  it('adds to the penny however many allocations there are', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 50 }), (pennies) => {
        const position = fundingPosition(
          BUDGET,
          pennies.map((p, i) => allocation(`a${i}`, p / 100, 0)),
        );
        assert.equal(
          Math.round(position.allocated * 100),
          pennies.reduce((a, b) => a + b, 0),
        );
        assert.equal(Math.round((position.allocated + position.unallocated) * 100), 170_000_000);
      }),
    );
  });
});

describe('checkAllocation(draft, budget, allocations)', () => {
  it('accepts an allocation within what is unallocated, to the last penny', () => {
    assert.deepEqual(checkAllocation(DRAFT, BUDGET, []), []);
    assert.deepEqual(checkAllocation({ ...DRAFT, amount: 1_449_999.99 }, BUDGET, [allocation('a', 250_000.01, 0)]), []);
  });

  it('refuses an allocation over the budget, naming the field and what is left', () => {
    const problems = checkAllocation({ ...DRAFT, amount: 1_450_001 }, BUDGET, [allocation('a', 250_000, 0)]);
    assert.deepEqual(
      problems.map((p) => p.message),
      ["'amount': £1,450,001 is over the budget: £1,450,000 of Performance Improvement's 2009/10 budget is unallocated"],
    );
  });

  it('refuses a nought, a negative, a fraction of a penny and a budget of another year', () => {
    assert.deepEqual(fields(checkAllocation({ ...DRAFT, amount: 0 }, BUDGET, [])), ['amount']);
    assert.deepEqual(fields(checkAllocation({ ...DRAFT, amount: -5 }, BUDGET, [])), ['amount']);
    assert.deepEqual(fields(checkAllocation({ ...DRAFT, amount: 10.005 }, BUDGET, [])), ['amount']);
    assert.deepEqual(fields(checkAllocation({ ...DRAFT, year: '2010/11' }, BUDGET, [])), ['year']);
  });

  it('refuses an allocation without its decision, who made it or when', () => {
    assert.deepEqual(fields(checkAllocation({ ...DRAFT, decidedBy: ' ', decidedOn: '12/06/2009', decision: '' }, BUDGET, [])), ['decidedBy', 'decidedOn', 'decision']);
  });

  it('refuses a council allocation that names no council, and a recipient without a name', () => {
    assert.deepEqual(fields(checkAllocation({ ...DRAFT, recipient: { kind: 'council', name: '', councilCode: null } }, BUDGET, [])), ['recipient.name', 'recipient.councilCode']);
  });
});

describe('checkBudget(budget) and checkSpend(spent)', () => {
  it('refuses a negative budget or carried-forward sum and a year that is not a financial year', () => {
    assert.deepEqual(checkBudget(BUDGET), []);
    assert.deepEqual(fields(checkBudget({ ...BUDGET, amount: -1, carriedForward: Number.NaN, year: '2009' })), ['year', 'amount', 'carriedForward']);
  });

  it('refuses a negative spend but not an overspend', () => {
    assert.deepEqual(fields(checkSpend(-0.01)), ['spent']);
    assert.deepEqual(checkSpend(1_000_000_000), []);
  });
});
